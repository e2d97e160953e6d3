//! One frame of the window, as a spine of five steps (as wgpu's example framework reads):
//! [`Running::update`] (the kiosk's clock and tour, the camera's auto-rotate, the playhead and
//! the overlay's numbers), [`Running::acquire`] (the surface texture, or an offscreen target for
//! a screenshot), [`Running::encode`] (training, the scene and the overlay in one encoder, the
//! frame's [`Layout`] computed once), [`Running::submit`] (one submit, present, the screenshot
//! saved) and [`Running::apply`] (what the overlay and the kiosk asked for).
//!
//! A frame whose encoding raised a validation error is dropped (the last good one stays on
//! screen) and reported once through the device's health.

use std::time::Instant;

use super::playback::{MAX_EPOCHS_PER_FRAME, network_pulse};
use super::{READOUT_EVERY, Running, clear_black};
use crate::kiosk::{KioskEvent, KioskRuntime};
use crate::scene::target::OffscreenTarget;
use crate::ui::{Action, LessonUi};

/// Where a frame is drawn.
pub(super) struct FrameTarget {
    view: wgpu::TextureView,
    /// The surface texture to present, and whether the surface wants reconfiguring after.
    surface: Option<(wgpu::SurfaceTexture, bool)>,
    /// A screenshot's offscreen target instead of the surface.
    capture: Option<OffscreenTarget>,
}

/// What encoding a frame leaves for after the submit.
pub(super) struct Encoded {
    encoder: wgpu::CommandEncoder,
    scope: wgpu::ErrorScopeGuard,
    output: Option<egui::PlatformOutput>,
    actions: Vec<Action>,
    kiosk_events: Vec<KioskEvent>,
}

impl Running {
    /// Draws one frame (see the module docs).
    pub(super) fn redraw(&mut self) {
        let now = Instant::now();
        let dt = (now - self.last_frame).as_secs_f32();
        self.last_frame = now;
        // Minimized, or the device is gone (the next tick rebuilds it): draw nothing, so the
        // last good frame stays on screen.
        if self.gfx.is_zero_size() || self.gfx.health.lost().is_some() {
            return;
        }
        // Once the window is on screen (its first frames), it asks for the keyboard.
        self.frames += 1;
        if self.frames <= 3 && !self.focused {
            super::focus::take_keyboard_focus(&self.window);
        }
        let need = self.update(dt, now);
        let Some(target) = self.acquire() else {
            return;
        };
        let encoded = self.encode(&target, need);
        let failed = self.submit(target, encoded.encoder, encoded.scope);
        if failed {
            log::debug!("frame dropped");
        }
        self.apply(encoded.output, encoded.actions, encoded.kiosk_events);
        self.count_frame();
    }

    /// The kiosk's clock and tour, auto-rotate, the playhead, the overlay's numbers; returns how
    /// many epochs to train this frame.
    fn update(&mut self, dt: f32, now: Instant) -> u32 {
        let now_secs = self.now();
        if let Some(kiosk) = self.kiosk.as_mut() {
            let events = kiosk.tick(now_secs);
            self.apply_kiosk(events);
        }
        if let Some(kiosk) = self.kiosk.as_mut() {
            let words = self.ui.reading_words();
            let (actions, events) = kiosk.tour(now_secs, &self.ui.state, words);
            self.pending.extend(actions);
            self.apply_kiosk(events);
        }
        let calm = self.ui.state.comfort.calm_motion;
        if self.auto_rotate && !calm && !self.input.recently_active(super::AUTO_ROTATE_QUIET) {
            self.frame.camera.yaw += super::AUTO_ROTATE_SPEED * dt;
        }
        let (device, queue) = (&self.gfx.gpu.device, &self.gfx.gpu.queue);
        self.scene.poll_summary(device);
        let trainer = &self.session.trainer;
        let may_read = !self.ui.state.playing || self.last_readout.elapsed() >= READOUT_EVERY;
        // Within the adapter's budget for this lesson (src/app/budget.rs), at most 256.
        let need = self
            .ui
            .tick(dt, trainer)
            .min(self.epochs_per_frame.min(MAX_EPOCHS_PER_FRAME));
        if may_read && self.ui.is_stale(trainer) {
            self.last_readout = now;
        }
        // Never waits: a readback started now arrives in a later frame.
        self.ui.refresh(trainer, device, queue, may_read);
        need
    }

    /// The texture this frame draws into; None when there is none this time (the surface timed
    /// out, or needed reconfiguring first).
    fn acquire(&mut self) -> Option<FrameTarget> {
        let size = (self.gfx.config.width, self.gfx.config.height);
        if std::mem::take(&mut self.capture_next) {
            let capture = OffscreenTarget::with_format(&self.gfx.gpu.device, size, self.gfx.format);
            return Some(FrameTarget {
                view: capture.view.clone(),
                surface: None,
                capture: Some(capture),
            });
        }
        let (texture, suboptimal) = match self.gfx.surface.get_current_texture() {
            wgpu::CurrentSurfaceTexture::Success(t) => (t, false),
            // Draw this one, reconfigure for the next.
            wgpu::CurrentSurfaceTexture::Suboptimal(t) => (t, true),
            wgpu::CurrentSurfaceTexture::Timeout | wgpu::CurrentSurfaceTexture::Occluded => {
                return None;
            }
            wgpu::CurrentSurfaceTexture::Outdated => {
                self.reconfigure();
                return None;
            }
            wgpu::CurrentSurfaceTexture::Lost => {
                self.gfx.recreate_surface(&self.window);
                return None;
            }
            wgpu::CurrentSurfaceTexture::Validation => {
                log::error!("surface validation error; reconfiguring");
                self.reconfigure();
                return None;
            }
        };
        let view = texture
            .texture
            .create_view(&wgpu::TextureViewDescriptor::default());
        Some(FrameTarget {
            view,
            surface: Some((texture, suboptimal)),
            capture: None,
        })
    }

    /// Training, the scene and the overlay, in one encoder.
    fn encode(&mut self, target: &FrameTarget, need: u32) -> Encoded {
        let (device, queue) = (&self.gfx.gpu.device, &self.gfx.gpu.queue);
        let scope = device.push_error_scope(wgpu::ErrorFilter::Validation);
        let mut encoder = device.create_command_encoder(&wgpu::CommandEncoderDescriptor {
            label: Some("App::frame"),
        });
        let trainer = &mut self.session.trainer;
        if need > 0 {
            encoder.push_debug_group("train");
            trainer.encode_train(queue, &mut encoder, need);
            encoder.pop_debug_group();
        }
        self.ui.fill_frame(&mut self.frame, trainer);
        self.frame.time_secs = self.started.elapsed().as_secs_f32();
        self.frame.pulse_phase =
            network_pulse(&self.ui.state, self.frame.playhead, self.frame.time_secs);
        // The frame's composition, once: the scene draws with it, the overlay reads it, and the
        // input between frames uses it.
        self.layout = self
            .frame
            .layout((self.gfx.config.width, self.gfx.config.height));
        let layout = self.layout;
        let over_ui = self.scene.egui_ctx().is_pointer_over_egui();
        self.frame.hover_word = self
            .input
            .cursor
            .filter(|_| !over_ui)
            .and_then(|c| self.scene.pick_word(&self.frame, &layout, c));
        let mut egui_input = self.egui.take_egui_input(&self.window);
        if let Some(ppp) = self.drill.scale_override {
            egui_input
                .viewports
                .entry(egui::ViewportId::ROOT)
                .or_default()
                .native_pixels_per_point = Some(ppp);
        }
        let inputs = self.session.inputs();
        let ui = &mut self.ui;
        let now_secs = self.started.elapsed().as_secs_f64();
        let calm = ui.state.comfort.calm_motion;
        let mut kiosk = self.kiosk.as_mut();
        let mut kiosk_events = Vec::new();
        let mut actions = std::mem::take(&mut self.pending);
        let blank = self.presenter.as_ref().is_some_and(|p| p.blank);
        let output = if blank {
            // Lecture mode's black screen: training goes on, nothing is drawn.
            drop(egui_input);
            clear_black(&mut encoder, &target.view);
            None
        } else {
            Some(self.scene.encode_frame(
                device,
                queue,
                &mut encoder,
                &inputs,
                &self.frame,
                &target.view,
                &layout,
                egui_input,
                |ctx| {
                    actions.extend(ui.ui(ctx));
                    if let Some(k) = kiosk.as_mut() {
                        kiosk_events.extend(k.ui(ctx, now_secs, calm));
                    }
                },
            ))
        };
        if kiosk.is_some() {
            actions.retain(KioskRuntime::allows);
        }
        if let Some(c) = &target.capture {
            c.encode_readback(&mut encoder);
        }
        Encoded {
            encoder,
            scope,
            output,
            actions,
            kiosk_events,
        }
    }

    /// Submits, presents (unless the frame failed) and saves a screenshot; returns whether the
    /// frame failed.
    fn submit(
        &mut self,
        target: FrameTarget,
        encoder: wgpu::CommandEncoder,
        scope: wgpu::ErrorScopeGuard,
    ) -> bool {
        let queue = &self.gfx.gpu.queue;
        queue.submit([encoder.finish()]);
        let failed = pollster::block_on(scope.pop());
        if let Some(error) = &failed {
            self.gfx.health.report(&format!(
                "frame dropped: {}",
                crate::kiosk::recovery::one_line(error)
            ));
        }
        if let Some((texture, suboptimal)) = target.surface.filter(|_| failed.is_none()) {
            self.window.pre_present_notify();
            queue.present(texture);
            if suboptimal {
                self.reconfigure();
            }
        }
        self.scene.after_submit();
        if let Some(c) = target.capture.filter(|_| failed.is_none()) {
            self.save_capture(&c);
        }
        failed.is_some()
    }

    /// What the overlay and the kiosk asked for this frame.
    fn apply(
        &mut self,
        output: Option<egui::PlatformOutput>,
        actions: Vec<Action>,
        kiosk_events: Vec<KioskEvent>,
    ) {
        if let Some(output) = output {
            self.egui.handle_platform_output(&self.window, output);
        }
        self.apply_kiosk(kiosk_events);
        let grid = LessonUi::grid(&self.session.trainer);
        let total = self.session.lesson.epochs;
        for action in self.ui.state.apply_all(actions, &grid, total) {
            self.execute(action);
        }
    }

    /// Logs the frame rate every few seconds (RUST_LOG=info).
    fn count_frame(&mut self) {
        self.fps_frames += 1;
        self.drill.report.frames_since_rebuild += 1;
        let secs = self.fps_since.elapsed().as_secs_f64();
        if secs >= 5.0 {
            log::info!(
                "{:.1} fps at {}x{}, epoch {}",
                f64::from(self.fps_frames) / secs,
                self.gfx.config.width,
                self.gfx.config.height,
                self.frame.trained_epochs
            );
            self.fps_frames = 0;
            self.fps_since = Instant::now();
        }
    }
}
