//! Self-test drills for the window (`nextword --drill "lose-device@60,resize=640x360@80,exit@200"`):
//! the faults a kiosk meets over weeks, provoked on purpose at given ticks of the event loop, so
//! tests can show the window survives them under Xvfb.
//!
//! How it works: [`Drill::parse`] reads `STEP@TICK` items; the window calls [`Drill::due`] once
//! per event-loop tick (`about_to_wait`, which keeps ticking while minimized) and carries the
//! steps out the way the real events arrive: `lose-device` destroys the wgpu device (the
//! device-lost callback fires and the window rebuilds from a checkpoint), `lose-surface` and
//! `outdate-surface` take the paths of those surface errors, `minimize` and `restore` set a zero
//! size and back, `resize=WxH` asks the window system for a new size, `scale=F` is a DPI change
//! (egui's pixels per point), `screenshot` saves the next frame as the S key does, `tap` is a
//! visitor's touch (the kiosk's attract loop hands over), `key=NAME` a key press (`key=space`,
//! `key=pagedown`, `key=a`), `exit` leaves and prints a one-line report on stderr.

use std::collections::VecDeque;

/// One provoked event.
#[derive(Clone, Debug, PartialEq)]
pub enum DrillStep {
    LoseDevice,
    LoseSurface,
    OutdateSurface,
    Minimize,
    Restore,
    Resize(u32, u32),
    Scale(f32),
    /// Save the next frame as a PNG in the working folder (as the S key does).
    Screenshot,
    /// A visitor touches the screen (in kiosk mode: ends the attract loop, shows the welcome).
    Tap,
    /// A key press, by name: `space`, `pagedown`, `arrowright`, or a character such as `a`.
    Key(String),
    Exit,
}

/// Steps by tick, in order.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Drill {
    steps: VecDeque<(u64, DrillStep)>,
}

impl Drill {
    /// Parses `STEP@TICK,STEP@TICK,...`; one clear message for a mistake.
    pub fn parse(text: &str) -> Result<Self, String> {
        let mut steps: Vec<(u64, DrillStep)> = Vec::new();
        for item in text.split(',').map(str::trim).filter(|s| !s.is_empty()) {
            let (step, tick) = item
                .rsplit_once('@')
                .ok_or_else(|| format!("drill step `{item}` needs @TICK, e.g. lose-device@60"))?;
            let tick: u64 = tick
                .parse()
                .map_err(|_| format!("`{tick}` in `{item}` is not a tick number"))?;
            steps.push((tick, parse_step(step)?));
        }
        if steps.is_empty() {
            return Err("the drill has no steps".into());
        }
        steps.sort_by_key(|(tick, _)| *tick);
        Ok(Self {
            steps: steps.into(),
        })
    }

    /// The steps due at `tick` (and any missed before it).
    pub fn due(&mut self, tick: u64) -> Vec<DrillStep> {
        let mut due = Vec::new();
        while self.steps.front().is_some_and(|(at, _)| *at <= tick) {
            due.extend(self.steps.pop_front().map(|(_, step)| step));
        }
        due
    }
}

fn parse_step(step: &str) -> Result<DrillStep, String> {
    let (name, value) = match step.split_once('=') {
        Some((n, v)) => (n, Some(v)),
        None => (step, None),
    };
    let need = || value.ok_or_else(|| format!("drill step `{name}` needs a value"));
    Ok(match name {
        "lose-device" => DrillStep::LoseDevice,
        "lose-surface" => DrillStep::LoseSurface,
        "outdate-surface" => DrillStep::OutdateSurface,
        "minimize" => DrillStep::Minimize,
        "restore" => DrillStep::Restore,
        "exit" => DrillStep::Exit,
        "screenshot" => DrillStep::Screenshot,
        "tap" => DrillStep::Tap,
        "key" => {
            let key = need()?.to_ascii_lowercase();
            if winit_key(&key).is_none() {
                return Err(format!("drill key `{key}` is not a key name"));
            }
            DrillStep::Key(key)
        }
        "resize" => {
            let (w, h) = crate::limits::parse_size(need()?)?;
            DrillStep::Resize(w, h)
        }
        "scale" => {
            let f: f32 = need()?
                .parse()
                .map_err(|_| format!("drill scale `{}` is not a number", value.unwrap_or("")))?;
            if !(0.5..=4.0).contains(&f) {
                return Err(format!("drill scale {f} is out of range (0.5 to 4)"));
            }
            DrillStep::Scale(f)
        }
        _ => {
            return Err(format!(
                "unknown drill step `{name}`: expected lose-device, lose-surface, \
                 outdate-surface, minimize, restore, resize=WxH, scale=F, screenshot, tap, \
                 key=NAME or exit"
            ));
        }
    })
}

/// The winit key called `name` (lower case): a named key (`space`, `pagedown`, `escape`) or one
/// character.
pub fn winit_key(name: &str) -> Option<winit::keyboard::Key> {
    use winit::keyboard::{Key, NamedKey};
    let named = [
        ("space", NamedKey::Space),
        ("pagedown", NamedKey::PageDown),
        ("pageup", NamedKey::PageUp),
        ("arrowright", NamedKey::ArrowRight),
        ("arrowleft", NamedKey::ArrowLeft),
        ("arrowup", NamedKey::ArrowUp),
        ("arrowdown", NamedKey::ArrowDown),
        ("home", NamedKey::Home),
        ("end", NamedKey::End),
        ("escape", NamedKey::Escape),
        ("tab", NamedKey::Tab),
    ];
    if let Some((_, key)) = named.iter().find(|(n, _)| *n == name) {
        return Some(Key::Named(*key));
    }
    let mut chars = name.chars();
    match (chars.next(), chars.next()) {
        (Some(c), None) => Some(Key::Character(c.to_string().into())),
        _ => None,
    }
}

/// What a drill saw, printed when it exits.
#[derive(Clone, Debug, Default)]
pub struct DrillReport {
    /// Epochs trained when each rebuild finished.
    pub rebuilt_at: Vec<u32>,
    /// Frames presented since the last rebuild (or since the start).
    pub frames_since_rebuild: u64,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_and_orders_steps() {
        let mut d =
            Drill::parse("exit@90, lose-device@10,resize=640x360@20,scale=2@20,tap@50").unwrap();
        assert_eq!(d.due(5), vec![]);
        assert_eq!(d.due(12), vec![DrillStep::LoseDevice]);
        assert_eq!(
            d.due(40),
            vec![DrillStep::Resize(640, 360), DrillStep::Scale(2.0)]
        );
        assert_eq!(d.due(1000), vec![DrillStep::Tap, DrillStep::Exit]);
        assert_eq!(d.due(1001), vec![]);
    }

    #[test]
    fn mistakes_are_one_clear_line() {
        for (text, says) in [
            ("", "no steps"),
            ("lose-device", "@TICK"),
            ("lose-device@x", "not a tick"),
            ("explode@3", "unknown drill step"),
            ("resize@3", "needs a value"),
            ("resize=big@3", "WIDTHxHEIGHT"),
            ("scale=9@3", "out of range"),
            ("key=hyperspace@3", "not a key name"),
        ] {
            let err = Drill::parse(text).unwrap_err();
            assert!(err.contains(says), "{text}: {err}");
            assert!(!err.contains('\n'));
        }
    }
}
