//! The egui pass: the scene's labels and the caller's overlay, painted over the tonemapped frame.
//!
//! How it works: [`Scene::encode_egui`] runs one egui pass (scene labels first, then the caller's
//! `ui` hook), uploads the texture changes egui asks for *before* rendering (every delta must be
//! applied: egui 0.37 panics when a frame's deltas are dropped), renders the primitives into the
//! output with `LoadOp::Load` (the overlay's card backgrounds first, [`super::plates`]), then
//! frees the textures egui released. Headless frames call
//! [`Scene::settle_egui`] first: egui lays out a window or area it has not seen before invisibly
//! for one pass, so a single headless pass would miss the overlay's cards.

use super::layout::Layout;
use super::{Scene, SceneFrame, SceneInfo, labels, plates};

/// Sets `input`'s screen rect to `size` pixels (at its pixels per point, which it returns);
/// deterministic frames get time 0. Shared by the scene and the egui-only canvas.
pub(super) fn fit_input(input: &mut egui::RawInput, size: (u32, u32), deterministic: bool) -> f32 {
    let ppp = input
        .viewports
        .get(&egui::ViewportId::ROOT)
        .and_then(|v| v.native_pixels_per_point)
        .unwrap_or(1.0);
    input.screen_rect = Some(egui::Rect::from_min_size(
        egui::Pos2::ZERO,
        egui::vec2(size.0 as f32 / ppp, size.1 as f32 / ppp),
    ));
    if deterministic {
        input.time = Some(0.0);
    }
    ppp
}

/// Uploads new and changed egui textures to `renderer` and frees released ones (set first).
pub(super) fn apply_textures(
    renderer: &mut egui_wgpu::Renderer,
    device: &wgpu::Device,
    queue: &wgpu::Queue,
    delta: &egui::TexturesDelta,
) {
    for (id, images) in &delta.set {
        for image in images {
            renderer.update_texture(device, queue, *id, image);
        }
    }
    for id in &delta.free {
        renderer.free_texture(id);
    }
}

impl Scene {
    fn fit_input(&self, input: &mut egui::RawInput, size: (u32, u32)) -> f32 {
        fit_input(input, size, self.options.deterministic)
    }

    /// Runs `passes` egui passes of `ui` that paint nothing (their texture changes are applied),
    /// so the next [`Scene::encode_frame`] shows areas at their settled size. For headless frames
    /// with an overlay; a window gets the same from its previous frames.
    pub fn settle_egui(
        &mut self,
        device: &wgpu::Device,
        queue: &wgpu::Queue,
        layout: &Layout,
        input: &egui::RawInput,
        passes: u32,
        mut ui: impl FnMut(&egui::Context),
    ) {
        for _ in 0..passes {
            let mut input = input.clone();
            self.fit_input(&mut input, (layout.width, layout.height));
            let full = self.egui_ctx.run_pass(input, |ctx| {
                layout.install(ctx);
                ui(ctx);
            });
            self.apply_textures(device, queue, &full.textures_delta);
            full.drop_without_applying_deltas(); // applied just above
            drop(plates::take_plates(&self.egui_ctx));
        }
    }

    fn apply_textures(
        &mut self,
        device: &wgpu::Device,
        queue: &wgpu::Queue,
        delta: &egui::TexturesDelta,
    ) {
        apply_textures(&mut self.egui_renderer, device, queue, delta);
    }

    #[allow(clippy::too_many_arguments)]
    pub(super) fn encode_egui(
        &mut self,
        device: &wgpu::Device,
        queue: &wgpu::Queue,
        encoder: &mut wgpu::CommandEncoder,
        info: &SceneInfo,
        frame: &SceneFrame,
        layout: &Layout,
        output: &wgpu::TextureView,
        mut input: egui::RawInput,
        ui: impl FnOnce(&egui::Context),
    ) -> egui::PlatformOutput {
        let ppp = self.fit_input(&mut input, (layout.width, layout.height));
        let summary = self.summary.latest().cloned();
        let mut ui = Some(ui);
        drop(plates::take_plates(&self.egui_ctx));
        let full = self.egui_ctx.run_pass(input, |ctx| {
            layout.install(ctx);
            if frame.labels {
                labels::paint(ctx, info, frame, layout, summary.as_ref(), ppp);
            }
            if let Some(ui) = ui.take() {
                ui(ctx);
            }
        });
        let egui::FullOutput {
            platform_output,
            mut textures_delta,
            shapes,
            pixels_per_point,
            ..
        } = full;
        let primitives = self.egui_ctx.tessellate(shapes, pixels_per_point);
        let plate_list = plates::take_plates(&self.egui_ctx);
        let plate_count = self.plates.prepare(
            device,
            queue,
            &plate_list,
            pixels_per_point,
            (layout.width, layout.height),
        );
        // Uploads first; frees only after rendering (a texture may be set and freed in one pass).
        let upload = egui::TexturesDelta {
            set: std::mem::take(&mut textures_delta.set),
            free: Default::default(),
        };
        self.apply_textures(device, queue, &upload);
        drop_applied(upload);
        let screen = egui_wgpu::ScreenDescriptor {
            size_in_pixels: [layout.width, layout.height],
            pixels_per_point,
        };
        let extra = self
            .egui_renderer
            .update_buffers(device, queue, encoder, &primitives, &screen);
        if !extra.is_empty() {
            log::warn!(
                "egui paint callbacks are not supported by the scene; {} command buffers dropped",
                extra.len()
            );
        }
        {
            let mut pass = encoder
                .begin_render_pass(&wgpu::RenderPassDescriptor {
                    label: Some("Scene::egui"),
                    color_attachments: &[Some(wgpu::RenderPassColorAttachment {
                        view: output,
                        depth_slice: None,
                        resolve_target: None,
                        ops: wgpu::Operations {
                            load: wgpu::LoadOp::Load,
                            store: wgpu::StoreOp::Store,
                        },
                    })],
                    depth_stencil_attachment: None,
                    timestamp_writes: None,
                    occlusion_query_set: None,
                    multiview_mask: None,
                })
                .forget_lifetime();
            // The big cards' backgrounds first, then egui's meshes over them.
            self.plates.draw(&mut pass, plate_count);
            self.egui_renderer.render(&mut pass, &primitives, &screen);
        }
        self.apply_textures(device, queue, &textures_delta);
        drop_applied(textures_delta);
        platform_output
    }
}

/// Drops deltas that were applied (a `TexturesDelta` must be empty when dropped).
fn drop_applied(mut delta: egui::TexturesDelta) {
    delta.clear();
}

/// A RawInput for headless frames of `size` pixels at 1 pixel per point.
pub fn headless_input(size: (u32, u32)) -> egui::RawInput {
    let mut input = egui::RawInput {
        screen_rect: Some(egui::Rect::from_min_size(
            egui::Pos2::ZERO,
            egui::vec2(size.0 as f32, size.1 as f32),
        )),
        time: Some(0.0),
        ..Default::default()
    };
    if let Some(viewport) = input.viewports.get_mut(&egui::ViewportId::ROOT) {
        viewport.native_pixels_per_point = Some(1.0);
    }
    input
}
