//! Lecture and exhibit modes in the window: `--present` (clicker keys, blank screen, projector
//! theme) and `--kiosk` (attract loop, swallowed keys, exit chord).
//!
//! How it works: every key press goes to [`Running::route_key`] before egui sees it. In kiosk
//! mode [`KioskRuntime::key`] decides first: the exit chord leaves, keys that would leave the app,
//! change the window or write files are swallowed (egui never sees them, so the overlay cannot
//! act on them either). In lecture mode [`Presenter::key`] maps clicker keys (PageUp/PageDown,
//! arrows, B and `.`) to overlay actions or the blank screen, and those keys stay away from egui
//! so nothing is done twice. Keys typed into a text box are left alone. The kiosk's events (load
//! a lesson, reset, orbit) are carried out by [`Running::apply_kiosk`].

use winit::event::KeyEvent;
use winit::keyboard::{Key, NamedKey};

use super::Running;
use crate::kiosk::PresenterAction;
use crate::kiosk::{ExhibitConfig, KeyVerdict, KioskEvent, KioskRuntime, Presenter, Pressed};

/// Which mode the window runs in.
#[derive(Clone, Debug, Default)]
pub enum AppMode {
    #[default]
    Normal,
    /// Lecture mode (`--present`).
    Present,
    /// Exhibit mode (`--kiosk`), with its loaded config.
    Kiosk(Box<ExhibitConfig>),
}

/// Where a key press goes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum KeyRoute {
    /// The kiosk's exit chord: leave the app.
    Exit,
    /// Taken by the mode; neither egui nor the window keys see it.
    Handled,
    /// The normal path: egui first, then the window keys.
    Pass,
}

/// The egui key for a winit logical key (the names egui's keyboard map uses).
pub fn egui_key(key: &Key) -> Option<egui::Key> {
    match key {
        Key::Named(NamedKey::Space) => Some(egui::Key::Space),
        Key::Named(named) => egui::Key::from_name(&format!("{named:?}")),
        Key::Character(c) => {
            egui::Key::from_name(c).or_else(|| egui::Key::from_name(&c.to_uppercase()))
        }
        _ => None,
    }
}

impl Running {
    /// Seconds since the window started: the kiosk's clock.
    pub(super) fn now(&self) -> f64 {
        self.started.elapsed().as_secs_f64()
    }

    /// Sorts a key press for the current mode (see the module docs).
    pub(super) fn route_key(&mut self, event: &KeyEvent) -> KeyRoute {
        let typing = self.scene.egui_ctx().text_edit_focused();
        let key = egui_key(&event.logical_key);
        let now = self.now();
        if let Some(kiosk) = self.kiosk.as_mut() {
            let events = kiosk.input(now);
            let pressed = Pressed::from_winit(event, self.modifiers);
            let verdict = kiosk.key(&pressed, key);
            self.apply_kiosk(events);
            return match verdict {
                KeyVerdict::Exit => KeyRoute::Exit,
                // A visitor typing a sentence may type q, f or s.
                KeyVerdict::Swallow
                    if typing
                        && matches!(event.logical_key, Key::Character(_))
                        && !(pressed.mods.ctrl || pressed.mods.alt || pressed.mods.logo) =>
                {
                    KeyRoute::Pass
                }
                KeyVerdict::Swallow => KeyRoute::Handled,
                KeyVerdict::Pass => KeyRoute::Pass,
            };
        }
        let Some(presenter) = self.presenter.as_mut() else {
            return KeyRoute::Pass;
        };
        let Some(key) = key.filter(|_| !typing) else {
            return KeyRoute::Pass;
        };
        match presenter.key(key, self.modifiers.shift_key()) {
            Some(PresenterAction::Ui(action)) => {
                self.pending.push(action);
                KeyRoute::Handled
            }
            Some(PresenterAction::SetBlank(blank)) => {
                log::info!("screen {}", if blank { "blanked" } else { "back" });
                KeyRoute::Handled
            }
            // While blank, keys do nothing until the picture is back.
            None if presenter.blank => KeyRoute::Handled,
            None => KeyRoute::Pass,
        }
    }

    /// A visitor touched, clicked, scrolled or typed (kiosk mode).
    pub(super) fn kiosk_input(&mut self) {
        let now = self.now();
        if let Some(kiosk) = self.kiosk.as_mut() {
            let events = kiosk.input(now);
            self.apply_kiosk(events);
        }
    }

    /// Carries out the kiosk's events (its overlay has already shown its part).
    pub(super) fn apply_kiosk(&mut self, events: Vec<KioskEvent>) {
        let Some(speed) = self.kiosk.as_ref().map(|k| k.config.speed as f32) else {
            return;
        };
        for event in events {
            log::info!("kiosk: {event:?}");
            match event {
                // The guided tour starts each lesson at step 1, untrained, and plays it itself.
                KioskEvent::NextLesson(id) => {
                    self.load_id(&id);
                    self.ui.state.speed = speed;
                    self.ui.state.playing = false;
                    self.ui.state.step = crate::ui::Step::Task;
                }
                KioskEvent::ResetLesson => {
                    if let Some(k) = &self.kiosk {
                        crate::i18n::set_language(k.config.language);
                        self.ui.state = k.next_visitor_state(&self.ui.state, speed);
                    }
                    self.frame.camera = self.home;
                    self.pending.clear();
                }
                KioskEvent::StartAutoOrbit => self.auto_rotate = true,
                KioskEvent::StopAutoOrbit => self.auto_rotate = false,
                _ => {}
            }
        }
    }
}

/// The presenter for `mode`, if it is lecture mode.
pub(super) fn presenter_for(mode: &AppMode) -> Option<Presenter> {
    matches!(mode, AppMode::Present).then(Presenter::default)
}

/// The kiosk runtime for `mode` (started at clock 0) and its first events.
pub(super) fn kiosk_for(mode: &AppMode) -> Option<(KioskRuntime, Vec<KioskEvent>)> {
    match mode {
        AppMode::Kiosk(config) => Some(KioskRuntime::new((**config).clone(), 0.0)),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn winit_keys_become_egui_keys() {
        let cases = [
            (Key::Named(NamedKey::PageDown), Some(egui::Key::PageDown)),
            (Key::Named(NamedKey::PageUp), Some(egui::Key::PageUp)),
            (Key::Named(NamedKey::Escape), Some(egui::Key::Escape)),
            (Key::Named(NamedKey::Space), Some(egui::Key::Space)),
            (Key::Named(NamedKey::ArrowDown), Some(egui::Key::ArrowDown)),
            (Key::Named(NamedKey::F11), Some(egui::Key::F11)),
            (Key::Character("b".into()), Some(egui::Key::B)),
            (Key::Character("B".into()), Some(egui::Key::B)),
            (Key::Character(".".into()), Some(egui::Key::Period)),
            (Key::Character("1".into()), Some(egui::Key::Num1)),
        ];
        for (key, want) in cases {
            assert_eq!(egui_key(&key), want, "{key:?}");
        }
    }

    #[test]
    fn clicker_keys_through_the_conversion() {
        let mut p = Presenter::default();
        let key = |k: Key| egui_key(&k).unwrap();
        assert_eq!(
            p.key(key(Key::Named(NamedKey::PageDown)), false),
            Some(PresenterAction::Ui(crate::ui::Action::NextStep))
        );
        assert_eq!(
            p.key(key(Key::Character(".".into())), false),
            Some(PresenterAction::SetBlank(true))
        );
    }

    #[test]
    fn modes_make_their_helpers() {
        assert!(presenter_for(&AppMode::Present).is_some());
        assert!(presenter_for(&AppMode::Normal).is_none());
        let (k, events) = kiosk_for(&AppMode::Kiosk(Box::default())).unwrap();
        assert!(events.contains(&KioskEvent::StartAutoOrbit));
        assert!(k.overlay.attract);
        assert!(kiosk_for(&AppMode::Present).is_none());
    }
}
