//! Carrying on after the GPU device is lost, and the drill steps that provoke faults on purpose.
//!
//! How it works: the device-lost callback only records the loss ([`crate::kiosk::DeviceHealth`]);
//! the next event-loop tick sees it and calls [`Running::rebuild_gpu`]: a new instance, surface
//! and device ([`WindowGpu::new`]), the lesson retrained on it to the epoch it had reached
//! ([`crate::kiosk::checkpoint::retrain`]: training is deterministic, so the history comes back
//! bit for bit), a new scene and egui state. The overlay's state (step, playhead, selection,
//! look) and the camera are kept, and nothing is presented until the new device draws, so the
//! last good frame stays on screen instead of a flash. A rebuild that fails is tried again a
//! few times, then the window exits non-zero for a supervisor to restart it.

use winit::event_loop::ActiveEventLoop;

use super::drill::DrillStep;
use super::surface::WindowGpu;
use super::{AppError, Running, egui_state};
use crate::scene::{Scene, SceneOptions};

/// Rebuild attempts in a row before the window gives up.
pub(super) const MAX_REBUILD_FAILURES: u32 = 3;

impl Running {
    /// Makes the GPU side anew and restores the lesson on it (see the module docs).
    pub(super) fn rebuild_gpu(
        &mut self,
        event_loop: &ActiveEventLoop,
        vsync: bool,
    ) -> Result<(), AppError> {
        let lesson = self.session.lesson.clone();
        let epoch = self.session.trainer.epoch();
        let gfx = WindowGpu::new(event_loop, &self.window, vsync)?;
        let session =
            crate::kiosk::checkpoint::retrain(lesson, epoch, &gfx.gpu.device, &gfx.gpu.queue)
                .map_err(|e| AppError::DeviceLost(e.to_string()))?;
        let scene = Scene::new(&gfx.gpu.device, gfx.format, SceneOptions::default());
        // The screen reader's link lives on: it belongs to the window, not the device.
        let accesskit = self.egui.accesskit.take();
        if self.screen_reader {
            scene.egui_ctx().enable_accesskit();
        }
        self.egui = egui_state(&self.window, scene.egui_ctx(), &gfx.gpu.device);
        self.egui.accesskit = accesskit;
        self.scene = scene;
        self.session = session;
        self.gfx = gfx;
        self.ui.forget_readout();
        self.drill.report.rebuilt_at.push(epoch);
        self.drill.report.frames_since_rebuild = 0;
        log::warn!("GPU device rebuilt; the lesson carries on from epoch {epoch}");
        Ok(())
    }

    /// Carries out one drill step; returns true to exit.
    pub(super) fn drill_step(&mut self, step: DrillStep) -> bool {
        log::info!("drill: {step:?}");
        match step {
            DrillStep::LoseDevice => {
                self.gfx.gpu.device.destroy();
                // Lets the device-lost callback run now, as a real loss reports it.
                let _ = self.gfx.gpu.device.poll(wgpu::PollType::Poll);
            }
            DrillStep::LoseSurface => self.gfx.recreate_surface(&self.window),
            DrillStep::OutdateSurface => self.reconfigure(),
            DrillStep::Minimize => self.resize(0, 0),
            DrillStep::Restore => self.reconfigure(),
            DrillStep::Resize(w, h) => {
                if let Some(size) = self
                    .window
                    .request_inner_size(winit::dpi::PhysicalSize::new(w, h))
                {
                    // Applied at once (some platforms): no Resized event follows.
                    self.resize(size.width, size.height);
                }
            }
            DrillStep::Scale(f) => self.drill.scale_override = Some(f),
            DrillStep::Screenshot => self.capture_next = true,
            DrillStep::Tap => self.kiosk_input(),
            DrillStep::Key(name) => {
                if let Some(key) = super::drill::winit_key(&name) {
                    self.press(&key);
                }
            }
            DrillStep::Exit => {
                let r = &self.drill.report;
                let monitor = self
                    .window
                    .current_monitor()
                    .map(|m| format!("{}x{}", m.size().width, m.size().height))
                    .unwrap_or_else(|| "unknown".into());
                let kiosk = self.kiosk.as_ref().map_or("off", |k| {
                    let o = &k.overlay;
                    match (o.attract, o.welcome, o.countdown) {
                        (_, _, Some(_)) => "countdown",
                        (true, _, _) => "attract",
                        (_, true, _) => "welcome",
                        _ => "visitor",
                    }
                });
                let s = &self.ui.state;
                let written = s.write.trained.as_ref().map_or_else(
                    || "nothing".to_owned(),
                    |w| {
                        format!(
                            "{} of {} words at epoch {}",
                            s.write.shown,
                            w.words.len(),
                            w.epoch
                        )
                    },
                );
                eprintln!(
                    "drill report: frames {} since the last rebuild, rebuilds at epochs {:?}, \
                     epoch {}, shown epoch {}, step {}, playing {}, focused {}, surface {}x{}, \
                     pixels per point {}, written {written}, kiosk {kiosk}, monitor {monitor}",
                    r.frames_since_rebuild,
                    r.rebuilt_at,
                    self.session.trainer.epoch(),
                    self.ui.summary.shown_epoch,
                    s.step.index() + 1,
                    s.playing,
                    self.focused,
                    self.gfx.config.width,
                    self.gfx.config.height,
                    self.scene.egui_ctx().pixels_per_point()
                );
                return true;
            }
        }
        false
    }
}
