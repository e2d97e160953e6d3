//! The loss curve (shaders/scene/loss_curve.wgsl), expanded in the vertex shader straight from
//! the loss history buffer: guide lines and the playhead line, a soft fill under the selected
//! run, every run's curve (others as ghosts), and a glowing dot at the playhead.

use super::layout::Panel;
use super::pipeline::{Blend, DrawContext, render_pipeline};

pub struct LossCurveRenderer {
    guides: wgpu::RenderPipeline,
    fill: wgpu::RenderPipeline,
    curve: wgpu::RenderPipeline,
    dot: wgpu::RenderPipeline,
}

impl LossCurveRenderer {
    pub fn new(device: &wgpu::Device, layout: &wgpu::PipelineLayout) -> Self {
        let m = super::shaders::module(device, "loss_curve");
        let p =
            |label, entries| render_pipeline(device, layout, &m, label, entries, Blend::Additive);
        Self {
            guides: p("LossCurve::guides", ("vs_guides", "fs_line")),
            fill: p("LossCurve::fill", ("vs_fill", "fs_fill")),
            curve: p("LossCurve::curve", ("vs_curve", "fs_line")),
            dot: p("LossCurve::dot", ("vs_dot", "fs_dot")),
        }
    }

    pub fn draw(&self, pass: &mut wgpu::RenderPass<'_>, ctx: &DrawContext<'_>) {
        if !ctx.focus(pass, Panel::Loss) {
            return;
        }
        pass.set_pipeline(&self.guides);
        pass.draw(0..6, 0..6);
        let segments = ctx.segments();
        if segments > 0 {
            pass.set_pipeline(&self.fill);
            pass.draw(0..6, 0..segments);
            pass.set_pipeline(&self.curve);
            pass.draw(0..6, 0..segments * ctx.history.runs);
        }
        if ctx.history.slots_filled > 0 {
            pass.set_pipeline(&self.dot);
            pass.draw(0..6, 0..1);
        }
    }
}
