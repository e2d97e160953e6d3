//! The exhibit config: which lessons a kiosk cycles, its timings, exit chord, theme and texts.
//!
//! How it works: the TOML file is deserialized with serde (`deny_unknown_fields`, so a typo is
//! an error, not a silently ignored key) into raw values that keep their byte span
//! (`toml::Spanned`); [`ExhibitConfig::parse`] then checks every value and points at the bad one
//! as `file:line:col: what`. Lessons are loaded once here (built-in ids, or lesson files relative
//! to the config's folder), so a kiosk never starts half-working. Every key is optional; the
//! defaults are [`ExhibitConfig::default`]. See `assets/exhibit/example.toml`.

use std::ops::Range;
use std::path::Path;

use serde::Deserialize;
use toml::Spanned;

use super::KioskError;
use super::chord::KeyChord;
use super::theme::Theme;
use crate::i18n::Lang;
use crate::lesson::file::line_column;
use crate::scene::palette::WordPalette;
use crate::tr;
use crate::ui::Comfort;

/// Longest text a config string may hold, in characters.
pub const MAX_STRING_CHARS: usize = 240;
/// Most lessons an exhibit may cycle.
pub const MAX_LESSONS: usize = 32;

/// The exhibit's own words for the kiosk's messages, where its config gives them; the app's
/// translations (`kiosk-welcome`, `kiosk-countdown`, `kiosk-attract`) otherwise. `{n}` in
/// `countdown` is replaced by the seconds left.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct KioskStrings {
    /// Shown for a few seconds when a visitor takes over from the attract loop.
    pub welcome: Option<String>,
    /// Shown while the idle countdown runs.
    pub countdown: Option<String>,
    /// Shown during the attract loop.
    pub attract: Option<String>,
}

impl KioskStrings {
    pub fn welcome(&self) -> String {
        self.welcome.clone().unwrap_or_else(|| tr!("kiosk-welcome"))
    }

    pub fn attract(&self) -> String {
        self.attract.clone().unwrap_or_else(|| tr!("kiosk-attract"))
    }

    /// The countdown text for `seconds` left.
    pub fn countdown_text(&self, seconds: u32) -> String {
        match &self.countdown {
            Some(text) => text.replace("{n}", &seconds.to_string()),
            None => tr!("kiosk-countdown", n = seconds),
        }
    }
}

/// A validated exhibit config.
#[derive(Clone, Debug, PartialEq)]
pub struct ExhibitConfig {
    /// Lesson ids or paths (paths resolved against the config's folder), each known to load.
    pub lessons: Vec<String>,
    /// Seconds without input before the kiosk resets into the attract loop.
    pub idle_secs: f64,
    /// Seconds of on-screen countdown before that reset (less than `idle_secs`).
    pub warning_secs: f64,
    /// The most seconds one lesson plays in the attract loop (its guided tour usually moves on
    /// sooner).
    pub lesson_secs: f64,
    /// The reading speed the guided tour allows for, words per minute.
    pub reading_wpm: f64,
    /// Seconds the welcome stays up.
    pub welcome_secs: f64,
    /// Playback speed in the attract loop, epochs per second.
    pub speed: f64,
    pub exit_chord: KeyChord,
    pub theme: Theme,
    pub strings: KioskStrings,
    /// The languages a visitor may choose (the language row lists only these), in order.
    pub languages: Vec<Lang>,
    /// The language the kiosk starts in and returns to after idle (one of `languages`).
    pub language: Lang,
    /// What every visitor starts with (and the kiosk returns to after idle): calm motion, large
    /// text, colour-safe words (the exhibit default), high contrast.
    pub comfort: Comfort,
    /// The screen's visible width in millimetres, so tap targets can be made 15 mm wide.
    pub screen_width_mm: Option<f64>,
    /// Size-capped log file (`None`: stderr only).
    pub log_file: Option<String>,
    /// Bytes the log file may reach before it rotates (at most two files are kept).
    pub log_max_bytes: u64,
}

impl Default for ExhibitConfig {
    fn default() -> Self {
        Self {
            lessons: crate::lesson::builtin_ids()
                .iter()
                .map(|s| s.to_string())
                .collect(),
            idle_secs: 90.0,
            warning_secs: 10.0,
            lesson_secs: 300.0,
            reading_wpm: crate::ui::pacing::WORDS_PER_MINUTE as f64,
            welcome_secs: 4.0,
            speed: crate::ui::pacing::DEFAULT_SPEED as f64,
            exit_chord: KeyChord::parse("ctrl+shift+q").expect("valid default chord"),
            theme: Theme::Dark,
            strings: KioskStrings::default(),
            languages: Lang::ALL.to_vec(),
            language: Lang::En,
            comfort: Comfort {
                colour_safe: true,
                ..Comfort::default()
            },
            screen_width_mm: None,
            log_file: Some("nextword-kiosk.log".into()),
            log_max_bytes: 4 << 20,
        }
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawConfig {
    lessons: Option<Spanned<Vec<Spanned<String>>>>,
    idle_secs: Option<Spanned<f64>>,
    warning_secs: Option<Spanned<f64>>,
    lesson_secs: Option<Spanned<f64>>,
    reading_wpm: Option<Spanned<f64>>,
    welcome_secs: Option<Spanned<f64>>,
    speed: Option<Spanned<f64>>,
    exit_chord: Option<Spanned<String>>,
    theme: Option<Spanned<String>>,
    strings: Option<RawStrings>,
    languages: Option<Spanned<Vec<Spanned<String>>>>,
    language: Option<Spanned<String>>,
    calm_motion: Option<bool>,
    large_text: Option<bool>,
    palette: Option<Spanned<String>>,
    high_contrast: Option<bool>,
    screen_width_mm: Option<Spanned<f64>>,
    log_file: Option<Spanned<String>>,
    log_max_bytes: Option<Spanned<i64>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawStrings {
    welcome: Option<Spanned<String>>,
    countdown: Option<Spanned<String>>,
    attract: Option<Spanned<String>>,
}

/// Builds errors that point into one config file.
struct Ctx<'a> {
    text: &'a str,
    origin: &'a str,
}

impl Ctx<'_> {
    fn at(&self, span: Option<Range<usize>>, message: impl Into<String>) -> KioskError {
        let message = message.into().replace('\n', " ");
        match span {
            Some(span) => {
                let (line, column) = line_column(self.text, span.start);
                KioskError::At {
                    origin: self.origin.to_owned(),
                    line,
                    column,
                    message,
                }
            }
            None => KioskError::Invalid {
                origin: self.origin.to_owned(),
                message,
            },
        }
    }

    /// A number of seconds in `range`.
    fn secs(
        &self,
        value: Option<&Spanned<f64>>,
        key: &str,
        range: (f64, f64),
        default: f64,
    ) -> Result<f64, KioskError> {
        let Some(v) = value else { return Ok(default) };
        let x = *v.get_ref();
        if !(x.is_finite() && x >= range.0 && x <= range.1) {
            return Err(self.at(
                Some(v.span()),
                format!(
                    "`{key}` must be between {} and {}, got {x}",
                    range.0, range.1
                ),
            ));
        }
        Ok(x)
    }

    /// The languages offered (each once, at least one) and the default among them.
    fn languages(&self, raw: &RawConfig) -> Result<(Vec<Lang>, Lang), KioskError> {
        let mut offered = Vec::new();
        if let Some(list) = &raw.languages {
            for code in list.get_ref() {
                let lang =
                    Lang::parse(code.get_ref()).map_err(|e| self.at(Some(code.span()), e))?;
                if !offered.contains(&lang) {
                    offered.push(lang);
                }
            }
            if offered.is_empty() {
                return Err(self.at(
                    Some(list.span()),
                    "`languages` is empty; name at least one language",
                ));
            }
        } else {
            offered = Lang::ALL.to_vec();
        }
        let language = match &raw.language {
            Some(code) => {
                let lang =
                    Lang::parse(code.get_ref()).map_err(|e| self.at(Some(code.span()), e))?;
                if !offered.contains(&lang) {
                    return Err(self.at(
                        Some(code.span()),
                        format!(
                            "`language` {lang} is not among `languages` ({})",
                            offered
                                .iter()
                                .map(|l| l.code())
                                .collect::<Vec<_>>()
                                .join(", ")
                        ),
                    ));
                }
                lang
            }
            None => offered[0],
        };
        Ok((offered, language))
    }

    /// A display string: not empty, no control characters, at most [`MAX_STRING_CHARS`].
    fn text(
        &self,
        value: Option<&Spanned<String>>,
        key: &str,
    ) -> Result<Option<String>, KioskError> {
        let Some(v) = value else {
            return Ok(None);
        };
        let s = v.get_ref().trim();
        let bad = |what: String| Err(self.at(Some(v.span()), format!("`strings.{key}` {what}")));
        if s.is_empty() {
            return bad("is empty".into());
        }
        if s.chars().any(char::is_control) {
            return bad("contains a control character (a line break or tab?)".into());
        }
        let chars = s.chars().count();
        if chars > MAX_STRING_CHARS {
            return bad(format!(
                "has {chars} characters, at most {MAX_STRING_CHARS} please"
            ));
        }
        Ok(Some(s.to_owned()))
    }
}

impl ExhibitConfig {
    /// Reads and checks a config file.
    pub fn load(path: &Path) -> Result<Self, KioskError> {
        let text = crate::limits::read_bounded(
            path,
            crate::limits::MAX_CONFIG_FILE_BYTES,
            "an exhibit config",
        )?;
        let base = path.parent().filter(|p| !p.as_os_str().is_empty());
        Self::parse(&text, &path.display().to_string(), base)
    }

    /// Checks config `text`; `origin` names it in errors, `base` resolves relative lesson paths.
    pub fn parse(text: &str, origin: &str, base: Option<&Path>) -> Result<Self, KioskError> {
        let ctx = Ctx { text, origin };
        let raw: RawConfig = toml::from_str(text).map_err(|e| ctx.at(e.span(), e.message()))?;
        let d = Self::default();
        let idle_secs = ctx.secs(
            raw.idle_secs.as_ref(),
            "idle_secs",
            (10.0, 86_400.0),
            d.idle_secs,
        )?;
        let warning_secs = ctx.secs(
            raw.warning_secs.as_ref(),
            "warning_secs",
            (1.0, 600.0),
            d.warning_secs,
        )?;
        if warning_secs >= idle_secs {
            let span = raw
                .warning_secs
                .as_ref()
                .or(raw.idle_secs.as_ref())
                .map(Spanned::span);
            return Err(ctx.at(
                span,
                format!(
                    "`warning_secs` ({warning_secs}) must be less than `idle_secs` ({idle_secs})"
                ),
            ));
        }
        let lesson_secs = ctx.secs(
            raw.lesson_secs.as_ref(),
            "lesson_secs",
            (5.0, 86_400.0),
            d.lesson_secs,
        )?;
        let reading_wpm = ctx.secs(
            raw.reading_wpm.as_ref(),
            "reading_wpm",
            (60.0, 3000.0),
            d.reading_wpm,
        )?;
        let welcome_secs = ctx.secs(
            raw.welcome_secs.as_ref(),
            "welcome_secs",
            (0.0, 60.0),
            d.welcome_secs,
        )?;
        let speed = ctx.secs(raw.speed.as_ref(), "speed", (0.5, 200.0), d.speed)?;
        let exit_chord = match &raw.exit_chord {
            Some(c) => KeyChord::parse(c.get_ref()).map_err(|e| ctx.at(Some(c.span()), e))?,
            None => d.exit_chord,
        };
        let theme = match &raw.theme {
            Some(t) => t
                .get_ref()
                .parse()
                .map_err(|e: String| ctx.at(Some(t.span()), e))?,
            None => d.theme,
        };
        let rs = raw.strings.as_ref();
        let strings = KioskStrings {
            welcome: ctx.text(rs.and_then(|s| s.welcome.as_ref()), "welcome")?,
            countdown: ctx.text(rs.and_then(|s| s.countdown.as_ref()), "countdown")?,
            attract: ctx.text(rs.and_then(|s| s.attract.as_ref()), "attract")?,
        };
        let (languages, language) = ctx.languages(&raw)?;
        let palette = match &raw.palette {
            Some(p) => p
                .get_ref()
                .parse::<WordPalette>()
                .map_err(|e| ctx.at(Some(p.span()), e))?,
            None => d.comfort.palette(),
        };
        let comfort = Comfort {
            calm_motion: raw.calm_motion.unwrap_or(d.comfort.calm_motion),
            large_text: raw.large_text.unwrap_or(d.comfort.large_text),
            colour_safe: palette == WordPalette::ColourSafe,
            high_contrast: raw.high_contrast.unwrap_or(d.comfort.high_contrast),
            touch_scale: 1.0,
        };
        let screen_width_mm = match &raw.screen_width_mm {
            Some(w) => Some(ctx.secs(Some(w), "screen_width_mm", (50.0, 20_000.0), 0.0)?),
            None => None,
        };
        let lessons = match &raw.lessons {
            None => d.lessons,
            Some(list) => lessons(&ctx, list, base)?,
        };
        let log_file = match &raw.log_file {
            None => d.log_file,
            Some(f) if f.get_ref().trim().is_empty() => None,
            Some(f) if f.get_ref().chars().any(char::is_control) => {
                return Err(ctx.at(Some(f.span()), "`log_file` contains a control character"));
            }
            Some(f) => Some(resolve(base, f.get_ref())),
        };
        let log_max_bytes = match &raw.log_max_bytes {
            None => d.log_max_bytes,
            Some(b) => {
                let n = *b.get_ref();
                if !(4096..=1 << 32).contains(&n) {
                    return Err(ctx.at(
                        Some(b.span()),
                        format!(
                            "`log_max_bytes` must be between 4096 and {}, got {n}",
                            1u64 << 32
                        ),
                    ));
                }
                n as u64
            }
        };
        Ok(Self {
            lessons,
            idle_secs,
            warning_secs,
            lesson_secs,
            reading_wpm,
            welcome_secs,
            speed,
            exit_chord,
            theme,
            strings,
            languages,
            language,
            comfort,
            screen_width_mm,
            log_file,
            log_max_bytes,
        })
    }
}

/// A path relative to the config's folder (absolute paths stay as they are).
fn resolve(base: Option<&Path>, path: &str) -> String {
    match base {
        Some(base) if Path::new(path).is_relative() => base.join(path).display().to_string(),
        _ => path.to_owned(),
    }
}

/// Checks that every lesson loads; built-in ids stay ids, files are resolved against `base`.
fn lessons(
    ctx: &Ctx<'_>,
    list: &Spanned<Vec<Spanned<String>>>,
    base: Option<&Path>,
) -> Result<Vec<String>, KioskError> {
    let items = list.get_ref();
    if items.is_empty() {
        return Err(ctx.at(
            Some(list.span()),
            "`lessons` is empty; name at least one lesson",
        ));
    }
    if items.len() > MAX_LESSONS {
        return Err(ctx.at(
            Some(list.span()),
            format!(
                "{} lessons; an exhibit cycles at most {MAX_LESSONS}",
                items.len()
            ),
        ));
    }
    let builtins = crate::lesson::all_builtin_ids();
    items
        .iter()
        .map(|item| {
            let name = item.get_ref().trim();
            let id = if builtins.contains(&name) {
                name.to_owned()
            } else {
                resolve(base, name)
            };
            let lesson =
                crate::lesson::load(&id).map_err(|e| ctx.at(Some(item.span()), e.to_string()))?;
            // The attention lesson has its own screen: an exhibit shows it alone.
            let attention = matches!(
                lesson.model.kind,
                crate::lesson::ModelKind::Attention { .. }
            );
            if attention && items.len() > 1 {
                return Err(ctx.at(
                    Some(item.span()),
                    format!(
                        "`{name}` is an attention lesson, which an exhibit shows alone: list it \
                         as the only lesson (lessons = [\"{name}\"]) or leave it out"
                    ),
                ));
            }
            Ok(id)
        })
        .collect()
}

#[cfg(test)]
#[path = "config_tests.rs"]
mod tests;
