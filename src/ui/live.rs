//! The overlay bound to a live lesson: the [`UiState`], the lesson's [`LessonInfo`] and the
//! numbers the narration reads, kept in step with a trainer. The window and `nextword render`
//! both use it, so a PNG shows what the window shows.
//!
//! How it works: [`LessonUi::refresh`] reads the engine's history back (blocking, a few KB to a
//! few MB) only when training moved on and the caller allows it (the window throttles it to a
//! few times a second; headless reads once), keeps that [`HistoryReadout`] and rebuilds the
//! [`LessonSummary`] from it on the CPU whenever the playhead or the run changes, so scrubbing
//! never waits on the GPU. [`LessonUi::fill_frame`] copies the state into the scene's
//! [`SceneFrame`] (playhead, run, pair, focus word, the control bar's reserved strip, the status
//! word) and [`LessonUi::ui`] draws the overlay plus a short notice (screenshot saved, a lesson
//! that failed to load).

use std::time::{Duration, Instant};

use egui::{Align2, RichText, vec2};

use super::hover::focus_word;
use super::kit::{ACCENT, card, ui_scale};
use super::overlay::overlay_ui;
use super::state::{Action, Step, UiState};
use crate::engine::history::EpochSlots;
use super::summary::{LessonInfo, LessonSummary};
use crate::tr;
use crate::engine::{HistoryReadout, Trainer};
use crate::gpu::StagingReader;
use crate::scene::headless::LessonSession;
use crate::scene::{SceneError, SceneFrame};

/// How long a notice stays on screen.
const NOTICE_SECS: Duration = Duration::from_secs(4);

pub struct LessonUi {
    pub state: UiState,
    pub info: LessonInfo,
    pub summary: LessonSummary,
    readout: Option<HistoryReadout>,
    /// Keeps its staging buffer between readbacks (no big allocation a few times a second).
    reader: StagingReader,
    /// (newest trained epoch, slots filled) of `readout`.
    readout_key: Option<(u32, u32)>,
    /// (playhead bits, run, readout key) of `summary`.
    summary_key: Option<(u32, u32, (u32, u32))>,
    notice: Option<(String, Instant)>,
}

impl LessonUi {
    /// The overlay for `session`'s lesson, at epoch 0 on the first step.
    pub fn new(session: &LessonSession) -> Result<Self, SceneError> {
        let info = lesson_info(session)?;
        let mut state = UiState::default();
        state.lesson_loaded(
            info.lrs.first().copied().unwrap_or(0.02),
            info.optimizer,
            info.featured_pair,
        );
        Ok(Self {
            state,
            info,
            summary: LessonSummary::default(),
            readout: None,
            reader: StagingReader::default(),
            readout_key: None,
            summary_key: None,
            notice: None,
        })
    }

    /// Switches to a new session's lesson: playback restarts at epoch 0; the step, speed and
    /// panels stay as they were.
    pub fn lesson_loaded(&mut self, session: &LessonSession) -> Result<(), SceneError> {
        self.info = lesson_info(session)?;
        let lr = self.info.lrs.first().copied().unwrap_or(0.02);
        self.state
            .lesson_loaded(lr, self.info.optimizer, self.info.featured_pair);
        self.summary = LessonSummary::default();
        self.readout = None;
        self.readout_key = None;
        self.summary_key = None;
        Ok(())
    }

    /// Which epochs `trainer` has recorded.
    pub fn grid(trainer: &Trainer) -> EpochSlots {
        trainer.layout().epochs()
    }

    /// Brings the summary up to date. A new history readback happens only when training moved
    /// on and `may_read` is true; the summary follows the playhead from the last readback.
    pub fn refresh(
        &mut self,
        trainer: &Trainer,
        device: &wgpu::Device,
        queue: &wgpu::Queue,
        may_read: bool,
    ) {
        let layout = trainer.layout();
        let key = (trainer.epoch(), layout.slots_filled);
        if self.readout_key != Some(key) && (may_read || self.readout.is_none()) {
            match &mut self.readout {
                Some(readout) => readout.refill(&mut self.reader, trainer, device, queue),
                None => self.readout = Some(HistoryReadout::read(trainer, device, queue)),
            }
            self.readout_key = Some(key);
        }
        let Some(readout) = &self.readout else { return };
        let runs = readout.layout.runs.max(1);
        self.state.selected_run = self.state.selected_run.min(runs - 1);
        let pairs = self.info.recorded.len().max(1) as u32;
        self.state.selected_pair = self.state.selected_pair.min(pairs - 1);
        let summary_key = (
            self.state.playhead.to_bits(),
            self.state.selected_run,
            self.readout_key.unwrap_or_default(),
        );
        if self.summary_key != Some(summary_key) {
            self.summary = LessonSummary::from_readout(
                readout,
                &self.info,
                self.state.selected_run,
                self.state.playhead,
            );
            self.summary_key = Some(summary_key);
        }
    }

    /// Drops the last readback and the staging buffer (their device is gone); the next refresh
    /// reads anew.
    pub fn forget_readout(&mut self) {
        self.readout = None;
        self.reader = StagingReader::default();
        self.readout_key = None;
        self.summary_key = None;
    }

    /// Whether the numbers the overlay shows are older than the trainer's newest epoch.
    pub fn is_stale(&self, trainer: &Trainer) -> bool {
        self.readout_key != Some((trainer.epoch(), trainer.layout().slots_filled))
    }

    /// Copies the state into `frame` (the scene shows what the overlay talks about). The
    /// playhead never passes the epochs `trainer` has trained.
    pub fn fill_frame(&self, frame: &mut SceneFrame, trainer: &Trainer) {
        let s = &self.state;
        frame.playhead = s.playhead.min(trainer.epoch() as f32).max(0.0);
        frame.trained_epochs = trainer.epoch();
        frame.total_epochs = self.info.total_epochs;
        frame.run = s.selected_run;
        frame.pair = s.selected_pair;
        frame.word = focus_word(s, &self.info);
        frame.bottom_reserve = if s.ui_hidden {
            0.0
        } else {
            s.look.control_bar_1080()
        };
        // Keep the 3D picture in the part of its view the cards leave free.
        frame.camera.lens = s.hero_lens;
        frame.status = if s.playing {
            tr!("status-playing", speed = super::controls::format_speed(s.speed))
        } else if s.playhead >= self.info.total_epochs as f32 {
            tr!("status-trained")
        } else {
            tr!("status-paused")
        };
    }

    /// Shows `message` for a few seconds (window only).
    pub fn notify(&mut self, message: String) {
        self.notice = Some((message, Instant::now()));
    }

    /// Draws the overlay and any notice; returns the actions the user asked for.
    pub fn ui(&mut self, ctx: &egui::Context) -> Vec<Action> {
        let actions = overlay_ui(ctx, &mut self.state, &self.summary, &self.info);
        if let Some((message, at)) = &self.notice {
            if at.elapsed() > NOTICE_SECS {
                self.notice = None;
            } else {
                let s = ui_scale(ctx);
                card(
                    ctx,
                    "notice",
                    Align2::CENTER_TOP,
                    vec2(0.0, 92.0 * s),
                    720.0 * s,
                    s,
                    |ui| {
                        ui.label(RichText::new(message).color(ACCENT).size(24.0 * s));
                    },
                );
            }
        }
        actions
    }

    /// Sets up a still frame: `step` shown, the playhead at `epoch` (not playing).
    pub fn show_still(&mut self, step: Step, epoch: f32) {
        self.state.step = step;
        self.state.playing = false;
        self.state.playhead = epoch;
        self.state.live = true;
    }
}

/// The overlay's description of `session`'s lesson, recording the pairs its trainer records.
fn lesson_info(session: &LessonSession) -> Result<LessonInfo, SceneError> {
    let corpus = session
        .lesson
        .corpus()
        .map_err(|e| SceneError::Invalid(e.to_string()))?;
    Ok(LessonInfo::new(
        &session.lesson,
        &corpus,
        &session.trainer.setup().recorded_pairs,
    ))
}
