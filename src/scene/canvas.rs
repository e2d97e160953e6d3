//! An egui-only canvas: frames whose every mark is painted with egui (the attention lesson's
//! views), cleared to the scene's background and drawn into any 8-bit target (a window's surface
//! texture or an [`super::target::OffscreenTarget`]).
//!
//! How it works: [`Canvas::frame`] runs one egui pass of the caller's `ui` at the target's size,
//! uploads the texture changes first (every delta must be applied), renders the primitives in
//! one render pass that clears to the background, then frees released textures; it returns the
//! pass's platform output (cursor, AccessKit updates) for a window to hand on. Headless frames
//! run [`Canvas::settle`] first, since egui lays out an area it has not seen before invisibly.
//! Big rounded panels are plates ([`super::plates`]): one cheap quad each under egui's meshes.

use super::{palette, plates};

/// The background as an 8-bit target shows it (the scene's linear background, sRGB-encoded).
const CLEAR: wgpu::Color = wgpu::Color {
    r: 0.043,
    g: 0.05,
    b: 0.075,
    a: 1.0,
};

pub struct Canvas {
    pub ctx: egui::Context,
    renderer: egui_wgpu::Renderer,
    /// Big rounded panels ([`plates`]), drawn under egui's meshes.
    plates: plates::PlateRenderer,
    deterministic: bool,
}

impl Canvas {
    pub fn new(device: &wgpu::Device, format: wgpu::TextureFormat, deterministic: bool) -> Self {
        let ctx = egui::Context::default();
        ctx.set_fonts(palette::fonts());
        ctx.options_mut(|o| o.theme_preference = egui::ThemePreference::Dark);
        let options = if deterministic {
            egui_wgpu::RendererOptions::PREDICTABLE
        } else {
            egui_wgpu::RendererOptions::default()
        };
        Self {
            ctx,
            renderer: egui_wgpu::Renderer::new(device, format, options),
            plates: plates::PlateRenderer::new(device, format),
            deterministic,
        }
    }

    fn fit(&self, input: &mut egui::RawInput, size: (u32, u32)) -> f32 {
        super::egui_pass::fit_input(input, size, self.deterministic)
    }

    fn apply(&mut self, device: &wgpu::Device, queue: &wgpu::Queue, set: &egui::TexturesDelta) {
        super::egui_pass::apply_textures(&mut self.renderer, device, queue, set);
    }

    /// Runs `passes` passes of `ui` that draw nothing (their textures are applied).
    pub fn settle(
        &mut self,
        device: &wgpu::Device,
        queue: &wgpu::Queue,
        input: &egui::RawInput,
        size: (u32, u32),
        passes: u32,
        mut ui: impl FnMut(&egui::Context),
    ) {
        for _ in 0..passes {
            let mut input = input.clone();
            self.fit(&mut input, size);
            let mut full = self.ctx.run_pass(input, &mut ui);
            let delta = std::mem::take(&mut full.textures_delta);
            self.apply(device, queue, &delta);
            let mut delta = delta;
            delta.clear();
            full.drop_without_applying_deltas();
            drop(plates::take_plates(&self.ctx));
        }
    }

    /// One frame of `ui` into `output` (`size` pixels), encoded into `encoder`.
    #[allow(clippy::too_many_arguments)]
    pub fn frame(
        &mut self,
        device: &wgpu::Device,
        queue: &wgpu::Queue,
        encoder: &mut wgpu::CommandEncoder,
        output: &wgpu::TextureView,
        size: (u32, u32),
        mut input: egui::RawInput,
        ui: impl FnMut(&egui::Context),
    ) -> egui::PlatformOutput {
        self.fit(&mut input, size);
        drop(plates::take_plates(&self.ctx));
        let full = self.ctx.run_pass(input, ui);
        let target = super::egui_pass::EguiTarget {
            output,
            size,
            load: wgpu::LoadOp::Clear(CLEAR),
            label: "Canvas::frame",
        };
        super::egui_pass::render_egui(
            &self.ctx,
            &mut self.renderer,
            &mut self.plates,
            device,
            queue,
            encoder,
            &target,
            full,
        )
    }
}
