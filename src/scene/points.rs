//! The words of the embedding view (shaders/scene/points.wgsl): a glowing sprite per word at its
//! interpolated PCA position, and a dashed stem down to the floor grid for depth.

use super::layout::Panel;
use super::pipeline::{Blend, DrawContext, render_pipeline};

pub struct PointsRenderer {
    stems: wgpu::RenderPipeline,
    points: wgpu::RenderPipeline,
}

impl PointsRenderer {
    pub fn new(device: &wgpu::Device, layout: &wgpu::PipelineLayout) -> Self {
        let module = super::shaders::module(device, "points");
        Self {
            stems: render_pipeline(
                device,
                layout,
                &module,
                "Points::stems",
                ("vs_stem", "fs_stem"),
                Blend::Additive,
            ),
            points: render_pipeline(
                device,
                layout,
                &module,
                "Points::points",
                ("vs_point", "fs_point"),
                Blend::Additive,
            ),
        }
    }

    pub fn draw(&self, pass: &mut wgpu::RenderPass<'_>, ctx: &DrawContext<'_>) {
        let words = ctx.history.vocab;
        if ctx.history.slots_filled > 0 && ctx.focus(pass, Panel::Embedding) {
            pass.set_pipeline(&self.stems);
            pass.draw(0..6, 0..words);
            // Every run's words: the followed run bright, the others as ghosts (points.wgsl).
            pass.set_pipeline(&self.points);
            pass.draw(0..6, 0..words * ctx.history.runs.max(1));
        }
    }
}
