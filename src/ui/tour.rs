//! The guided tour: the kiosk's attract loop plays the lesson by itself, one step after another,
//! each step on screen for the time it takes to read it.
//!
//! How it works: [`Tour::tick`] is called every frame while nobody is using the kiosk, with the
//! clock, the overlay's state and the reading time of what the current step card and narration
//! say ([`super::pacing::reading_secs`]). The task and the network steps stay up for their
//! reading time, then the tour moves on; arriving at training starts it, and guided playback
//! ([`super::pacing`]) eases through it and moves on to the takeaways by itself once training has
//! converged; the takeaways stay up for their reading time; then the model writes, and once its
//! words are all on screen and read, the lesson is done (the kiosk moves on to the next one). The tour only returns [`Action`]s, so the same actions a
//! visitor's taps make drive it, and any touch simply stops calling it: the visitor takes over
//! exactly where the tour was.

use super::state::{Action, Step, UiState};

/// The least time a step stays up, whatever its length.
pub const MIN_STEP_SECS: f64 = 4.0;
/// Seconds after the end of training before the tour moves on if it has not (a run that never
/// converges, paused at the last epoch).
const AFTER_TRAINING_SECS: f64 = 3.0;

/// What the tour asks for.
#[derive(Clone, Debug, PartialEq)]
pub enum TourStep {
    /// An overlay action (next step, play).
    Ui(Action),
    /// The lesson has been told: move on to the next one.
    LessonDone,
}

/// Where the tour stands (see the module docs).
#[derive(Clone, Debug, PartialEq)]
pub struct Tour {
    step: Step,
    since: f64,
    /// When training stopped at its last epoch, if it has.
    ended_at: Option<f64>,
}

impl Tour {
    /// A tour starting at step 1 at clock `now` (seconds).
    pub fn new(now: f64) -> Self {
        Self {
            step: Step::Task,
            since: now,
            ended_at: None,
        }
    }

    /// Seconds the current step has been on screen at `now`.
    pub fn on_screen(&self, now: f64) -> f64 {
        (now - self.since).max(0.0)
    }

    /// What to do at `now`, given the overlay's `state` and the reading time of what is on
    /// screen (`reading_secs`, at least [`MIN_STEP_SECS`]).
    pub fn tick(&mut self, now: f64, state: &UiState, reading_secs: f64) -> Vec<TourStep> {
        self.tick_with_floor(now, state, reading_secs, MIN_STEP_SECS)
    }

    /// [`Tour::tick`] with another least time per step (an exhibit that reads faster).
    pub fn tick_with_floor(
        &mut self,
        now: f64,
        state: &UiState,
        reading_secs: f64,
        min_secs: f64,
    ) -> Vec<TourStep> {
        if state.step != self.step {
            self.step = state.step;
            self.since = now;
            self.ended_at = None;
        }
        let read = self.on_screen(now) >= reading_secs.max(min_secs);
        match state.step {
            Step::Task if read => vec![TourStep::Ui(Action::NextStep)],
            // Next from the network step starts training (UiState::apply).
            Step::Architecture if read => vec![TourStep::Ui(Action::NextStep)],
            Step::Training => {
                if state.playing {
                    self.ended_at = None;
                    return Vec::new();
                }
                // Paused at the end without converging: move on after a moment.
                let ended = *self.ended_at.get_or_insert(now);
                if now - ended >= AFTER_TRAINING_SECS {
                    return vec![TourStep::Ui(Action::GoToStep(Step::Takeaways))];
                }
                if state.playhead <= 0.0 {
                    return vec![TourStep::Ui(Action::Play)];
                }
                Vec::new()
            }
            Step::Takeaways if read => vec![TourStep::Ui(Action::NextStep)],
            // The lesson ends with the model writing: the clock starts once the words are all
            // there, then they stay up for their reading time.
            Step::Write if !state.write.done() => {
                self.since = now;
                Vec::new()
            }
            Step::Write if read => vec![TourStep::LessonDone],
            _ => Vec::new(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_step_stays_for_its_reading_time() {
        let mut state = UiState::default();
        let mut tour = Tour::new(0.0);
        assert!(tour.tick(5.0, &state, 10.0).is_empty());
        assert_eq!(
            tour.tick(10.0, &state, 10.0),
            vec![TourStep::Ui(Action::NextStep)]
        );
        state.step = Step::Architecture;
        // A new step starts its own clock.
        assert!(tour.tick(11.0, &state, 6.0).is_empty());
        assert_eq!(
            tour.tick(17.0, &state, 6.0),
            vec![TourStep::Ui(Action::NextStep)]
        );
        // Short texts still stay a few seconds.
        state.step = Step::Takeaways;
        assert!(tour.tick(18.0, &state, 0.5).is_empty());
        assert_eq!(
            tour.tick(18.0 + MIN_STEP_SECS, &state, 0.5),
            vec![TourStep::Ui(Action::NextStep)]
        );
    }

    #[test]
    fn the_lesson_ends_once_the_model_has_written_and_been_read() {
        use crate::ui::write::{WriteAction, Writing};
        let mut state = UiState {
            step: Step::Write,
            ..UiState::default()
        };
        let mut tour = Tour::new(0.0);
        state.write.apply(&WriteAction::Start(vec![0]));
        // Writing: however long, the tour waits.
        assert!(tour.tick(1.0, &state, 5.0).is_empty());
        assert!(tour.tick(100.0, &state, 5.0).is_empty());
        let request = state.write.pending.take().unwrap();
        let writing = Writing {
            epoch: 300,
            words: vec![1, 2],
            probs: vec![vec![0.5, 0.5]; 2],
        };
        state.write.receive(&request, writing.clone(), writing);
        state.write.reveal_all();
        assert!(tour.tick(101.0, &state, 5.0).is_empty());
        assert!(tour.tick(104.0, &state, 5.0).is_empty());
        assert_eq!(tour.tick(105.0, &state, 5.0), vec![TourStep::LessonDone]);
    }

    #[test]
    fn training_plays_and_a_stalled_run_moves_on() {
        let mut state = UiState {
            step: Step::Training,
            ..UiState::default()
        };
        let mut tour = Tour::new(0.0);
        assert_eq!(
            tour.tick(1.0, &state, 5.0),
            vec![TourStep::Ui(Action::Play)]
        );
        state.playing = true;
        assert!(tour.tick(50.0, &state, 5.0).is_empty());
        state.playing = false;
        state.playhead = 300.0;
        assert!(tour.tick(60.0, &state, 5.0).is_empty());
        assert_eq!(
            tour.tick(60.0 + AFTER_TRAINING_SECS, &state, 5.0),
            vec![TourStep::Ui(Action::GoToStep(Step::Takeaways))]
        );
    }
}
