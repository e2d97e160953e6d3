//! The overlay bound to a live lesson: the [`UiState`], the lesson's [`LessonInfo`] and the
//! numbers the narration reads, kept in step with a trainer. The window and `nextword render`
//! both use it, so a PNG shows what the window shows.
//!
//! How it works: [`LessonUi::refresh`] keeps a [`LiveReader`] going: it picks up a readback that
//! has arrived (never waiting for one) and asks for a new one when training recorded more, the
//! run changed or the playhead left the slots read in full, if the caller allows a read now (the
//! window throttles them to a few a second); [`LessonUi::refresh_now`] waits instead (headless
//! renders, tests). The [`LessonSummary`] is rebuilt on the CPU from the latest readout whenever
//! the playhead or the readout changes, so scrubbing never waits on the GPU. Every number of a
//! frame comes from one slot: the summary's shown epoch, which [`LessonUi::fill_frame`] hands
//! to the scene too. [`LessonUi::fill_frame`] copies the state into the scene's
//! [`SceneFrame`] (playhead, run, pair, focus word, the control bar's reserved strip, the status
//! word) and [`LessonUi::ui`] draws the overlay plus a short notice (screenshot saved, a lesson
//! that failed to load).

use std::time::{Duration, Instant};

use egui::{Align2, RichText, vec2};

use super::hover::focus_word;
use super::kit::{ACCENT, card, ui_scale};
use super::overlay::overlay_ui;
use super::state::{Action, Step, UiState};
use super::summary::{LessonInfo, LessonSummary};
use super::write::Writing;
use crate::engine::Trainer;
use crate::engine::history::EpochSlots;
use crate::engine::live::{LiveReader, LiveRequest};
use crate::engine::sampler::{ModelAt, Sampler};
use crate::scene::headless::LessonSession;
use crate::scene::{SceneError, SceneFrame, ShownNumbers};
use crate::tr;

/// How long a notice stays on screen.
const NOTICE_SECS: Duration = Duration::from_secs(4);

pub struct LessonUi {
    pub state: UiState,
    pub info: LessonInfo,
    pub summary: LessonSummary,
    reader: LiveReader,
    /// Readouts arrived so far (the summary is rebuilt when this moves).
    arrivals: u64,
    /// (playhead bits, run, arrivals) of `summary`.
    summary_key: Option<(u32, u32, u64)>,
    notice: Option<(String, Instant)>,
    /// Writes for the Write step; made on first use, dropped with its trainer or device.
    sampler: Option<Sampler>,
    /// Stills (headless renders) show whole writings at once.
    stills: bool,
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
            reader: LiveReader::default(),
            arrivals: 0,
            summary_key: None,
            notice: None,
            sampler: None,
            stills: false,
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
        self.reader.reset();
        self.summary_key = None;
        self.sampler = None;
        Ok(())
    }

    /// Which epochs `trainer` has recorded.
    pub fn grid(trainer: &Trainer) -> EpochSlots {
        trainer.layout().epochs()
    }

    /// What the overlay needs read now: the shown run, the featured pair, the playhead's slot.
    fn request(&self, trainer: &Trainer) -> LiveRequest {
        LiveRequest {
            run: self.state.selected_run,
            featured: self.info.featured_pair,
            around: trainer
                .layout()
                .epochs()
                .slot_at_or_before(self.state.playhead),
        }
    }

    /// Whether the latest readout misses something: newer recordings, another run, the slot the
    /// playhead is at.
    pub fn is_stale(&self, trainer: &Trainer) -> bool {
        let want = self.request(trainer);
        self.reader.latest().is_none_or(|r| {
            r.layout != trainer.layout()
                || r.request.as_ref().is_none_or(|q| q.run != want.run)
                || !r.window.contains(&want.around)
        })
    }

    /// Brings the summary up to date without waiting: picks up an arrived readback and, when
    /// the numbers are stale and `may_read`, starts the next one.
    pub fn refresh(
        &mut self,
        trainer: &Trainer,
        device: &wgpu::Device,
        queue: &wgpu::Queue,
        may_read: bool,
    ) {
        if self.reader.poll(device) {
            self.arrivals += 1;
        }
        if may_read && !self.reader.busy() && self.is_stale(trainer) {
            let request = self.request(trainer);
            self.reader.request(trainer, device, queue, request);
        }
        self.update_summary(trainer);
        self.serve_writing(trainer, device, queue);
    }

    /// Brings the summary up to date, waiting for a readback when it is stale (headless).
    pub fn refresh_now(&mut self, trainer: &Trainer, device: &wgpu::Device, queue: &wgpu::Queue) {
        if self.is_stale(trainer) {
            let request = self.request(trainer);
            if self
                .reader
                .read_now(trainer, device, queue, request)
                .is_some()
            {
                self.arrivals += 1;
            }
        }
        self.update_summary(trainer);
        self.serve_writing(trainer, device, queue);
    }

    /// On the Write step, has the GPU write what the step asks for: the model at the epoch the
    /// frame shows and the one of epoch 0, the same words after the same start with the same
    /// seed (a few milliseconds for a lesson; it waits for the result).
    fn serve_writing(&mut self, trainer: &Trainer, device: &wgpu::Device, queue: &wgpu::Queue) {
        if self.state.step != Step::Write {
            return;
        }
        let grid = trainer.layout().epochs();
        if grid.filled == 0 {
            return;
        }
        let slot = grid.slot_at_or_before(self.summary.shown_epoch as f32);
        let start = self
            .info
            .pairs
            .first()
            .map(|p| p.context.clone())
            .unwrap_or_default();
        self.state.write.follow_epoch(grid.epoch_of(slot), &start);
        let Some(request) = self.state.write.pending.take() else {
            return;
        };
        let sampler = self
            .sampler
            .get_or_insert_with(|| Sampler::new(device, trainer));
        let run = self.state.selected_run;
        let mut write = |slot: u32| {
            sampler
                .write(
                    device,
                    queue,
                    trainer,
                    run,
                    ModelAt::Slot(slot),
                    &request.prompt,
                    request.words,
                    request.sampling,
                    request.seed,
                )
                .map(|words| Writing {
                    epoch: grid.epoch_of(slot),
                    probs: words.iter().map(|w| w.probs.clone()).collect(),
                    words: words.iter().map(|w| w.word).collect(),
                })
        };
        match (write(slot), write(0)) {
            (Ok(trained), Ok(untrained)) => {
                self.state.write.receive(&request, trained, untrained);
                if request.animate {
                    self.state.write.error = None;
                }
                if self.stills {
                    self.state.write.reveal_all();
                }
                self.follow_written_word();
            }
            (Err(e), _) | (_, Err(e)) => self.state.write.failed(e.to_string()),
        }
    }

    fn update_summary(&mut self, trainer: &Trainer) {
        let runs = trainer.layout().runs.max(1);
        self.state.selected_run = self.state.selected_run.min(runs - 1);
        let pairs = self.info.recorded.len().max(1) as u32;
        self.state.selected_pair = self.state.selected_pair.min(pairs - 1);
        let Some(readout) = self.reader.latest() else {
            return;
        };
        let key = (
            self.state.playhead.to_bits(),
            self.state.selected_run,
            self.arrivals,
        );
        if self.summary_key != Some(key) {
            self.summary = LessonSummary::from_live(readout, &self.info, self.state.playhead);
            self.summary_key = Some(key);
        }
    }

    /// Drops the last readback (its device is gone); the next refresh reads anew.
    pub fn forget_readout(&mut self) {
        self.reader.reset();
        self.summary_key = None;
        self.sampler = None;
    }

    /// Advances playback by `dt` seconds, guided by the numbers read so far
    /// ([`super::pacing`]); returns how many epochs `trainer` should train now.
    pub fn tick(&mut self, dt: f32, trainer: &Trainer) -> u32 {
        let grid = trainer.layout().epochs();
        if self.state.step == Step::Write && self.state.write.tick(dt) {
            self.follow_written_word();
        }
        let pace = (!self.summary.is_empty()).then_some((&self.summary, &self.info));
        self.state.tick(dt, &grid, self.info.total_epochs, pace)
    }

    /// A written word appeared: the bars and the network show its context's pair, when the
    /// lesson records one.
    fn follow_written_word(&mut self) {
        if let Some((context, _, _)) = self.state.write.current_step(self.info.context)
            && let Some(pair) = self.info.recorded.iter().position(|p| p.context == context)
        {
            self.state.selected_pair = pair as u32;
        }
    }

    /// Words the step card says now (the tour's reading-time rule counts them; on the Write
    /// step the written texts too).
    pub fn reading_words(&self) -> usize {
        let written = if self.state.step == Step::Write {
            let w = &self.state.write;
            2 * (w.prompt.len() + w.trained.as_ref().map_or(0, |t| t.words.len()))
        } else {
            0
        };
        super::steps::step_sentences(self.state.step, &self.info, &self.summary)
            .iter()
            .map(|s| s.text.split_whitespace().count())
            .sum::<usize>()
            + written
    }

    /// Copies the state into `frame` (the scene shows what the overlay talks about). The
    /// playhead never passes the epochs `trainer` has trained.
    pub fn fill_frame(&self, frame: &mut SceneFrame, trainer: &Trainer) {
        let s = &self.state;
        frame.playhead = s.playhead.min(trainer.epoch() as f32).max(0.0);
        frame.numbers = None;
        if !self.summary.is_empty() {
            // The 3D view moves on between recorded epochs, but never past the numbers shown.
            let shown = self.summary.shown_epoch as f32;
            let next = self
                .summary
                .slots
                .next_after(shown)
                .map_or(shown, |e| e as f32);
            frame.playhead = frame.playhead.clamp(shown, next.max(shown));
            frame.numbers = Some(ShownNumbers {
                epoch: self.summary.shown_epoch,
                loss: self.summary.loss_at_playhead,
                probs: self
                    .summary
                    .probs_at_playhead
                    .get(s.selected_pair as usize)
                    .cloned()
                    .unwrap_or_default(),
                embedding: self.summary.embedding_at_playhead.clone(),
            });
        }
        frame.trained_epochs = trainer.epoch();
        frame.total_epochs = self.info.total_epochs;
        frame.run = s.selected_run;
        frame.pair = s.selected_pair;
        frame.word = focus_word(s, &self.info);
        frame.spec = s.layout_spec();
        frame.status = if s.playing {
            tr!(
                "status-playing",
                speed = super::controls::format_speed(s.speed)
            )
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
                // Over the foot of the lesson column (never over the 3D view); top centre while
                // the panels are hidden.
                let layout = super::overlay::frame_layout(ctx, &self.state);
                let lesson = super::overlay::to_points(layout.lesson, ctx.pixels_per_point());
                let (align, offset, width) = if lesson.width() > 0.0 {
                    let screen = ctx.content_rect();
                    (
                        Align2::LEFT_BOTTOM,
                        vec2(lesson.left(), lesson.bottom() - screen.bottom() - 80.0 * s),
                        lesson.width() - 2.0 * super::kit::CARD_MARGIN * s,
                    )
                } else {
                    (Align2::CENTER_TOP, vec2(0.0, 92.0 * s), 720.0 * s)
                };
                card(ctx, "notice", align, offset, width, s, |ui| {
                    ui.label(RichText::new(message).color(ACCENT).size(24.0 * s));
                });
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
        // A still shows the whole writing.
        self.stills = true;
        self.state.write.reveal_all();
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
