//! The focus word's embedding vector as coloured cells and the hidden-activation heatmap (pairs x
//! hidden units), both at the playhead (shaders/scene/strips.wgsl).

use super::layout::Panel;
use super::pipeline::{Blend, DrawContext, render_pipeline};

pub struct StripsRenderer {
    strip: wgpu::RenderPipeline,
    heat: wgpu::RenderPipeline,
}

impl StripsRenderer {
    pub fn new(device: &wgpu::Device, layout: &wgpu::PipelineLayout) -> Self {
        let module = super::shaders::module(device, "strips");
        Self {
            strip: render_pipeline(
                device,
                layout,
                &module,
                "Strips::strip",
                ("vs_strip", "fs_cell"),
                Blend::Additive,
            ),
            heat: render_pipeline(
                device,
                layout,
                &module,
                "Strips::heatmap",
                ("vs_heat", "fs_cell"),
                Blend::Additive,
            ),
        }
    }

    pub fn draw(&self, pass: &mut wgpu::RenderPass<'_>, ctx: &DrawContext<'_>) {
        let h = &ctx.history;
        if ctx.focus(pass, Panel::Strip) {
            pass.set_pipeline(&self.strip);
            pass.draw(0..6, 0..h.embed_dim);
        }
        if h.recorded_pairs > 0 && ctx.focus(pass, Panel::Heatmap) {
            pass.set_pipeline(&self.heat);
            pass.draw(0..6, 0..h.recorded_pairs * h.hidden);
        }
    }
}
