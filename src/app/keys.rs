//! The window's own keys: the ones the lesson overlay does not read.
//!
//! How it works: the overlay reads its keys (Space, ←, →, R, 1-9, PgUp/PgDn, F, H, S, ?, Esc)
//! from egui's input inside its pass ([`crate::ui::action_for_key`]); the window must not map
//! them again. [`window_key`] maps the rest: playback jumps, selection and speed become overlay
//! [`Action`]s (so the state stays the one truth), the camera and view toggles are window-side.
//! Esc leaves fullscreen only when the overlay has nothing open to close.

use winit::keyboard::{Key, NamedKey};

use crate::ui::{Action, LessonInfo, UiState};

/// What a window key asks for.
#[derive(Clone, Debug, PartialEq)]
pub enum WindowKey {
    Quit,
    ToggleFullscreen,
    LeaveFullscreen,
    CameraHome,
    AutoRotate,
    Bloom,
    LossLog,
    RawDims,
    /// An overlay action (applied like the overlay's own).
    Ui(Action),
}

/// Speed change per +/- press.
const SPEED_STEP: f32 = 1.5;

/// The window's action for `key`, given the overlay's state; None for keys the overlay reads.
pub fn window_key(key: &Key, state: &UiState, info: &LessonInfo) -> Option<WindowKey> {
    let pairs = info.recorded.len().max(1) as u32;
    let vocab = info.vocab.len().max(1) as u32;
    Some(match key {
        Key::Named(NamedKey::Home) => WindowKey::Ui(Action::Seek(0.0)),
        Key::Named(NamedKey::End) => WindowKey::Ui(Action::GoLive),
        Key::Named(NamedKey::ArrowUp) => WindowKey::Ui(Action::SelectPair(
            (state.selected_pair + pairs - 1) % pairs,
        )),
        Key::Named(NamedKey::ArrowDown) => {
            WindowKey::Ui(Action::SelectPair((state.selected_pair + 1) % pairs))
        }
        Key::Named(NamedKey::Tab) => {
            let next = state.selected_word.map_or(0, |w| (w + 1) % vocab);
            WindowKey::Ui(Action::SelectWord(Some(next)))
        }
        Key::Named(NamedKey::F11) => WindowKey::ToggleFullscreen,
        Key::Named(NamedKey::Escape) if !state.help_visible && !state.lessons_open => {
            WindowKey::LeaveFullscreen
        }
        Key::Character(c) => match c.to_lowercase().as_str() {
            "q" => WindowKey::Quit,
            "c" => WindowKey::CameraHome,
            "a" => WindowKey::AutoRotate,
            "b" => WindowKey::Bloom,
            "l" => WindowKey::LossLog,
            "p" => WindowKey::RawDims,
            "+" | "=" => WindowKey::Ui(Action::SetSpeed(state.speed * SPEED_STEP)),
            "-" | "_" => WindowKey::Ui(Action::SetSpeed(state.speed / SPEED_STEP)),
            _ => return None,
        },
        _ => return None,
    })
}

/// Whether egui should not see `key`: Tab would move egui's keyboard focus onto a button, after
/// which the overlay ignores every key (it treats focus as typing). Tab still reaches a text box.
pub fn hide_from_egui(key: &Key, ctx: &egui::Context) -> bool {
    matches!(key, Key::Named(NamedKey::Tab)) && !ctx.text_edit_focused()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lesson::load_builtin;

    fn info() -> LessonInfo {
        let lesson = load_builtin("cat-sat").unwrap();
        LessonInfo::from_lesson(&lesson, &lesson.corpus().unwrap())
    }

    #[test]
    fn overlay_keys_are_not_mapped_twice() {
        let (state, info) = (UiState::default(), info());
        for key in [
            Key::Named(NamedKey::Space),
            Key::Named(NamedKey::ArrowLeft),
            Key::Named(NamedKey::ArrowRight),
            Key::Named(NamedKey::PageDown),
            Key::Character("r".into()),
            Key::Character("f".into()),
            Key::Character("h".into()),
            Key::Character("s".into()),
            Key::Character("?".into()),
            Key::Character("1".into()),
        ] {
            assert_eq!(window_key(&key, &state, &info), None, "{key:?}");
        }
    }

    #[test]
    fn window_keys_select_and_leave_fullscreen() {
        let (mut state, info) = (UiState::default(), info());
        let up = window_key(&Key::Named(NamedKey::ArrowUp), &state, &info);
        let last = info.recorded.len() as u32 - 1;
        assert_eq!(up, Some(WindowKey::Ui(Action::SelectPair(last))));
        let esc = Key::Named(NamedKey::Escape);
        assert_eq!(
            window_key(&esc, &state, &info),
            Some(WindowKey::LeaveFullscreen)
        );
        state.help_visible = true;
        assert_eq!(
            window_key(&esc, &state, &info),
            None,
            "Esc closes help first"
        );
        assert_eq!(
            window_key(&Key::Character("Q".into()), &state, &info),
            Some(WindowKey::Quit)
        );
    }
}
