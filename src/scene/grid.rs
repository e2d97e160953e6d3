//! Depth cues of the embedding view (shaders/scene/grid.wgsl): a floor grid under the unit
//! sphere the words live in and three faint axes, as thick anti-aliased lines.

use super::layout::Panel;
use super::pipeline::{Blend, DrawContext, render_pipeline};

/// 11 lines per direction plus 3 axes; keep in sync with grid.wgsl.
const LINES: u32 = 2 * 11 + 3;

pub struct GridRenderer {
    pipeline: wgpu::RenderPipeline,
}

impl GridRenderer {
    pub fn new(device: &wgpu::Device, layout: &wgpu::PipelineLayout) -> Self {
        let module = super::shaders::module(device, "grid");
        Self {
            pipeline: render_pipeline(
                device,
                layout,
                &module,
                "Grid::pipeline",
                ("vs_main", "fs_main"),
                Blend::Additive,
            ),
        }
    }

    pub fn draw(&self, pass: &mut wgpu::RenderPass<'_>, ctx: &DrawContext<'_>) {
        if ctx.focus(pass, Panel::Embedding) {
            pass.set_pipeline(&self.pipeline);
            pass.draw(0..6, 0..LINES);
        }
    }
}
