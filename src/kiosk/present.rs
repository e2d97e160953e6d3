//! Lecture mode (`nextword --present`): presentation clickers drive the lesson.
//!
//! How it works: clickers are keyboards that send PageDown / PageUp for next / previous (some
//! send the arrow keys) and B or `.` to blank the screen (PowerPoint's black screen; some send W
//! or `,` for a white one, treated the same). [`Presenter::key`] maps a key to a
//! [`PresenterAction`]: a lesson step ([`Action::NextStep`] / [`Action::PreviousStep`]), the
//! blank toggle, or any other action of the normal keyboard map ([`action_for_key`]). While the
//! screen is blank, a step key only brings the picture back (the audience sees the step they
//! left), and Escape unblanks too. Keys are `egui::Key`s, like the overlay's keyboard map.

use crate::ui::state::{Action, Key, action_for_key};

/// What a presenter key asks for.
#[derive(Clone, Debug, PartialEq)]
pub enum PresenterAction {
    /// An action of the lesson overlay.
    Ui(Action),
    /// Blank the screen (draw black, keep training) or bring it back.
    SetBlank(bool),
}

/// Presenter-mode key handling; remembers whether the screen is blank.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Presenter {
    pub blank: bool,
}

impl Presenter {
    /// The action of a key press in lecture mode, if any.
    pub fn key(&mut self, key: Key, shift: bool) -> Option<PresenterAction> {
        let blank_key = matches!(key, Key::B | Key::Period | Key::W | Key::Comma);
        if blank_key {
            self.blank = !self.blank;
            return Some(PresenterAction::SetBlank(self.blank));
        }
        let step = match key {
            Key::PageDown | Key::ArrowDown => Some(Action::NextStep),
            Key::PageUp | Key::ArrowUp => Some(Action::PreviousStep),
            _ => None,
        };
        if self.blank {
            // Nothing but the picture coming back while blank.
            if step.is_some() || key == Key::Escape {
                self.blank = false;
                return Some(PresenterAction::SetBlank(false));
            }
            return None;
        }
        step.or_else(|| action_for_key(key, shift))
            .map(PresenterAction::Ui)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clicker_keys_step_through_the_lesson() {
        let mut p = Presenter::default();
        assert_eq!(
            p.key(Key::PageDown, false),
            Some(PresenterAction::Ui(Action::NextStep))
        );
        assert_eq!(
            p.key(Key::PageUp, false),
            Some(PresenterAction::Ui(Action::PreviousStep))
        );
        assert_eq!(
            p.key(Key::ArrowDown, false),
            Some(PresenterAction::Ui(Action::NextStep))
        );
        // Everything else keeps its normal meaning.
        assert_eq!(
            p.key(Key::Space, false),
            Some(PresenterAction::Ui(Action::TogglePlay))
        );
        assert_eq!(
            p.key(Key::ArrowRight, false),
            Some(PresenterAction::Ui(Action::StepForward))
        );
        assert_eq!(p.key(Key::X, false), None);
    }

    #[test]
    fn b_and_period_blank_and_unblank() {
        let mut p = Presenter::default();
        assert_eq!(p.key(Key::B, false), Some(PresenterAction::SetBlank(true)));
        assert!(p.blank);
        assert_eq!(p.key(Key::B, false), Some(PresenterAction::SetBlank(false)));
        assert_eq!(
            p.key(Key::Period, false),
            Some(PresenterAction::SetBlank(true))
        );
        assert_eq!(
            p.key(Key::Period, false),
            Some(PresenterAction::SetBlank(false))
        );
    }

    #[test]
    fn while_blank_a_step_key_only_unblanks() {
        let mut p = Presenter::default();
        p.key(Key::B, false);
        assert_eq!(p.key(Key::Space, false), None);
        assert_eq!(
            p.key(Key::PageDown, false),
            Some(PresenterAction::SetBlank(false))
        );
        assert!(!p.blank);
        assert_eq!(
            p.key(Key::PageDown, false),
            Some(PresenterAction::Ui(Action::NextStep))
        );
        p.key(Key::Period, false);
        assert_eq!(
            p.key(Key::Escape, false),
            Some(PresenterAction::SetBlank(false))
        );
    }
}
