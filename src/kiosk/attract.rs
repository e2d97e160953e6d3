//! The kiosk's attract loop as a pure state machine, driven by a clock the caller supplies.
//!
//! How it works: the kiosk is in one of three [`Mode`]s. In `Attract` nobody is using it: the
//! camera orbits slowly and the configured lessons take turns: the guided tour ([`crate::ui::tour`])
//! tells each and reports when it is done ([`Attract::lesson_done`]); `lesson_secs` caps a lesson's
//! turn should a tour stall. Any input
//! ([`Attract::user_input`]) hands control to the visitor (`Visitor`) with a short welcome. After
//! `idle_secs - warning_secs` without input a countdown appears (`Warning`); input cancels it,
//! and when it runs out the kiosk resets into the attract loop, starting again at the first
//! lesson. [`Attract::tick`] is called every frame with the time in seconds and returns what the
//! window must do as [`KioskEvent`]s; the state machine never touches the GPU or the window, so
//! the tests drive it with a fake clock. A clock that jumps (a machine resumed from sleep) is
//! fine: a long gap in `Visitor` goes straight to the reset, and time never runs backwards here.

use super::config::ExhibitConfig;

/// Where the kiosk is.
#[derive(Clone, Debug, PartialEq)]
pub enum Mode {
    /// A visitor is using it.
    Visitor,
    /// A visitor was here but has been idle; the countdown shows `remaining` whole seconds.
    Warning { remaining: u32 },
    /// Nobody is here: lesson `lesson_index` has been playing since `since` (seconds).
    Attract { lesson_index: usize, since: f64 },
}

/// What the window must do, in order.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum KioskEvent {
    /// Back to a fresh state: camera home, UI state default, dialogs closed, typed text cleared.
    ResetLesson,
    /// Load this lesson (id or path) and play it from epoch 0.
    NextLesson(String),
    StartAutoOrbit,
    StopAutoOrbit,
    ShowWelcome,
    HideWelcome,
    /// Show (or update) the idle countdown: this many whole seconds left.
    ShowCountdown(u32),
    HideCountdown,
}

/// Timings of the attract loop, in seconds.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct AttractTiming {
    pub idle_secs: f64,
    pub warning_secs: f64,
    pub lesson_secs: f64,
    pub welcome_secs: f64,
}

impl AttractTiming {
    pub fn from_config(config: &ExhibitConfig) -> Self {
        Self {
            idle_secs: config.idle_secs,
            warning_secs: config.warning_secs,
            lesson_secs: config.lesson_secs,
            welcome_secs: config.welcome_secs,
        }
    }
}

pub struct Attract {
    timing: AttractTiming,
    lessons: Vec<String>,
    mode: Mode,
    last_input: f64,
    /// The latest time seen (the clock never runs backwards here).
    now: f64,
    welcome_until: Option<f64>,
}

impl Attract {
    /// A kiosk that starts in the attract loop at `now`; returns the events that start it.
    /// `lessons` must not be empty (the config guarantees it).
    pub fn new(lessons: Vec<String>, timing: AttractTiming, now: f64) -> (Self, Vec<KioskEvent>) {
        assert!(
            !lessons.is_empty(),
            "an attract loop needs at least one lesson"
        );
        let warning_secs = timing.warning_secs.clamp(0.0, timing.idle_secs.max(0.0));
        let timing = AttractTiming {
            warning_secs,
            lesson_secs: timing.lesson_secs.max(1.0),
            ..timing
        };
        let mut attract = Self {
            timing,
            lessons,
            mode: Mode::Visitor,
            last_input: now,
            now,
            welcome_until: None,
        };
        let events = attract.enter_attract();
        (attract, events)
    }

    pub fn mode(&self) -> &Mode {
        &self.mode
    }

    pub fn is_attract(&self) -> bool {
        matches!(self.mode, Mode::Attract { .. })
    }

    /// The lesson the attract loop shows (or last showed).
    pub fn lessons(&self) -> &[String] {
        &self.lessons
    }

    /// Advances the clock to `now` (seconds, from any fixed origin).
    pub fn tick(&mut self, now: f64) -> Vec<KioskEvent> {
        self.now = self.now.max(now);
        let now = self.now;
        let mut events = Vec::new();
        if self.welcome_until.is_some_and(|until| now >= until) {
            self.welcome_until = None;
            events.push(KioskEvent::HideWelcome);
        }
        let idle = now - self.last_input;
        let left = self.timing.idle_secs - idle;
        match self.mode {
            Mode::Attract {
                lesson_index,
                since,
            } => {
                if now - since >= self.timing.lesson_secs {
                    // Skip whole cycles a big clock jump may contain.
                    let turns = ((now - since) / self.timing.lesson_secs).floor() as usize;
                    let next = (lesson_index + turns) % self.lessons.len();
                    self.mode = Mode::Attract {
                        lesson_index: next,
                        since: since + turns as f64 * self.timing.lesson_secs,
                    };
                    events.push(KioskEvent::NextLesson(self.lessons[next].clone()));
                }
            }
            Mode::Visitor | Mode::Warning { .. } if left <= 0.0 => {
                if matches!(self.mode, Mode::Warning { .. }) {
                    events.push(KioskEvent::HideCountdown);
                }
                events.extend(self.enter_attract());
            }
            Mode::Visitor if left <= self.timing.warning_secs => {
                let remaining = left.ceil() as u32;
                self.mode = Mode::Warning { remaining };
                events.push(KioskEvent::ShowCountdown(remaining));
            }
            Mode::Warning { remaining } => {
                let now_remaining = left.ceil() as u32;
                if now_remaining != remaining {
                    self.mode = Mode::Warning {
                        remaining: now_remaining,
                    };
                    events.push(KioskEvent::ShowCountdown(now_remaining));
                }
            }
            Mode::Visitor => {}
        }
        events
    }

    /// The guided tour has told the current lesson: the attract loop moves on to the next one
    /// (nothing happens outside the attract loop).
    pub fn lesson_done(&mut self, now: f64) -> Vec<KioskEvent> {
        self.now = self.now.max(now);
        let Mode::Attract { lesson_index, .. } = self.mode else {
            return Vec::new();
        };
        let next = (lesson_index + 1) % self.lessons.len();
        self.mode = Mode::Attract {
            lesson_index: next,
            since: self.now,
        };
        vec![KioskEvent::NextLesson(self.lessons[next].clone())]
    }

    /// A touch, click or key at `now`: hands control to the visitor, or keeps it there.
    pub fn user_input(&mut self, now: f64) -> Vec<KioskEvent> {
        self.now = self.now.max(now);
        self.last_input = self.now;
        match self.mode {
            Mode::Visitor => Vec::new(),
            Mode::Warning { .. } => {
                self.mode = Mode::Visitor;
                vec![KioskEvent::HideCountdown]
            }
            Mode::Attract { .. } => {
                self.mode = Mode::Visitor;
                let mut events = vec![KioskEvent::StopAutoOrbit];
                if self.timing.welcome_secs > 0.0 {
                    self.welcome_until = Some(self.now + self.timing.welcome_secs);
                    events.push(KioskEvent::ShowWelcome);
                }
                events
            }
        }
    }

    fn enter_attract(&mut self) -> Vec<KioskEvent> {
        self.mode = Mode::Attract {
            lesson_index: 0,
            since: self.now,
        };
        let mut events = Vec::new();
        if self.welcome_until.take().is_some() {
            events.push(KioskEvent::HideWelcome);
        }
        events.extend([
            KioskEvent::ResetLesson,
            KioskEvent::NextLesson(self.lessons[0].clone()),
            KioskEvent::StartAutoOrbit,
        ]);
        events
    }
}

#[cfg(test)]
mod tests {
    use super::KioskEvent::*;
    use super::*;

    fn timing() -> AttractTiming {
        AttractTiming {
            idle_secs: 60.0,
            warning_secs: 10.0,
            lesson_secs: 30.0,
            welcome_secs: 4.0,
        }
    }

    fn kiosk() -> Attract {
        let lessons = vec!["a".to_string(), "b".to_string(), "c".to_string()];
        let (k, events) = Attract::new(lessons, timing(), 100.0);
        assert_eq!(
            events,
            [ResetLesson, NextLesson("a".into()), StartAutoOrbit]
        );
        k
    }

    #[test]
    fn attract_cycles_lessons_and_wraps() {
        let mut k = kiosk();
        assert_eq!(k.tick(129.9), []);
        assert_eq!(k.tick(130.0), [NextLesson("b".into())]);
        assert_eq!(k.tick(145.0), []);
        assert_eq!(k.tick(160.0), [NextLesson("c".into())]);
        assert_eq!(k.tick(190.0), [NextLesson("a".into())]);
        assert!(k.is_attract());
    }

    #[test]
    fn a_clock_jump_skips_whole_turns_without_drift() {
        let mut k = kiosk();
        // 100 s later: 3 turns (a -> b -> c -> a), next turn due at 100 + 4 * 30.
        assert_eq!(k.tick(200.0), [NextLesson("a".into())]);
        assert_eq!(k.tick(219.9), []);
        assert_eq!(k.tick(220.0), [NextLesson("b".into())]);
    }

    #[test]
    fn input_hands_over_with_a_welcome_that_hides_itself() {
        let mut k = kiosk();
        k.tick(131.0); // now on "b"
        assert_eq!(k.user_input(132.0), [StopAutoOrbit, ShowWelcome]);
        assert_eq!(k.mode(), &Mode::Visitor);
        assert_eq!(k.tick(135.9), []);
        assert_eq!(k.tick(136.0), [HideWelcome]);
        assert_eq!(k.tick(137.0), []);
        // Further input while visiting only restarts the idle clock.
        assert_eq!(k.user_input(140.0), []);
    }

    #[test]
    fn countdown_warns_then_resets_to_the_first_lesson() {
        let mut k = kiosk();
        k.user_input(100.0);
        k.tick(104.0); // welcome gone
        assert_eq!(k.tick(149.9), []);
        assert_eq!(k.tick(150.0), [ShowCountdown(10)]);
        assert_eq!(k.tick(150.5), []);
        assert_eq!(k.tick(151.2), [ShowCountdown(9)]);
        assert_eq!(k.mode(), &Mode::Warning { remaining: 9 });
        assert_eq!(k.tick(159.5), [ShowCountdown(1)]);
        assert_eq!(
            k.tick(160.0),
            [
                HideCountdown,
                ResetLesson,
                NextLesson("a".into()),
                StartAutoOrbit
            ]
        );
        assert!(k.is_attract());
        assert_eq!(k.tick(189.9), []);
        assert_eq!(k.tick(190.0), [NextLesson("b".into())]);
    }

    #[test]
    fn a_tap_cancels_the_countdown() {
        let mut k = kiosk();
        k.user_input(100.0);
        k.tick(104.0);
        assert_eq!(k.tick(152.0), [ShowCountdown(8)]);
        assert_eq!(k.user_input(153.0), [HideCountdown]);
        assert_eq!(k.mode(), &Mode::Visitor);
        assert_eq!(k.tick(202.9), []);
        assert_eq!(k.tick(203.0), [ShowCountdown(10)]);
    }

    #[test]
    fn a_long_gap_while_visiting_resets_at_once() {
        let mut k = kiosk();
        k.user_input(100.0);
        assert_eq!(
            k.tick(10_000.0),
            [
                HideWelcome,
                ResetLesson,
                NextLesson("a".into()),
                StartAutoOrbit
            ]
        );
    }

    #[test]
    fn the_clock_never_runs_backwards() {
        let mut k = kiosk();
        k.user_input(100.0);
        k.tick(155.0);
        // A clock that goes back must not cancel the countdown or re-show the welcome.
        assert_eq!(k.tick(50.0), []);
        assert_eq!(k.mode(), &Mode::Warning { remaining: 5 });
    }

    #[test]
    fn odd_timings_are_clamped() {
        let t = AttractTiming {
            idle_secs: 5.0,
            warning_secs: 50.0,
            lesson_secs: 0.0,
            welcome_secs: 0.0,
        };
        let (mut k, _) = Attract::new(vec!["a".into()], t, 0.0);
        assert_eq!(k.user_input(0.0), [StopAutoOrbit]); // no welcome when welcome_secs is 0
        assert_eq!(k.tick(0.1), [ShowCountdown(5)]);
        assert_eq!(k.tick(1.0), [ShowCountdown(4)]);
        assert_eq!(
            k.tick(5.0),
            [
                HideCountdown,
                ResetLesson,
                NextLesson("a".into()),
                StartAutoOrbit
            ]
        );
        // One lesson: it replays from the start every (clamped) second.
        assert_eq!(k.tick(6.0), [NextLesson("a".into())]);
    }
}
