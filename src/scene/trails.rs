//! Word trajectories (shaders/scene/trails.wgsl): for every word, thick segments through its
//! history slots up to the playhead (at most [`MAX_SEGMENTS`] + 1 per word; long histories skip
//! slots evenly), read from the embedding history and projected with the PCA basis in the vertex
//! shader; brightness and width fade with age.

use super::layout::Panel;
use super::pipeline::{Blend, DrawContext, render_pipeline};

/// Most segments per word; keep in sync with trails.wgsl.
pub const MAX_SEGMENTS: u32 = 96;

pub struct TrailsRenderer {
    pipeline: wgpu::RenderPipeline,
}

impl TrailsRenderer {
    pub fn new(device: &wgpu::Device, layout: &wgpu::PipelineLayout) -> Self {
        let module = super::shaders::module(device, "trails");
        Self {
            pipeline: render_pipeline(
                device,
                layout,
                &module,
                "Trails::pipeline",
                ("vs_main", "fs_main"),
                Blend::Additive,
            ),
        }
    }

    pub fn draw(&self, pass: &mut wgpu::RenderPass<'_>, ctx: &DrawContext<'_>) {
        // The shader numbers instances (run * vocab + word) * (MAX_SEGMENTS + 1) + k; unused
        // ones collapse.
        let instances = if ctx.segments() == 0 {
            0
        } else {
            ctx.history.vocab * ctx.history.runs.max(1) * (MAX_SEGMENTS + 1)
        };
        if instances > 0 && ctx.focus(pass, Panel::Embedding) {
            pass.set_pipeline(&self.pipeline);
            pass.draw(0..6, 0..instances);
        }
    }
}
