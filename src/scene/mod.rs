//! The renderer: every view is a render pass that reads the engine's GPU history buffers at a
//! fractional-epoch playhead. No history goes through the CPU per frame.
//!
//! How it works: a [`Scene`] owns one long-lived renderer per view (pipelines built once) and the
//! shared group-0 bindings (the frame uniform + the engine's buffers, bound directly). Each frame
//! [`Scene::encode_frame`] writes the small uniforms (camera, playhead slots, selection), encodes
//! the scene's compute passes (value ranges, the PCA basis when the history changed, the label
//! summary), then one HDR render pass with every view in its own viewport (backdrop, grid, trails,
//! points, network, loss curve, bars, strips), bloom and tonemap into the output, and egui text on
//! top (scene labels, then the caller's `ui` hook for overlays). The caller may encode training
//! into the same encoder first and submits once. The label numbers come back through a tiny async
//! readback ([`summary`]) that never blocks a window frame; headless rendering waits for it
//! ([`Scene::prepare_blocking`]) so a PNG's labels match its pixels.
//!
//! Deterministic mode (tests, snapshots): no dithering, no time-based motion; the same inputs give
//! the same pixels.

mod backdrop;
mod bars;
pub mod bench;
mod bindings;
pub mod bloom;
pub mod camera;
pub mod canvas;
pub mod declutter;
mod egui_pass;
pub mod fixture;
mod grid;
pub mod headless;
pub mod info;
pub mod labels;
pub mod layout;
mod loss_curve;
mod network;
pub mod palette;
pub mod pca;
mod pipeline;
pub mod plates;
mod points;
pub mod shaders;
mod strips;
pub mod summary;
pub mod target;
mod trails;
pub mod uniforms;

pub use bloom::BloomSettings;
pub use camera::OrbitCamera;
pub use egui_pass::headless_input;
pub use info::SceneInfo;
pub use layout::{Layout, LayoutSpec, Panel, Rect};
pub use summary::Summary;

use crate::engine::{HistoryBuffers, HistoryLayout};
use pipeline::DrawContext;
use uniforms::{FrameUniforms, WordStyle};

/// Errors of the renderer. Each message is one line.
#[derive(Debug, thiserror::Error)]
pub enum SceneError {
    #[error("GPU: {0}")]
    Gpu(String),
    #[error("{0}")]
    Io(String),
    #[error("{0}")]
    Invalid(String),
}

/// Options fixed when the scene is created.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct SceneOptions {
    /// No dithering and no time-based motion (the caller should pass `time_secs = 0`).
    pub deterministic: bool,
}

/// Per-frame inputs: what to show and from where.
#[derive(Clone, Debug, PartialEq)]
pub struct SceneFrame {
    /// Fractional epoch shown; views interpolate between the two bracketing history slots.
    pub playhead: f32,
    /// The run drawn bright (others are ghosts in the loss plot).
    pub run: u32,
    /// The selected pair, as a recorded-pair index.
    pub pair: u32,
    /// The focus word (vector strip; ringed in the 3D view).
    pub word: u32,
    pub hover_word: Option<u32>,
    pub camera: OrbitCamera,
    pub loss_log: bool,
    /// Show embedding dims 0, 1, 2 instead of the PCA projection.
    pub raw_dims: bool,
    pub bloom: BloomSettings,
    /// Seconds since start (0 in deterministic mode).
    pub time_secs: f32,
    /// Network pulse phase 0..1 (forward, then gradient); None hides the pulse.
    pub pulse_phase: Option<f32>,
    /// A short word in the header, e.g. "training" or "paused".
    pub status: String,
    /// Epochs the lesson plans (header and loss x range).
    pub total_epochs: u32,
    /// Newest epoch trained (the loss plot's x range grows past `total_epochs` with it).
    pub trained_epochs: u32,
    /// Paint the scene's text (off in pixel tests that measure the GPU views alone).
    pub labels: bool,
    /// What the composition keeps free for an overlay (its control bar, its lesson column) and
    /// the size of the scene's type.
    pub spec: LayoutSpec,
    /// The numbers the frame shows, all of one recorded epoch, as the overlay read them back;
    /// without them the scene shows its own numbers at the slot at or before the playhead.
    pub numbers: Option<ShownNumbers>,
}

/// The numbers of one frame, all from one slot of the history (see [`SceneFrame::numbers`]).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ShownNumbers {
    /// The recorded epoch they belong to.
    pub epoch: u32,
    /// The loss of the shown run.
    pub loss: f32,
    /// P(word | selected pair) for every word.
    pub probs: Vec<f32>,
    /// The V x D embedding table (shared with the overlay's summary, not copied per frame).
    pub embedding: std::sync::Arc<[f32]>,
}

impl SceneFrame {
    pub fn new(playhead: f32) -> Self {
        Self {
            playhead,
            run: 0,
            pair: 0,
            word: 0,
            hover_word: None,
            camera: OrbitCamera::default(),
            loss_log: false,
            raw_dims: false,
            bloom: BloomSettings::default(),
            time_secs: 0.0,
            pulse_phase: Some(playhead.rem_euclid(1.0)),
            status: String::new(),
            total_epochs: 0,
            trained_epochs: 0,
            labels: true,
            spec: LayoutSpec::default(),
            numbers: None,
        }
    }

    /// The slot whose numbers this frame shows: the epoch of [`Self::numbers`] when given, else
    /// the newest recorded epoch at or before the playhead.
    pub fn number_slot(&self, history: &HistoryLayout) -> u32 {
        let slots = history.epochs();
        self.numbers
            .as_ref()
            .and_then(|n| slots.slot_of(n.epoch))
            .unwrap_or_else(|| slots.slot_at_or_before(self.playhead))
    }

    /// The epoch whose numbers this frame shows.
    pub fn shown_epoch(&self, history: &HistoryLayout) -> u32 {
        history.epochs().epoch_of(self.number_slot(history))
    }

    /// Where the views go in a target of `size` pixels for this frame.
    pub fn layout(&self, size: (u32, u32)) -> Layout {
        Layout::compose(size.0, size.1, self.spec)
    }

    /// The loss plot's x extent in epochs (keep in sync with `last_epoch` use in loss_curve.wgsl).
    pub fn loss_x_extent(&self) -> f32 {
        (self.total_epochs.max(self.trained_epochs) as f32)
            .max(self.playhead)
            .max(1.0)
    }
}

/// What the scene draws from: the engine's buffers and the lesson's names.
pub struct SceneInputs<'a> {
    pub history: HistoryBuffers<'a>,
    /// Current parameters, run-major, `info.param_count` floats per run.
    pub params: &'a wgpu::Buffer,
    pub info: &'a SceneInfo,
}

/// What the PCA covers; it reruns when this changes.
#[derive(Clone, Copy, Debug, PartialEq)]
struct PcaKey {
    slots_filled: u32,
    stride: u32,
    first_epoch: u32,
    run: u32,
    raw: bool,
}

pub struct Scene {
    options: SceneOptions,
    bindings: bindings::SceneBindings,
    passes: pca::ScenePasses,
    grid: grid::GridRenderer,
    trails: trails::TrailsRenderer,
    points: points::PointsRenderer,
    network: network::NetworkRenderer,
    loss: loss_curve::LossCurveRenderer,
    backdrop: backdrop::BackdropRenderer,
    bars: bars::BarsRenderer,
    strips: strips::StripsRenderer,
    post: bloom::PostProcess,
    hdr: Option<target::HdrTarget>,
    egui_ctx: egui::Context,
    egui_renderer: egui_wgpu::Renderer,
    plates: plates::PlateRenderer,
    /// Frames encoded so far (the glow is recomputed every other one).
    frames_encoded: u64,
    summary: summary::SummaryReadback,
    /// (pair, focus word, bar row of each word, palette) the style buffer holds.
    words_key: Option<(u32, u32, Vec<Option<u32>>, palette::WordPalette)>,
    pca_key: Option<PcaKey>,
    has_basis: bool,
}

impl Scene {
    /// Builds every pipeline for an output of `output_format`. A non-sRGB format (`Rgba8Unorm`,
    /// `Bgra8Unorm`) is preferred: the tonemap then encodes sRGB itself and egui blends in gamma
    /// space, as it is designed to; an *Srgb format works too.
    pub fn new(
        device: &wgpu::Device,
        output_format: wgpu::TextureFormat,
        options: SceneOptions,
    ) -> Self {
        let bindings = bindings::SceneBindings::new(device);
        let layout = device.create_pipeline_layout(&wgpu::PipelineLayoutDescriptor {
            label: Some("Scene::render_layout"),
            bind_group_layouts: &[Some(&bindings.render_layout)],
            immediate_size: 0,
        });
        let egui_ctx = egui::Context::default();
        egui_ctx.set_fonts(palette::fonts());
        egui_ctx.options_mut(|o| o.theme_preference = egui::ThemePreference::Dark);
        let egui_options = if options.deterministic {
            egui_wgpu::RendererOptions::PREDICTABLE
        } else {
            egui_wgpu::RendererOptions::default()
        };
        Self {
            passes: pca::ScenePasses::new(device, &bindings.compute_layout),
            grid: grid::GridRenderer::new(device, &layout),
            trails: trails::TrailsRenderer::new(device, &layout),
            points: points::PointsRenderer::new(device, &layout),
            network: network::NetworkRenderer::new(device, &layout),
            loss: loss_curve::LossCurveRenderer::new(device, &layout),
            backdrop: backdrop::BackdropRenderer::new(device, &layout),
            bars: bars::BarsRenderer::new(device, &layout),
            strips: strips::StripsRenderer::new(device, &layout),
            post: bloom::PostProcess::new(device, output_format),
            hdr: None,
            egui_renderer: egui_wgpu::Renderer::new(device, output_format, egui_options),
            plates: plates::PlateRenderer::new(device, output_format),
            frames_encoded: 0,
            egui_ctx,
            summary: summary::SummaryReadback::new(device, (1, 1, 1)),
            bindings,
            options,
            words_key: None,
            pca_key: None,
            has_basis: false,
        }
    }

    /// The egui context the scene paints its labels with; overlays and egui-winit share it.
    pub fn egui_ctx(&self) -> &egui::Context {
        &self.egui_ctx
    }

    /// The newest label summary that has arrived.
    pub fn summary(&self) -> Option<&Summary> {
        self.summary.latest()
    }

    /// The scene's derived buffer (PCA basis and ranges), for tests.
    pub fn derived_buffer(&self) -> &wgpu::Buffer {
        &self.bindings.derived
    }

    /// The word under `cursor` (target pixels) in the 3D view, from the latest summary.
    pub fn pick_word(
        &self,
        frame: &SceneFrame,
        layout: &Layout,
        cursor: glam::Vec2,
    ) -> Option<u32> {
        labels::pick_word(self.summary.latest()?, &frame.camera, layout, cursor)
    }

    /// Writes the uniforms and styles and encodes the compute passes and the summary copy.
    fn prepare(
        &mut self,
        device: &wgpu::Device,
        queue: &wgpu::Queue,
        encoder: &mut wgpu::CommandEncoder,
        inputs: &SceneInputs<'_>,
        frame: &SceneFrame,
        layout: &Layout,
    ) {
        let h = inputs.history.layout;
        let info = inputs.info;
        if self.bindings.resize(device, h.vocab, h.embed_dim, h.hidden) {
            self.has_basis = false;
            self.pca_key = None;
            self.words_key = None;
        }
        if self.summary.dims() != (h.vocab, h.embed_dim, h.hidden) {
            self.summary = summary::SummaryReadback::new(device, (h.vocab, h.embed_dim, h.hidden));
        }
        self.bindings.bind(device, &inputs.history, inputs.params);
        let ideal = info.ideal_probs(frame.pair);
        let probs = labels::shown_probs(frame, self.summary.latest());
        let rows = info::bar_rows(&ideal, probs, info::bar_capacity(layout));
        let words_key = (frame.pair, frame.word, rows, palette::word_palette());
        if self.words_key.as_ref() != Some(&words_key) {
            let rows = &words_key.2;
            let context = info
                .recorded
                .get(frame.pair as usize)
                .map(|p| p.context.clone())
                .unwrap_or_default();
            let styles: Vec<WordStyle> = (0..h.vocab as usize)
                .map(|w| {
                    let [r, g, b] = palette::word_linear(w);
                    WordStyle {
                        color: [r, g, b, 1.0],
                        flags: [
                            ideal.get(w).copied().unwrap_or(0.0),
                            f32::from(u8::from(context.contains(&(w as u32)))),
                            f32::from(u8::from(w as u32 == frame.word)),
                            rows.get(w).copied().flatten().map_or(-1.0, |r| r as f32),
                        ],
                    }
                })
                .collect();
            queue.write_buffer(&self.bindings.words, 0, bytemuck::cast_slice(&styles));
            self.words_key = Some(words_key);
        }
        let key = PcaKey {
            slots_filled: h.slots_filled,
            stride: h.stride,
            first_epoch: h.first_epoch,
            run: frame.run,
            raw: frame.raw_dims,
        };
        let run_pca = self.pca_key != Some(key) && h.slots_filled > 0;
        let uniforms = self.uniforms(inputs, frame, layout);
        queue.write_buffer(&self.bindings.frame, 0, bytemuck::bytes_of(&uniforms));
        let group = self.bindings.compute_group.as_ref().expect("bound above");
        encoder.push_debug_group("Scene::compute");
        self.passes.encode(encoder, group, run_pca);
        encoder.pop_debug_group();
        if run_pca {
            self.pca_key = Some(key);
            self.has_basis = !frame.raw_dims;
        }
        self.summary.encode_copy(encoder, &self.bindings.summary);
    }

    fn uniforms(
        &self,
        inputs: &SceneInputs<'_>,
        frame: &SceneFrame,
        layout: &Layout,
    ) -> FrameUniforms {
        let h = inputs.history.layout;
        let info = inputs.info;
        let plot = layout.plot(Panel::Embedding);
        let (slot_a, slot_b, slot_t, slot_pos) = h.epochs().bracket(frame.playhead);
        let mut panels = [[0.0; 4]; 8];
        let mut cards = [[0.0; 4]; 8];
        for i in 0..layout::PANEL_COUNT {
            panels[i] = layout.plots[i].as_array();
            // The heatmap shares the strips card.
            if i != Panel::Heatmap as usize {
                cards[i] = layout.cards[i].as_array();
            }
        }
        let mut flags = 0;
        if frame.loss_log {
            flags |= uniforms::FLAG_LOSS_LOG;
        }
        if frame.raw_dims {
            flags |= uniforms::FLAG_RAW_DIMS;
        }
        if self.has_basis && !frame.raw_dims {
            flags |= uniforms::FLAG_HAS_BASIS;
        }
        if frame.hover_word.is_some() {
            flags |= uniforms::FLAG_HOVER;
        }
        let mut ctx_words = [0; 4];
        if let Some(pair) = info.recorded.get(frame.pair as usize) {
            for (slot, &w) in ctx_words.iter_mut().zip(&pair.context) {
                *slot = w;
            }
        }
        let eye = frame.camera.eye();
        FrameUniforms {
            clip_from_world: frame
                .camera
                .clip_from_world(plot.w / plot.h.max(1.0))
                .to_cols_array_2d(),
            panels,
            cards,
            eye: [eye.x, eye.y, eye.z, layout.scale],
            runs: h.runs,
            capacity: h.capacity,
            vocab: h.vocab,
            embed_dim: h.embed_dim,
            hidden: h.hidden,
            recorded_pairs: h.recorded_pairs,
            stride: h.stride.max(1),
            slots_filled: h.slots_filled,
            first_epoch: h.first_epoch,
            run: frame.run.min(h.runs.saturating_sub(1)),
            slot_a,
            slot_b,
            slot_t,
            slot_pos,
            playhead: frame.playhead,
            last_epoch: frame.loss_x_extent(),
            pair: frame.pair.min(h.recorded_pairs.saturating_sub(1)),
            word: frame.word.min(h.vocab.saturating_sub(1)),
            hover_word: frame.hover_word.unwrap_or(u32::MAX),
            context: info.context,
            off_w1: info.off_w1,
            off_b1: info.off_b1,
            off_w2: info.off_w2,
            off_b2: info.off_b2,
            param_count: info.param_count,
            flags,
            pulse_phase: frame.pulse_phase.map_or(-1.0, |p| p.rem_euclid(1.0)),
            time_secs: if self.options.deterministic {
                0.0
            } else {
                frame.time_secs
            },
            target_size: [layout.width as f32, layout.height as f32],
            pca_slots: pca::pca_slots(h.vocab, h.embed_dim),
            pca_iterations: if self.has_basis {
                pca::PCA_WARM_ITERATIONS
            } else {
                pca::PCA_COLD_ITERATIONS
            },
            ctx_words,
            bar_rows: h.vocab.min(info::bar_capacity(layout) as u32),
            number_slot: frame.number_slot(&h),
            pad1: 0,
            pad2: 0,
        }
    }

    /// Headless: runs the compute passes and waits for their summary, so the labels of the next
    /// [`Self::encode_frame`] match its pixels exactly.
    pub fn prepare_blocking(
        &mut self,
        device: &wgpu::Device,
        queue: &wgpu::Queue,
        inputs: &SceneInputs<'_>,
        frame: &SceneFrame,
        layout: &Layout,
    ) -> Summary {
        let mut encoder = device.create_command_encoder(&wgpu::CommandEncoderDescriptor {
            label: Some("Scene::prepare_blocking"),
        });
        self.prepare(device, queue, &mut encoder, inputs, frame, layout);
        queue.submit([encoder.finish()]);
        self.summary
            .read_blocking(device, queue, &self.bindings.summary)
    }

    /// Encodes one whole frame into `encoder`: compute passes, every view into the HDR target,
    /// bloom and tonemap into `output` (`layout`'s size, computed once per frame by the caller
    /// with [`SceneFrame::layout`]), then egui text: the scene's labels and whatever `ui` paints
    /// (overlays). Submit the encoder, then call [`Self::after_submit`].
    #[allow(clippy::too_many_arguments)]
    pub fn encode_frame(
        &mut self,
        device: &wgpu::Device,
        queue: &wgpu::Queue,
        encoder: &mut wgpu::CommandEncoder,
        inputs: &SceneInputs<'_>,
        frame: &SceneFrame,
        output: &wgpu::TextureView,
        layout: &Layout,
        egui_input: egui::RawInput,
        ui: impl FnOnce(&egui::Context),
    ) -> egui::PlatformOutput {
        let size = (layout.width, layout.height);
        self.frames_encoded += 1;
        self.prepare(device, queue, encoder, inputs, frame, layout);
        self.encode_views(device, encoder, inputs, layout);
        let hdr = self.hdr.as_ref().expect("created in encode_views");
        let composite = self.composite(frame, layout);
        self.post
            .encode(device, queue, encoder, &hdr.view, size, output, &composite);
        self.encode_egui(
            device,
            queue,
            encoder,
            inputs.info,
            frame,
            layout,
            output,
            egui_input,
            ui,
        )
    }

    /// Benchmarks: renders a frame like [`Self::encode_frame`] but submits and waits after each
    /// stage, calling `mark` with the stage's name ("scene": compute passes and views, "bloom",
    /// "tonemap", "labels": egui) as soon as it completed on the GPU.
    #[allow(clippy::too_many_arguments)]
    pub fn render_stages(
        &mut self,
        device: &wgpu::Device,
        queue: &wgpu::Queue,
        inputs: &SceneInputs<'_>,
        frame: &SceneFrame,
        output: &wgpu::TextureView,
        size: (u32, u32),
        mut mark: impl FnMut(&'static str),
    ) {
        let layout = frame.layout(size);
        let new_encoder = || {
            device.create_command_encoder(&wgpu::CommandEncoderDescriptor {
                label: Some("Scene::render_stages"),
            })
        };
        let finish = |encoder: wgpu::CommandEncoder| {
            queue.submit([encoder.finish()]);
            let _ = device.poll(wgpu::PollType::wait_indefinitely());
        };
        let mut encoder = new_encoder();
        self.prepare(device, queue, &mut encoder, inputs, frame, &layout);
        self.encode_views(device, &mut encoder, inputs, &layout);
        finish(encoder);
        mark("scene");
        let mut encoder = new_encoder();
        let hdr = self.hdr.as_ref().expect("created in encode_views");
        let bloom_on =
            self.post
                .encode_bloom(device, queue, &mut encoder, &hdr.view, size, &frame.bloom);
        finish(encoder);
        mark("bloom");
        let mut encoder = new_encoder();
        let composite = self.composite(frame, &layout);
        self.post
            .encode_tonemap(queue, &mut encoder, output, &composite, bloom_on);
        finish(encoder);
        mark("tonemap");
        let mut encoder = new_encoder();
        let input = headless_input(size);
        self.encode_egui(
            device,
            queue,
            &mut encoder,
            inputs.info,
            frame,
            &layout,
            output,
            input,
            |_| {},
        );
        finish(encoder);
        mark("labels");
        self.after_submit();
    }

    fn composite(&self, frame: &SceneFrame, layout: &Layout) -> bloom::Composite {
        bloom::Composite {
            bloom: frame.bloom,
            dither: !self.options.deterministic,
            regions: layout.scene_regions(),
            reuse_bloom: !self.options.deterministic && self.frames_encoded % 2 == 1,
        }
    }

    fn encode_views(
        &mut self,
        device: &wgpu::Device,
        encoder: &mut wgpu::CommandEncoder,
        inputs: &SceneInputs<'_>,
        layout: &Layout,
    ) {
        let size = (layout.width, layout.height);
        if self.hdr.as_ref().is_none_or(|t| t.size != size) {
            self.hdr = Some(target::HdrTarget::new(device, size));
            self.post.invalidate();
        }
        let hdr = self.hdr.as_ref().expect("just created");
        let ctx = DrawContext {
            layout,
            history: inputs.history.layout,
            context: inputs.info.context,
        };
        let mut pass = encoder.begin_render_pass(&wgpu::RenderPassDescriptor {
            label: Some("Scene::views"),
            color_attachments: &[Some(wgpu::RenderPassColorAttachment {
                view: &hdr.view,
                depth_slice: None,
                resolve_target: None,
                ops: wgpu::Operations {
                    load: wgpu::LoadOp::Clear(palette::BACKGROUND),
                    store: wgpu::StoreOp::Store,
                },
            })],
            depth_stencil_attachment: None,
            timestamp_writes: None,
            occlusion_query_set: None,
            multiview_mask: None,
        });
        pass.set_bind_group(
            0,
            self.bindings
                .render_group
                .as_ref()
                .expect("bound in prepare"),
            &[],
        );
        pass.push_debug_group("backdrop");
        self.backdrop.draw(&mut pass, &ctx);
        pass.pop_debug_group();
        pass.push_debug_group("embedding");
        self.grid.draw(&mut pass, &ctx);
        self.trails.draw(&mut pass, &ctx);
        self.points.draw(&mut pass, &ctx);
        pass.pop_debug_group();
        pass.push_debug_group("panels");
        self.network.draw(&mut pass, &ctx);
        self.loss.draw(&mut pass, &ctx);
        self.bars.draw(&mut pass, &ctx);
        self.strips.draw(&mut pass, &ctx);
        pass.pop_debug_group();
    }

    /// Call after submitting the frame's encoder: starts the async summary readback.
    pub fn after_submit(&mut self) {
        self.summary.after_submit();
    }

    /// Collects an arrived summary without waiting (call once per frame, before encoding).
    pub fn poll_summary(&mut self, device: &wgpu::Device) {
        self.summary.poll(device);
    }
}
