//! The overlay's state and the actions it asks for, as plain data: testable without a window.
//!
//! How it works: the overlay and the keyboard map turn input into [`Action`]s. The window passes
//! each one to [`UiState::apply`], which handles what is pure UI (the step, playback, the
//! playhead, selection, panels), and then executes the ones that need the engine or the window
//! ([`Action::needs_window`]: reset, restart, lessons, typed text, fullscreen, screenshot).
//!
//! Playback: the playhead is a fractional epoch. While playing, [`UiState::tick`] moves it by
//! `speed` epochs per second and says how many epochs the engine must train so the playhead has
//! data (a little ahead of it, [`TRAIN_LEAD_SECS`]); it stops at the end of the lesson.
//! Scrubbing ([`Action::Seek`]) pauses, snaps to a recorded epoch ([`EpochSlots`]) and detaches
//! the playhead from the live edge; stepping moves one recorded epoch either way (stepping
//! forward at the live edge trains one more epoch).

use super::narration::{MilestoneKind, PhaseParams, find_milestones};
use super::pacing::{Pacer, eased_speed};
use super::summary::{LessonInfo, LessonSummary};
use super::write::{WriteAction, WriteState};
use crate::engine::history::EpochSlots;

use crate::lesson::OptimizerKind;

/// How far ahead of the playhead training runs while playing live, in seconds of playback:
/// more than the window's readback interval plus a slow frame.
pub const TRAIN_LEAD_SECS: f32 = 0.75;
/// And at least this many epochs (the pacing looks a few epochs ahead).
pub const TRAIN_LEAD_EPOCHS: f32 = 8.0;

/// The lesson's steps, in order.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub enum Step {
    #[default]
    Task,
    Architecture,
    Training,
    Takeaways,
    /// The model writes (and the untrained one beside it).
    Write,
}

impl Step {
    pub const ALL: [Step; 5] = [
        Step::Task,
        Step::Architecture,
        Step::Training,
        Step::Takeaways,
        Step::Write,
    ];

    pub fn index(self) -> usize {
        self as usize
    }

    pub fn next(self) -> Step {
        Self::ALL[(self.index() + 1).min(Self::ALL.len() - 1)]
    }

    pub fn previous(self) -> Step {
        Self::ALL[self.index().saturating_sub(1)]
    }
}

/// Something the user asked for.
#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    Play,
    Pause,
    TogglePlay,
    /// One recorded epoch forward (trains one more at the live edge).
    StepForward,
    /// One recorded epoch back.
    StepBack,
    /// Scrub the playhead to this epoch (pauses).
    Seek(f32),
    /// Follow the newest trained epoch again.
    GoLive,
    /// Train again from epoch 0 with the same initial weights, or with a new seed.
    Reset {
        new_seed: bool,
    },
    /// Epochs per second while playing.
    SetSpeed(f32),
    /// Train again from epoch 0 with this learning rate and optimizer.
    Restart {
        lr: f64,
        optimizer: OptimizerKind,
    },
    /// Switch to a lesson by id.
    PickLesson(String),
    /// Switch to the n-th lesson of the picker (0-based; keys 1-9).
    PickLessonIndex(usize),
    /// Train a new lesson on this text (already checked with `lesson_from_text`), with the
    /// attention lesson's model when `attention` (its own screen), else cat-sat's.
    TrainText {
        text: String,
        attention: bool,
    },
    SelectWord(Option<u32>),
    /// Select a recorded pair (the bars and hidden views show it).
    SelectPair(u32),
    SelectRun(u32),
    NextStep,
    PreviousStep,
    GoToStep(Step),
    /// Something on the Write step (a start, the dial, Again, Step).
    Write(WriteAction),
    /// Open or close the math card.
    ToggleMath,
    /// Every text in this language from now on.
    SetLanguage(crate::i18n::Lang),
    /// Plain explanations, or with the terms and formulas.
    SetLevel(crate::i18n::Level),
    /// Calm motion, large text, colour-safe words, high contrast.
    SetComfort(super::Comfort),
    /// Calm motion on or off (key Z).
    ToggleCalmMotion,
    /// Large text on or off (key T).
    ToggleLargeText,
    /// Show one step of the backward pass on the math card.
    ShowGradient,
    ToggleFullscreen,
    ToggleUi,
    ToggleHelp,
    CloseHelp,
    Screenshot,
}

impl Action {
    /// Whether the window (engine, lesson, OS) must execute this after [`UiState::apply`].
    pub fn needs_window(&self) -> bool {
        matches!(
            self,
            Action::Reset { .. }
                | Action::Restart { .. }
                | Action::PickLesson(_)
                | Action::PickLessonIndex(_)
                | Action::TrainText { .. }
                | Action::ToggleFullscreen
                | Action::Screenshot
                | Action::SelectRun(_)
        )
    }
}

/// A key, as far as the overlay cares (so the mapping is testable without a window).
pub use egui::Key;

/// The action of a key press, if any. `shift` distinguishes R (reset) from Shift+R (new seed).
pub fn action_for_key(key: Key, shift: bool) -> Option<Action> {
    use Key::*;
    Some(match key {
        Space => Action::TogglePlay,
        ArrowRight => Action::StepForward,
        ArrowLeft => Action::StepBack,
        R => Action::Reset { new_seed: shift },
        F => Action::ToggleFullscreen,
        H => Action::ToggleUi,
        S => Action::Screenshot,
        Questionmark => Action::ToggleHelp,
        Slash if shift => Action::ToggleHelp,
        Escape => Action::CloseHelp,
        PageDown => Action::NextStep,
        PageUp => Action::PreviousStep,
        W => Action::GoToStep(Step::Write),
        M => Action::ToggleMath,
        Z => Action::ToggleCalmMotion,
        T => Action::ToggleLargeText,
        Num1 | Num2 | Num3 | Num4 | Num5 | Num6 | Num7 | Num8 | Num9 => {
            let digit = key.name().parse::<usize>().ok()?;
            Action::PickLessonIndex(digit - 1)
        }
        _ => return None,
    })
}

/// A thing in the scene the pointer can be over.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum HoverTarget {
    /// The prediction bar of `word` (for the selected pair).
    Bar { word: u32 },
    /// The hidden unit `unit` of recorded pair `pair` in the heatmap.
    Cell { pair: u32, unit: u32 },
    /// Number `dim` of the focus word's embedding vector.
    VectorDim { dim: u32 },
    /// Neuron `index` of network column `column` (0 inputs, 1 hidden, 2 outputs) for the
    /// selected pair.
    Neuron { column: u32, index: u32 },
}

/// Slowest and fastest playback, in epochs per second.
pub const SPEED_RANGE: (f32, f32) = (0.5, 200.0);

/// Everything the overlay remembers between frames.
#[derive(Clone, Debug, PartialEq)]
pub struct UiState {
    pub step: Step,
    pub playing: bool,
    /// Epochs per second while playing.
    pub speed: f32,
    /// The epoch shown (fractional while playing).
    pub playhead: f32,
    /// Whether the playhead follows the newest trained epoch.
    pub live: bool,
    pub selected_word: Option<u32>,
    /// The recorded pair shown in the bars and hidden views.
    pub selected_pair: u32,
    pub selected_run: u32,
    pub ui_hidden: bool,
    pub help_visible: bool,
    pub lessons_open: bool,
    pub typed_text: String,
    /// A friendly message about `typed_text` when it cannot be used.
    pub text_error: Option<String>,
    /// Learning rate and optimizer chosen in the controls (applied by Restart).
    pub lr_choice: f64,
    pub optimizer_choice: OptimizerKind,
    /// Whether Reset draws a new seed.
    pub new_seed: bool,
    /// The theme's own look (the projector theme's type is larger); the overlay draws it with
    /// the visitor's [`Self::comfort`] choices ([`Self::look`]); kept across lessons.
    pub theme_look: super::Look,
    /// Calm motion, large text, colour-safe words, high contrast, touch scale.
    pub comfort: super::Comfort,
    /// A touch exhibit: every tap target is a full-size button (the step dots only show the
    /// step).
    pub touch_exhibit: bool,
    /// The languages the language row offers (an exhibit may offer fewer).
    pub languages: Vec<crate::i18n::Lang>,
    /// Points the narration card may take above the step card (measured each frame).
    pub narration_room: f32,
    /// The read-out a tap or click left open, and where (points): touch screens have no hover,
    /// so a tapped bar, neuron or cell keeps showing its live value until the next tap.
    pub pinned_readout: Option<(HoverTarget, egui::Pos2)>,
    /// Whether steps advance by themselves (to the takeaways after training); `--present`
    /// never does, the presenter decides.
    pub auto_steps: bool,
    /// Milestone holds of guided playback.
    pub pacer: Pacer,
    /// The Write step: the start, the dial, what the models wrote.
    pub write: WriteState,
    /// The math card is open (in the lesson column's place).
    pub math_open: bool,
    /// It shows one step of the backward pass.
    pub math_gradient: bool,
}

fn summary_is_empty(pace: Option<(&LessonSummary, &LessonInfo)>) -> bool {
    pace.is_none_or(|(s, _)| s.is_empty())
}

impl Default for UiState {
    fn default() -> Self {
        Self {
            step: Step::Task,
            playing: false,
            speed: 10.0,
            playhead: 0.0,
            live: true,
            selected_word: None,
            selected_pair: 0,
            selected_run: 0,
            ui_hidden: false,
            help_visible: false,
            lessons_open: false,
            typed_text: String::new(),
            text_error: None,
            lr_choice: 0.02,
            optimizer_choice: OptimizerKind::Adam,
            new_seed: false,
            theme_look: super::Look::default(),
            languages: crate::i18n::Lang::ALL.to_vec(),
            touch_exhibit: false,
            comfort: super::Comfort::default(),
            narration_room: f32::INFINITY,
            pinned_readout: None,
            auto_steps: true,
            pacer: Pacer::default(),
            write: WriteState::default(),
            math_open: false,
            math_gradient: false,
        }
    }
}

impl UiState {
    /// The state for a freshly loaded lesson: playback at epoch 0; step, speed and panels kept.
    pub fn lesson_loaded(&mut self, lr: f64, optimizer: OptimizerKind, featured_pair: u32) {
        self.playing = false;
        self.playhead = 0.0;
        self.live = true;
        self.selected_word = None;
        self.selected_pair = featured_pair;
        self.selected_run = 0;
        self.pinned_readout = None;
        self.pacer.reset();
        self.lr_choice = lr;
        self.optimizer_choice = optimizer;
        // The words and the start belong to the old vocabulary; the dial stays.
        self.write = self.write.for_new_lesson();
    }

    /// Applies the UI side of `action`. `grid` is what is recorded, `total_epochs` the lesson's
    /// length. Actions that need the window change nothing here except playback (they restart).
    pub fn apply(&mut self, action: &Action, grid: &EpochSlots, total_epochs: u32) {
        match action {
            Action::Play => self.play(grid, total_epochs),
            Action::Pause => self.playing = false,
            Action::TogglePlay => {
                if self.playing {
                    self.playing = false;
                } else {
                    self.play(grid, total_epochs);
                }
            }
            Action::StepForward => {
                self.playing = false;
                if let Some(e) = grid.next_after(self.playhead) {
                    self.playhead = e as f32;
                    self.live = grid.last() == Some(e);
                } else {
                    // At the live edge: the window trains one epoch; `tick` follows it.
                    self.playhead = grid.last().map_or(0.0, |l| l as f32 + 1.0);
                    self.live = true;
                }
            }
            Action::StepBack => {
                self.playing = false;
                self.live = false;
                self.pacer.reset();
                if let Some(e) = grid.previous_before(self.playhead) {
                    self.playhead = e as f32;
                }
            }
            Action::Seek(epoch) => {
                self.playing = false;
                self.pacer.reset();
                self.playhead = grid.snap(*epoch);
                self.live = grid.last().is_some_and(|l| self.playhead >= l as f32);
            }
            Action::GoLive => {
                self.live = true;
                self.playhead = grid.last().unwrap_or(0) as f32;
            }
            Action::Reset { .. } | Action::Restart { .. } => {
                self.playing = false;
                self.playhead = 0.0;
                self.live = true;
                self.pacer.reset();
            }
            Action::SetSpeed(s) => self.speed = s.clamp(SPEED_RANGE.0, SPEED_RANGE.1),
            Action::SelectWord(w) => self.selected_word = *w,
            Action::SelectPair(p) => self.selected_pair = *p,
            Action::SelectRun(r) => self.selected_run = *r,
            // On the last step, Next (a presenter's clicker) writes one more word.
            Action::NextStep if self.step == Step::Write => {
                self.write.apply(&WriteAction::Step);
            }
            Action::NextStep => self.go_to_step(self.step.next(), grid, total_epochs),
            Action::Write(a) => self.write.apply(a),
            Action::ToggleMath => {
                self.math_open = !self.math_open;
                self.math_gradient = false;
            }
            Action::ShowGradient => self.math_gradient = true,
            Action::SetLanguage(lang) => crate::i18n::set_language(*lang),
            Action::SetLevel(level) => crate::i18n::set_level(*level),
            Action::SetComfort(comfort) => {
                self.comfort = *comfort;
                self.apply_palette();
            }
            Action::ToggleCalmMotion => {
                self.comfort.calm_motion = !self.comfort.calm_motion;
            }
            Action::ToggleLargeText => self.comfort.large_text = !self.comfort.large_text,
            Action::PreviousStep => self.step = self.step.previous(),
            Action::GoToStep(s) => self.go_to_step(*s, grid, total_epochs),
            Action::ToggleUi => self.ui_hidden = !self.ui_hidden,
            Action::ToggleHelp => self.help_visible = !self.help_visible,
            Action::CloseHelp => {
                self.help_visible = false;
                self.lessons_open = false;
                self.math_open = false;
            }
            Action::PickLesson(_) | Action::PickLessonIndex(_) | Action::TrainText { .. } => {
                self.lessons_open = false;
            }
            Action::ToggleFullscreen | Action::Screenshot => {}
        }
    }

    /// Playing is training: from the task or the network step, Play moves on to step 3.
    fn play(&mut self, grid: &EpochSlots, total_epochs: u32) {
        if self.playhead >= total_epochs as f32 && grid.last().unwrap_or(0) >= total_epochs {
            self.playhead = 0.0; // at the end: play again from the start
            self.live = false;
            self.pacer.reset();
        }
        if self.step < Step::Training {
            self.step = Step::Training;
        }
        self.playing = true;
    }

    /// Going to a step; arriving at step 3 from an earlier one starts training.
    fn go_to_step(&mut self, step: Step, grid: &EpochSlots, total_epochs: u32) {
        let starts_training = step == Step::Training && self.step < Step::Training;
        self.step = step;
        if starts_training && !self.playing {
            self.play(grid, total_epochs);
        }
    }

    /// Advances playback by `dt_secs`. Returns how many epochs the engine should train now so
    /// that the playhead has data (never past `total_epochs`).
    ///
    /// With `pace` (the numbers read so far and the lesson), playback is guided
    /// ([`super::pacing`]): eased by how fast the numbers change, held at each milestone for its
    /// reading time, and (with [`UiState::auto_steps`]) on to the takeaways once training has
    /// converged or reached its last epoch. Without it the playhead moves at `speed`.
    pub fn tick(
        &mut self,
        dt_secs: f32,
        grid: &EpochSlots,
        total_epochs: u32,
        pace: Option<(&LessonSummary, &LessonInfo)>,
    ) -> u32 {
        let trained = grid.last().unwrap_or(0);
        let dt = dt_secs.clamp(0.0, 0.25);
        let mut speed = self.speed;
        if self.playing {
            let holding = self.pacer.wait(dt);
            if let Some((summary, _)) = pace.filter(|_| !holding && !summary_is_empty(pace)) {
                speed = eased_speed(summary, self.playhead, self.speed);
            }
            if !holding {
                let from = self.playhead;
                let mut to = from + speed * dt;
                if let Some((summary, info)) = pace
                    && let Some(stop) =
                        self.pacer
                            .stop_between(from, to, summary, info, self.selected_pair)
                {
                    to = stop as f32;
                }
                self.playhead = to;
            }
            if self.playhead >= total_epochs as f32 {
                self.playhead = total_epochs as f32;
                self.playing = false;
            }
            if self.playhead >= trained as f32 {
                self.live = true;
            }
        }
        if let Some((summary, info)) = pace {
            self.advance_after_training(summary, info, total_epochs);
        }
        // Playing at the live edge, training runs ahead of the playhead (TRAIN_LEAD_SECS of
        // playback, and at least the pacing's look-ahead), so the numbers the overlay reads back
        // a few times a second already cover the playhead. Paused, the playhead stays put.
        let lead = if self.playing && self.live {
            (speed.max(self.speed) * TRAIN_LEAD_SECS)
                .ceil()
                .max(TRAIN_LEAD_EPOCHS)
        } else {
            0.0
        };
        let wanted = ((self.playhead + lead).ceil() as u32).min(total_epochs.max(trained));
        let need = wanted.saturating_sub(trained);
        if self.live && need == 0 && !self.playing {
            self.playhead = self.playhead.min(trained as f32);
        }
        need
    }

    /// Step 3 gives way to the takeaways once training has converged (and its milestone's hold
    /// is over) or reached the lesson's last epoch, when steps may advance by themselves.
    fn advance_after_training(
        &mut self,
        summary: &LessonSummary,
        info: &LessonInfo,
        total_epochs: u32,
    ) {
        if !self.auto_steps || self.step != Step::Training || self.pacer.holding() {
            return;
        }
        let converged = find_milestones(summary, info, &PhaseParams::default())
            .iter()
            .any(|m| m.kind == MilestoneKind::Converged && m.epoch as f32 <= self.playhead);
        let ended = self.playhead >= total_epochs as f32;
        if (converged || ended) && summary.shown_epoch as f32 >= self.playhead.floor() - 1.0 {
            self.step = Step::Takeaways;
        }
    }

    /// The overlay's colours and type size as drawn: the theme's look with the comfort choices.
    pub fn look(&self) -> super::Look {
        self.comfort.look(self.theme_look)
    }

    /// Colours words with the palette the comfort choices ask for, in every view (the palette
    /// is process-wide, like the language).
    pub fn apply_palette(&self) {
        crate::scene::palette::set_word_palette(self.comfort.palette());
    }

    /// What the scene's composition keeps free for the overlay: the control bar and the lesson
    /// column while the panels show, nothing when hidden; and the look's type size.
    pub fn layout_spec(&self) -> crate::scene::LayoutSpec {
        crate::scene::LayoutSpec {
            bottom_1080: if self.ui_hidden {
                0.0
            } else {
                self.look().control_bar_1080()
            },
            lesson_column: !self.ui_hidden,
            text_scale: self.look().scale,
        }
    }

    /// The lesson's progress, 0..=1: the newest trained epoch over the lesson's epochs.
    pub fn progress(trained_epoch: u32, total_epochs: u32) -> f32 {
        (trained_epoch as f32 / total_epochs.max(1) as f32).clamp(0.0, 1.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn steps_stay_in_range() {
        assert_eq!(Step::Task.previous(), Step::Task);
        assert_eq!(Step::Takeaways.next(), Step::Write);
        assert_eq!(Step::Write.next(), Step::Write);
        assert_eq!(Step::Architecture.next(), Step::Training);
    }
}
