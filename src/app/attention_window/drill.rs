//! `--drill` for the attention window: the faults a kiosk meets (the device destroyed, the
//! surface lost or outdated, resizes, minimize), keys, screenshots and exit at given event-loop
//! ticks, and a one-line report on exit that tests read (as the MLP window's drill does).

use std::collections::VecDeque;

use super::Running;
use crate::app::drill::{Drill, DrillStep};

/// The drill's steps, its clock and what it saw.
#[derive(Default)]
pub(super) struct AttnDrill {
    steps: Option<Drill>,
    ticks: u64,
    /// Epochs the lesson was retrained to after each device loss.
    rebuilt_at: VecDeque<u32>,
    pub frames_since_rebuild: u64,
}

impl AttnDrill {
    pub fn new(steps: Option<Drill>) -> Self {
        Self {
            steps,
            ..Self::default()
        }
    }

    /// The steps due at this tick (one tick a call).
    pub fn due(&mut self) -> Vec<DrillStep> {
        self.ticks += 1;
        let ticks = self.ticks;
        self.steps
            .as_mut()
            .map(|d| d.due(ticks))
            .unwrap_or_default()
    }

    pub fn rebuilt(&mut self, epoch: u32) {
        self.rebuilt_at.push_back(epoch);
        self.frames_since_rebuild = 0;
    }
}

impl Running {
    /// Carries out one drill step; true to exit.
    pub(super) fn drill_step(&mut self, step: DrillStep) -> bool {
        log::info!("drill: {step:?}");
        match step {
            DrillStep::LoseDevice => {
                self.gfx.gpu.device.destroy();
                let _ = self.gfx.gpu.device.poll(wgpu::PollType::Poll);
            }
            DrillStep::LoseSurface => self.gfx.recreate_surface(&self.window),
            DrillStep::OutdateSurface | DrillStep::Restore => {
                let size = self.window.inner_size();
                self.gfx.resize(size.width, size.height);
            }
            DrillStep::Minimize => self.gfx.resize(0, 0),
            DrillStep::Resize(w, h) => {
                if let Some(size) = self
                    .window
                    .request_inner_size(winit::dpi::PhysicalSize::new(w, h))
                {
                    self.gfx.resize(size.width, size.height);
                }
            }
            DrillStep::Screenshot => self.capture_next = true,
            DrillStep::Key(name) => match name.as_str() {
                "space" => self.apply(crate::ui::attention::AttnAction::TogglePlay),
                "pagedown" => {
                    self.view.step =
                        (self.view.step + 1).min(crate::ui::attention::STEPS.len() - 1);
                    self.view.auto_steps = false;
                }
                other => log::warn!("drill key `{other}` does nothing on the attention screen"),
            },
            // Not part of this screen's drills: a DPI change and a kiosk tap.
            DrillStep::Scale(_) | DrillStep::Tap => {}
            DrillStep::Exit => {
                eprintln!(
                    "drill report: screen attention, frames {} since the last rebuild, rebuilds at epochs {:?}, \
                     epoch {}, shown epoch {}, step {}, playing {}, surface {}x{}",
                    self.drill.frames_since_rebuild,
                    Vec::from(self.drill.rebuilt_at.clone()),
                    self.session.trainer.epoch,
                    self.session.story.last_epoch(),
                    self.view.step + 1,
                    self.view.playing,
                    self.gfx.config.width,
                    self.gfx.config.height,
                );
                return true;
            }
        }
        false
    }

    /// Saves a captured frame as `nextword-<epoch>.png` in the working folder.
    pub(super) fn save_screenshot(&self, target: &crate::scene::target::OffscreenTarget) {
        let device = &self.gfx.gpu.device;
        let epoch = self.playhead as u32;
        let path = crate::app::actions::screenshot_path(std::path::Path::new("."), epoch);
        let (w, h) = target.size;
        let saved = target
            .read_rgba(device)
            .and_then(|rgba| crate::scene::target::write_png(&path, w, h, &rgba));
        match saved {
            Ok(()) => log::info!("screenshot {}", path.display()),
            Err(e) => log::error!("screenshot: {e}"),
        }
    }
}
