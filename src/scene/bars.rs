//! Prediction bars (shaders/scene/bars.wgsl): P(next word | selected context) at the playhead,
//! one bar per word, the true next word(s) outlined with a tick at their best possible value.

use super::layout::Panel;
use super::pipeline::{Blend, DrawContext, render_pipeline};

pub struct BarsRenderer {
    pipeline: wgpu::RenderPipeline,
}

impl BarsRenderer {
    pub fn new(device: &wgpu::Device, layout: &wgpu::PipelineLayout) -> Self {
        let module = super::shaders::module(device, "bars");
        Self {
            pipeline: render_pipeline(
                device,
                layout,
                &module,
                "Bars::pipeline",
                ("vs_main", "fs_main"),
                Blend::Additive,
            ),
        }
    }

    pub fn draw(&self, pass: &mut wgpu::RenderPass<'_>, ctx: &DrawContext<'_>) {
        if ctx.focus(pass, Panel::Bars) {
            pass.set_pipeline(&self.pipeline);
            pass.draw(0..6, 0..ctx.history.vocab);
        }
    }
}
