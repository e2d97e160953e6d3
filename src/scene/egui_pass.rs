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
        let target = EguiTarget {
            output,
            size: (layout.width, layout.height),
            load: wgpu::LoadOp::Load,
            label: "Scene::egui",
        };
        render_egui(
            &self.egui_ctx,
            &mut self.egui_renderer,
            &mut self.plates,
            device,
            queue,
            encoder,
            &target,
            full,
        )
    }
}

/// Where [`render_egui`] draws: the view, its size, whether to clear it first.
pub(super) struct EguiTarget<'a> {
    pub output: &'a wgpu::TextureView,
    pub size: (u32, u32),
    pub load: wgpu::LoadOp<wgpu::Color>,
    pub label: &'a str,
}

/// Draws one egui pass's output into `target` (the scene's labels and overlay, or the canvas's
/// whole screen): its texture uploads first (every delta must be applied), the meshes' buffers,
/// one render pass with the big cards' plates under egui's meshes, then the textures egui freed
/// (a texture may be set and freed in one pass). Returns the pass's platform output.
#[allow(clippy::too_many_arguments)]
pub(super) fn render_egui(
    ctx: &egui::Context,
    renderer: &mut egui_wgpu::Renderer,
    plate_renderer: &mut plates::PlateRenderer,
    device: &wgpu::Device,
    queue: &wgpu::Queue,
    encoder: &mut wgpu::CommandEncoder,
    target: &EguiTarget<'_>,
    full: egui::FullOutput,
) -> egui::PlatformOutput {
    let egui::FullOutput {
        platform_output,
        mut textures_delta,
        shapes,
        pixels_per_point,
        ..
    } = full;
    let primitives = ctx.tessellate(shapes, pixels_per_point);
    let plate_list = plates::take_plates(ctx);
    let plate_count =
        plate_renderer.prepare(device, queue, &plate_list, pixels_per_point, target.size);
    let upload = egui::TexturesDelta {
        set: std::mem::take(&mut textures_delta.set),
        free: Default::default(),
    };
    apply_textures(renderer, device, queue, &upload);
    drop_applied(upload);
    let screen = egui_wgpu::ScreenDescriptor {
        size_in_pixels: [target.size.0, target.size.1],
        pixels_per_point,
    };
    let extra = renderer.update_buffers(device, queue, encoder, &primitives, &screen);
    if !extra.is_empty() {
        log::warn!(
            "egui paint callbacks are not supported; {} command buffers dropped",
            extra.len()
        );
    }
    {
        let mut pass = encoder
            .begin_render_pass(&wgpu::RenderPassDescriptor {
                label: Some(target.label),
                color_attachments: &[Some(wgpu::RenderPassColorAttachment {
                    view: target.output,
                    depth_slice: None,
                    resolve_target: None,
                    ops: wgpu::Operations {
                        load: target.load,
                        store: wgpu::StoreOp::Store,
                    },
                })],
                depth_stencil_attachment: None,
                timestamp_writes: None,
                occlusion_query_set: None,
                multiview_mask: None,
            })
            .forget_lifetime();
        plate_renderer.draw(&mut pass, plate_count);
        renderer.render(&mut pass, &primitives, &screen);
    }
    apply_textures(renderer, device, queue, &textures_delta);
    drop_applied(textures_delta);
    platform_output
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
