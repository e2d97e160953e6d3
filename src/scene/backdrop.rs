//! Card backgrounds (shaders/scene/backdrop.wgsl): one rounded, bordered card per panel, written
//! first (no blending) over the cleared HDR target; the embedding card gets a soft radial glow.

use super::layout::PANEL_COUNT;
use super::pipeline::{Blend, DrawContext, render_pipeline};

pub struct BackdropRenderer {
    pipeline: wgpu::RenderPipeline,
}

impl BackdropRenderer {
    pub fn new(device: &wgpu::Device, layout: &wgpu::PipelineLayout) -> Self {
        let module = super::shaders::module(device, "backdrop");
        Self {
            pipeline: render_pipeline(
                device,
                layout,
                &module,
                "Backdrop::pipeline",
                ("vs_main", "fs_main"),
                Blend::Replace,
            ),
        }
    }

    pub fn draw(&self, pass: &mut wgpu::RenderPass<'_>, ctx: &DrawContext<'_>) {
        if ctx.focus_all(pass) {
            pass.set_pipeline(&self.pipeline);
            pass.draw(0..6, 0..PANEL_COUNT as u32);
        }
    }
}
