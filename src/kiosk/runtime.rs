//! The kiosk as the window sees it: one object that owns the attract loop, the kiosk overlay and
//! the exit chord, and decides which keys and actions a visitor may use.
//!
//! How it works: the window makes a [`KioskRuntime`] from the exhibit config and forwards three
//! things: every touch / click / key ([`KioskRuntime::input`]), every frame's clock
//! ([`KioskRuntime::tick`]), and each key press first to [`KioskRuntime::key`], which says
//! whether it is the exit chord, a key a kiosk swallows (anything that would leave the app,
//! change the window or write files), or a key to pass on. [`KioskRuntime::allows`] filters the
//! lesson overlay's actions the same way. The returned [`KioskEvent`]s are the window's to carry
//! out (load a lesson, reset, orbit); the overlay state is updated here.

use crate::ui::state::{Action, Key, UiState};
use crate::ui::tour::{Tour, TourStep};

use super::attract::{Attract, AttractTiming, KioskEvent};
use super::chord::Pressed;
use super::config::ExhibitConfig;
use super::overlay::{KioskOverlay, kiosk_overlay_ui};

/// What to do with a key press in kiosk mode.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum KeyVerdict {
    /// The exit chord: leave the app.
    Exit,
    /// A key a kiosk ignores (quit, fullscreen, Escape, screenshots).
    Swallow,
    /// A normal key: the window handles it as usual.
    Pass,
}

pub struct KioskRuntime {
    pub config: ExhibitConfig,
    pub attract: Attract,
    pub overlay: KioskOverlay,
    /// The guided tour of the lesson on screen, while nobody uses the kiosk.
    pub tour: Option<Tour>,
}

impl KioskRuntime {
    /// Starts in the attract loop at `now` (seconds); apply the returned events.
    pub fn new(config: ExhibitConfig, now: f64) -> (Self, Vec<KioskEvent>) {
        let (attract, events) = Attract::new(
            config.lessons.clone(),
            AttractTiming::from_config(&config),
            now,
        );
        let mut runtime = Self {
            config,
            attract,
            overlay: KioskOverlay::default(),
            tour: None,
        };
        runtime.show(&events, now);
        (runtime, events)
    }

    /// Shows `events` in the kiosk layer; a new lesson in the attract loop starts its tour, a
    /// visitor ends it.
    fn show(&mut self, events: &[KioskEvent], now: f64) {
        for e in events {
            self.overlay.apply(e);
            match e {
                KioskEvent::NextLesson(_) if self.attract.is_attract() => {
                    self.tour = Some(Tour::new(now));
                }
                KioskEvent::StopAutoOrbit => self.tour = None,
                _ => {}
            }
        }
    }

    /// One frame of the guided tour at `now` (only in the attract loop): the overlay actions it
    /// asks for, and the kiosk's events when the lesson is done. `reading_words`: how many words
    /// are on screen to read (read at the exhibit's `reading_wpm`).
    pub fn tour(
        &mut self,
        now: f64,
        state: &UiState,
        reading_words: usize,
    ) -> (Vec<Action>, Vec<KioskEvent>) {
        let wpm = self.config.reading_wpm.max(1.0);
        let reading_secs = reading_words as f64 / wpm * 60.0;
        // An exhibit that reads faster also keeps short steps up for less.
        let min_secs =
            crate::ui::tour::MIN_STEP_SECS * f64::from(crate::ui::pacing::WORDS_PER_MINUTE) / wpm;
        let Some(tour) = self.tour.as_mut().filter(|_| self.attract.is_attract()) else {
            return (Vec::new(), Vec::new());
        };
        let mut actions = Vec::new();
        let mut events = Vec::new();
        for step in tour.tick_with_floor(now, state, reading_secs, min_secs) {
            match step {
                TourStep::Ui(action) => actions.push(action),
                TourStep::LessonDone => events.extend(self.attract.lesson_done(now)),
            }
        }
        self.show(&events, now);
        (actions, events)
    }

    pub fn tick(&mut self, now: f64) -> Vec<KioskEvent> {
        let events = self.attract.tick(now);
        self.show(&events, now);
        events
    }

    /// A touch, click, wheel or key by a visitor.
    pub fn input(&mut self, now: f64) -> Vec<KioskEvent> {
        let events = self.attract.user_input(now);
        self.show(&events, now);
        events
    }

    /// Sorts a key press (`egui_key`: the same key for the overlay's map, when it has one).
    pub fn key(&self, pressed: &Pressed, egui_key: Option<Key>) -> KeyVerdict {
        if self.config.exit_chord.matches(pressed) {
            return KeyVerdict::Exit;
        }
        let leaves = matches!(
            pressed.logical.as_deref(),
            Some("escape" | "f11" | "f4" | "q" | "f" | "s")
        ) || pressed.mods.logo
            || (pressed.mods.alt && pressed.logical.as_deref() == Some("tab"));
        let action_leaves = egui_key
            .and_then(|k| crate::ui::action_for_key(k, pressed.mods.shift))
            .is_some_and(|a| !Self::allows(&a));
        if leaves || action_leaves {
            KeyVerdict::Swallow
        } else {
            KeyVerdict::Pass
        }
    }

    /// What a visitor starts with, at start-up and after idle: the exhibit's languages on offer
    /// and its viewing choices (the screen's touch scale in `state` stays), on a touch exhibit.
    /// The window also makes `config.language` the active language (process-wide, so not here).
    pub fn welcome_visitor(&self, state: &mut UiState) {
        state.languages = self.config.languages.clone();
        state.touch_exhibit = true;
        state.comfort = crate::ui::Comfort {
            touch_scale: state.comfort.touch_scale,
            ..self.config.comfort
        };
        state.apply_palette();
    }

    /// The overlay's state for the next visitor, after idle: the lesson from the start, as
    /// [`Self::welcome_visitor`] leaves it; the screen's touch scale and the theme stay, and so
    /// do the pair and training choices on screen.
    pub fn next_visitor_state(&self, old: &UiState, speed: f32) -> UiState {
        let mut state = UiState {
            speed,
            playing: false,
            selected_pair: old.selected_pair,
            lr_choice: old.lr_choice,
            optimizer_choice: old.optimizer_choice,
            theme_look: old.theme_look,
            ..UiState::default()
        };
        state.comfort.touch_scale = old.comfort.touch_scale;
        self.welcome_visitor(&mut state);
        state
    }

    /// Whether a visitor may trigger `action` (no fullscreen toggle, no screenshot files).
    pub fn allows(action: &Action) -> bool {
        !matches!(action, Action::ToggleFullscreen | Action::Screenshot)
    }

    /// Draws the kiosk layer (without breathing when `calm_motion`); a tap on the countdown
    /// counts as input (its events are returned).
    pub fn ui(&mut self, ctx: &egui::Context, now: f64, calm_motion: bool) -> Vec<KioskEvent> {
        let style = self.config.theme.style();
        self.overlay.calm_motion = calm_motion;
        if kiosk_overlay_ui(ctx, &self.overlay, &self.config.strings, &style) {
            return self.input(now);
        }
        Vec::new()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::kiosk::chord::Mods;

    fn runtime() -> KioskRuntime {
        let (r, events) = KioskRuntime::new(ExhibitConfig::default(), 0.0);
        assert!(events.contains(&KioskEvent::StartAutoOrbit));
        assert!(r.overlay.attract);
        r
    }

    #[test]
    fn only_the_chord_leaves() {
        let r = runtime();
        let ctrl_shift = Mods {
            ctrl: true,
            shift: true,
            ..Mods::default()
        };
        assert_eq!(
            r.key(&Pressed::new(ctrl_shift, "q"), None),
            KeyVerdict::Exit
        );
        let none = Mods::default();
        for (key, egui_key) in [
            ("q", Some(Key::Q)),
            ("escape", Some(Key::Escape)),
            ("f11", Some(Key::F11)),
            ("f", Some(Key::F)),
            ("s", Some(Key::S)),
        ] {
            assert_eq!(
                r.key(&Pressed::new(none, key), egui_key),
                KeyVerdict::Swallow,
                "{key}"
            );
        }
        let logo = Mods {
            logo: true,
            ..Mods::default()
        };
        assert_eq!(r.key(&Pressed::new(logo, "d"), None), KeyVerdict::Swallow);
        assert_eq!(
            r.key(&Pressed::new(none, "space"), Some(Key::Space)),
            KeyVerdict::Pass
        );
        assert_eq!(
            r.key(&Pressed::new(none, "arrowright"), Some(Key::ArrowRight)),
            KeyVerdict::Pass
        );
        assert!(!KioskRuntime::allows(&Action::ToggleFullscreen));
        assert!(KioskRuntime::allows(&Action::TrainText {
            text: "the cat sat".into(),
            attention: true,
        }));
    }

    #[test]
    fn the_next_visitor_finds_the_exhibits_language_and_choices() {
        use crate::i18n::Lang;
        let config = ExhibitConfig::parse(
            "languages = [\"de\", \"fr\"]\nlarge_text = true\n",
            "x.toml",
            None,
        )
        .unwrap();
        let (r, _) = KioskRuntime::new(config, 0.0);
        // A visitor turned large text off and calm motion on.
        let mut old = UiState::default();
        old.comfort.large_text = false;
        old.comfort.calm_motion = true;
        old.comfort.touch_scale = 1.3;
        old.theme_look = crate::ui::Look::HIGH_CONTRAST;
        let next = r.next_visitor_state(&old, 20.0);
        assert!(next.comfort.large_text && !next.comfort.calm_motion);
        assert_eq!(next.comfort.touch_scale, 1.3);
        assert_eq!(next.languages, [Lang::De, Lang::Fr]);
        assert_eq!(next.theme_look, crate::ui::Look::HIGH_CONTRAST);
        // Large text and the touch scale show in the look.
        let scale = crate::ui::comfort::LARGE_TEXT * 1.3;
        assert!((next.look().scale - scale).abs() < 1e-5);
        assert_eq!(r.config.language, Lang::De);
    }

    #[test]
    fn input_and_ticks_drive_the_overlay() {
        let mut r = runtime();
        r.input(1.0);
        assert!(r.overlay.welcome && !r.overlay.attract);
        r.tick(1.0 + r.config.idle_secs - r.config.warning_secs);
        assert_eq!(r.overlay.countdown, Some(r.config.warning_secs as u32));
        r.input(90.0);
        assert_eq!(r.overlay.countdown, None);
    }
}
