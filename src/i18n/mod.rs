//! Every sentence and label the app shows, in every language it speaks, with Project Fluent.
//!
//! How it works: one Fluent file per language (`assets/i18n/<code>.ftl`, embedded in the binary)
//! holds every message; [`bundles`] parses each once into a thread-safe `FluentBundle` and keeps
//! it for the life of the process. Code asks for a message by id with [`tr!`]
//! (`tr!("step-of", n = 2, total = 5)`): the active language's bundle formats it, falling back to
//! English for a message a translation lacks, and to the id itself (logged once) for an unknown
//! id, so a missing string never panics. `id.attribute` picks an attribute. Arguments are
//! [`Arg`]s: text, whole numbers (which Fluent's plural rules select on: `{ $n -> [one] ...
//! *[other] ... }`) and decimals with a fixed number of digits, formatted with the language's
//! separators by [`format`] (45.3% in English, 45,3 % in German).
//!
//! The active language is process-wide ([`set_language`]); a thread may override it
//! ([`LanguageGuard`]), which is how tests render several languages side by side. The narration
//! speaks at one of two [`Level`]s: a message with a `.technical` attribute uses it at the
//! technical level ([`tr_level!`]).
//!
//! This module is a leaf: it depends on nothing else in the crate, so every layer may use it.

mod bundles;
pub mod format;

use std::cell::Cell;
use std::sync::atomic::{AtomicU8, Ordering};

pub use bundles::{message_ids, message_variables, source_of};

/// A language the app speaks. All are written left to right in Latin script.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
pub enum Lang {
    #[default]
    En,
    De,
    Fr,
    Es,
}

impl Lang {
    pub const ALL: [Lang; 4] = [Lang::En, Lang::De, Lang::Fr, Lang::Es];

    /// The BCP 47 code: "en", "de", "fr", "es".
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::De => "de",
            Lang::Fr => "fr",
            Lang::Es => "es",
        }
    }

    /// The language's name in its own words (the language button shows these, never flags).
    pub fn native_name(self) -> &'static str {
        match self {
            Lang::En => "English",
            Lang::De => "Deutsch",
            Lang::Fr => "Français",
            Lang::Es => "Español",
        }
    }

    /// The language for a code such as "de", "de-AT" or "fr_CH" (case-insensitive), or a
    /// one-line reason why it is not offered.
    pub fn parse(code: &str) -> Result<Lang, String> {
        let base = code
            .trim()
            .split(['-', '_'])
            .next()
            .unwrap_or_default()
            .to_ascii_lowercase();
        if let Some(lang) = Lang::ALL.into_iter().find(|l| l.code() == base) {
            return Ok(lang);
        }
        let offered = Lang::ALL.map(Lang::code).join(", ");
        if UNSUPPORTED_SCRIPTS.contains(&base.as_str()) {
            return Err(format!(
                "`{code}` is written right to left or in CJK script, which nextword cannot lay out \
                 yet; languages offered: {offered}"
            ));
        }
        Err(format!(
            "`{code}` is not a language nextword speaks; languages offered: {offered}"
        ))
    }

    fn index(self) -> u8 {
        self as u8
    }

    fn from_index(i: u8) -> Lang {
        Lang::ALL.get(usize::from(i)).copied().unwrap_or_default()
    }
}

impl std::fmt::Display for Lang {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.code())
    }
}

impl std::str::FromStr for Lang {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        Lang::parse(s)
    }
}

/// Codes of languages written right to left or in CJK scripts: refused with their own reason.
const UNSUPPORTED_SCRIPTS: [&str; 12] = [
    "ar", "he", "fa", "ur", "yi", "ps", "zh", "ja", "ko", "iw", "dv", "ug",
];

/// How much the narration says: plain words, or with the numbers and terms (logits, softmax,
/// gradient).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
pub enum Level {
    #[default]
    Simple,
    Technical,
}

impl std::str::FromStr for Level {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        match s {
            "simple" => Ok(Level::Simple),
            "technical" => Ok(Level::Technical),
            _ => Err(format!(
                "unknown level `{s}`, expected \"simple\" or \"technical\""
            )),
        }
    }
}

static LANGUAGE: AtomicU8 = AtomicU8::new(0);
static LEVEL: AtomicU8 = AtomicU8::new(0);

thread_local! {
    static OVERRIDE: Cell<Option<Lang>> = const { Cell::new(None) };
}

/// The language messages are formatted in (on this thread).
pub fn language() -> Lang {
    OVERRIDE
        .with(Cell::get)
        .unwrap_or_else(|| Lang::from_index(LANGUAGE.load(Ordering::Relaxed)))
}

/// Makes `lang` the language of every message from now on (all threads without an override).
pub fn set_language(lang: Lang) {
    LANGUAGE.store(lang.index(), Ordering::Relaxed);
}

/// The narration's level.
pub fn level() -> Level {
    if LEVEL.load(Ordering::Relaxed) == 1 {
        Level::Technical
    } else {
        Level::Simple
    }
}

pub fn set_level(level: Level) {
    LEVEL.store(u8::from(level == Level::Technical), Ordering::Relaxed);
}

/// Overrides the language on this thread until dropped (tests, and renders of one language
/// beside another).
pub struct LanguageGuard {
    previous: Option<Lang>,
}

impl LanguageGuard {
    pub fn new(lang: Lang) -> Self {
        let previous = OVERRIDE.with(|o| o.replace(Some(lang)));
        Self { previous }
    }
}

impl Drop for LanguageGuard {
    fn drop(&mut self) {
        OVERRIDE.with(|o| o.set(self.previous));
    }
}

/// A value for a message's placeable.
#[derive(Clone, Debug, PartialEq)]
pub enum Arg {
    Text(String),
    /// A whole number: plural rules select on it; shown with the language's digit grouping.
    Int(i64),
    /// A decimal shown with exactly this many digits after the separator.
    Decimal(f64, u8),
}

impl From<&str> for Arg {
    fn from(s: &str) -> Self {
        Arg::Text(s.to_owned())
    }
}
impl From<String> for Arg {
    fn from(s: String) -> Self {
        Arg::Text(s)
    }
}
impl From<&String> for Arg {
    fn from(s: &String) -> Self {
        Arg::Text(s.clone())
    }
}
macro_rules! int_arg {
    ($($t:ty),*) => {$(
        impl From<$t> for Arg {
            fn from(n: $t) -> Self {
                Arg::Int(i64::try_from(n).unwrap_or(i64::MAX))
            }
        }
    )*};
}
int_arg!(u8, u16, u32, u64, usize, i32, i64);

/// Formats message `id` (or `id.attribute`) in the active language.
pub fn text(id: &str, args: &[(&str, Arg)]) -> String {
    text_in(language(), id, args)
}

/// Formats message `id` in `lang` (English when `lang` lacks it; the id when no language has it).
pub fn text_in(lang: Lang, id: &str, args: &[(&str, Arg)]) -> String {
    bundles::format(lang, id, args)
        .or_else(|| bundles::format(Lang::En, id, args))
        .unwrap_or_else(|| {
            bundles::report_missing(id);
            id.to_owned()
        })
}

/// Message `id` at the active [`level`]: its `.technical` attribute at the technical level when
/// it has one, else the message itself.
pub fn text_level(id: &str, args: &[(&str, Arg)]) -> String {
    if level() == Level::Technical {
        let technical = format!("{id}.technical");
        if bundles::has(language(), &technical) || bundles::has(Lang::En, &technical) {
            return text(&technical, args);
        }
    }
    text(id, args)
}

/// `tr!("id")` or `tr!("id", name = value, ...)`: message `id` in the active language; values
/// are anything that converts into an [`Arg`].
#[macro_export]
macro_rules! tr {
    ($id:expr) => {
        $crate::i18n::text($id, &[])
    };
    ($id:expr, $($name:ident = $value:expr),+ $(,)?) => {
        $crate::i18n::text($id, &[$((stringify!($name), $crate::i18n::Arg::from($value))),+])
    };
}

/// Like [`tr!`], at the narration's active [`Level`].
#[macro_export]
macro_rules! tr_level {
    ($id:expr) => {
        $crate::i18n::text_level($id, &[])
    };
    ($id:expr, $($name:ident = $value:expr),+ $(,)?) => {
        $crate::i18n::text_level($id, &[$((stringify!($name), $crate::i18n::Arg::from($value))),+])
    };
}

#[cfg(test)]
mod tests;
