//! Key chords such as `ctrl+shift+q`: the kiosk's only way out.
//!
//! How it works: [`KeyChord::parse`] turns the config text into modifiers plus one key name
//! (lower case: `q`, `1`, `f12`, `escape`, ...). A key press is given as plain data, [`Pressed`]
//! (the modifiers held and the key's names), so matching is testable without a window;
//! [`Pressed::from_winit`] builds one from a winit key event. Modifiers must match exactly, and
//! the key matches by its logical name (layout aware) or its physical position (so `ctrl+shift+q`
//! still works when Shift turns `q` into `Q`, or `1` into `!`).

use std::fmt;

/// Modifier keys held during a press.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct Mods {
    pub ctrl: bool,
    pub shift: bool,
    pub alt: bool,
    /// The Windows / Command / Super key.
    pub logo: bool,
}

/// A chord from the exhibit config: modifiers plus one key.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct KeyChord {
    pub mods: Mods,
    /// Lower-case key name: a single character, or a named key (`escape`, `f12`, ...).
    pub key: String,
}

/// Named keys a chord may use (lower case, as written in the config).
const NAMED_KEYS: [&str; 23] = [
    "escape",
    "enter",
    "tab",
    "space",
    "backspace",
    "delete",
    "insert",
    "home",
    "end",
    "pageup",
    "pagedown",
    "f1",
    "f2",
    "f3",
    "f4",
    "f5",
    "f6",
    "f7",
    "f8",
    "f9",
    "f10",
    "f11",
    "f12",
];

impl KeyChord {
    /// Parses `ctrl+shift+q`: `+`-separated modifiers (`ctrl`/`control`, `shift`, `alt`/`option`,
    /// `super`/`logo`/`meta`/`cmd`/`win`) and exactly one key, last. At least one of ctrl, alt or
    /// super is required, so a visitor cannot leave by typing.
    pub fn parse(text: &str) -> Result<Self, String> {
        let parts: Vec<String> = text.split('+').map(|p| p.trim().to_lowercase()).collect();
        if parts.iter().any(String::is_empty) {
            return Err(format!(
                "`{text}` is not a key chord; write modifiers and one key joined by `+`, e.g. \"ctrl+shift+q\""
            ));
        }
        let (key, modifiers) = parts.split_last().expect("split gives at least one part");
        let mut mods = Mods::default();
        for m in modifiers {
            let slot = match m.as_str() {
                "ctrl" | "control" => &mut mods.ctrl,
                "shift" => &mut mods.shift,
                "alt" | "option" => &mut mods.alt,
                "super" | "logo" | "meta" | "cmd" | "win" => &mut mods.logo,
                other => {
                    return Err(format!(
                        "unknown modifier `{other}` in `{text}`; use ctrl, shift, alt or super"
                    ));
                }
            };
            if *slot {
                return Err(format!("modifier `{m}` appears twice in `{text}`"));
            }
            *slot = true;
        }
        let key = normalize_key(key).ok_or_else(|| {
            format!(
                "unknown key `{key}` in `{text}`; use a letter, a digit, a punctuation character \
                 or one of {}",
                NAMED_KEYS.join(", ")
            )
        })?;
        if !(mods.ctrl || mods.alt || mods.logo) {
            return Err(format!(
                "the exit chord `{text}` needs ctrl, alt or super, so a visitor cannot type it"
            ));
        }
        Ok(Self { mods, key })
    }

    /// Whether `pressed` is this chord (modifiers exactly, key by logical or physical name).
    pub fn matches(&self, pressed: &Pressed) -> bool {
        pressed.mods == self.mods
            && (pressed.logical.as_deref() == Some(&self.key)
                || pressed.physical.as_deref() == Some(&self.key))
    }
}

impl fmt::Display for KeyChord {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let m = self.mods;
        for (on, name) in [
            (m.ctrl, "ctrl"),
            (m.shift, "shift"),
            (m.alt, "alt"),
            (m.logo, "super"),
        ] {
            if on {
                write!(f, "{name}+")?;
            }
        }
        f.write_str(&self.key)
    }
}

/// The canonical name of a key written in a config, if it is one a chord may use.
fn normalize_key(key: &str) -> Option<String> {
    let alias = match key {
        "esc" => "escape",
        "return" => "enter",
        "del" => "delete",
        "pgup" => "pageup",
        "pgdn" | "pgdown" => "pagedown",
        "plus" => "+",
        other => other,
    };
    let mut chars = alias.chars();
    match (chars.next(), chars.next()) {
        (Some(c), None) if !c.is_control() && !c.is_whitespace() => Some(c.to_string()),
        _ if NAMED_KEYS.contains(&alias) => Some(alias.to_owned()),
        _ => None,
    }
}

/// A key press as plain data.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Pressed {
    pub mods: Mods,
    /// The logical key's name, lower case (`q`, `!`, `escape`).
    pub logical: Option<String>,
    /// The physical key's name on a US layout (`q`, `1`, `f12`), when known.
    pub physical: Option<String>,
}

impl Pressed {
    /// A press of a key named `key` (lower-cased) with `mods`; for tests and scripted input.
    pub fn new(mods: Mods, key: &str) -> Self {
        Self {
            mods,
            logical: Some(key.to_lowercase()),
            physical: None,
        }
    }

    /// From a winit key event and the modifiers last reported by `WindowEvent::ModifiersChanged`.
    pub fn from_winit(
        event: &winit::event::KeyEvent,
        mods: winit::keyboard::ModifiersState,
    ) -> Self {
        use winit::keyboard::{Key, NamedKey, PhysicalKey};
        let logical = match &event.logical_key {
            Key::Character(c) => Some(c.to_lowercase()),
            Key::Named(NamedKey::Space) => Some("space".into()),
            Key::Named(named) => {
                let name = format!("{named:?}").to_lowercase();
                normalize_key(&name).filter(|n| n.chars().count() > 1)
            }
            _ => None,
        };
        let physical = match event.physical_key {
            PhysicalKey::Code(code) => physical_name(code),
            PhysicalKey::Unidentified(_) => None,
        };
        Self {
            mods: Mods {
                ctrl: mods.control_key(),
                shift: mods.shift_key(),
                alt: mods.alt_key(),
                logo: mods.super_key(),
            },
            logical,
            physical,
        }
    }
}

/// US-layout name of a physical key: letters, digits and F-keys.
fn physical_name(code: winit::keyboard::KeyCode) -> Option<String> {
    let debug = format!("{code:?}");
    if let Some(letter) = debug.strip_prefix("Key") {
        return Some(letter.to_lowercase());
    }
    if let Some(digit) = debug.strip_prefix("Digit") {
        return Some(digit.to_owned());
    }
    if debug.starts_with('F')
        && debug[1..]
            .parse::<u8>()
            .is_ok_and(|n| (1..=12).contains(&n))
    {
        return Some(debug.to_lowercase());
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mods(ctrl: bool, shift: bool, alt: bool) -> Mods {
        Mods {
            ctrl,
            shift,
            alt,
            logo: false,
        }
    }

    #[test]
    fn parses_and_prints_chords() {
        let c = KeyChord::parse("Ctrl + Shift + Q").unwrap();
        assert_eq!(c.mods, mods(true, true, false));
        assert_eq!(c.key, "q");
        assert_eq!(c.to_string(), "ctrl+shift+q");
        assert_eq!(KeyChord::parse("alt+esc").unwrap().key, "escape");
        assert_eq!(
            KeyChord::parse("super+F12").unwrap().to_string(),
            "super+f12"
        );
    }

    #[test]
    fn rejects_bad_chords_with_a_reason() {
        for (text, why) in [
            ("", "not a key chord"),
            ("ctrl++q", "not a key chord"),
            ("hyper+q", "unknown modifier `hyper`"),
            ("ctrl+ctrl+q", "appears twice"),
            ("ctrl+banana", "unknown key `banana`"),
            ("shift+q", "needs ctrl, alt or super"),
            ("q", "needs ctrl, alt or super"),
            ("ctrl+\u{7}", "unknown key"),
        ] {
            let err = KeyChord::parse(text).unwrap_err();
            assert!(err.contains(why), "{text:?}: {err}");
        }
    }

    #[test]
    fn matches_exact_modifiers_and_either_key_name() {
        let c = KeyChord::parse("ctrl+shift+q").unwrap();
        assert!(c.matches(&Pressed::new(mods(true, true, false), "Q")));
        assert!(!c.matches(&Pressed::new(mods(true, false, false), "q")));
        assert!(!c.matches(&Pressed::new(mods(true, true, true), "q")));
        assert!(!c.matches(&Pressed::new(mods(true, true, false), "w")));
        let digit = KeyChord::parse("ctrl+shift+1").unwrap();
        let bang = Pressed {
            mods: mods(true, true, false),
            logical: Some("!".into()),
            physical: Some("1".into()),
        };
        assert!(digit.matches(&bang));
    }

    #[test]
    fn physical_names_cover_letters_digits_and_f_keys() {
        use winit::keyboard::KeyCode;
        assert_eq!(physical_name(KeyCode::KeyQ).as_deref(), Some("q"));
        assert_eq!(physical_name(KeyCode::Digit7).as_deref(), Some("7"));
        assert_eq!(physical_name(KeyCode::F11).as_deref(), Some("f11"));
        assert_eq!(physical_name(KeyCode::Fn), None);
        assert_eq!(physical_name(KeyCode::ShiftLeft), None);
    }
}
