//! A lesson's text in several languages: its title and description as written, plus the
//! translations its file gives (`[translations.de] title = "..."`).
//!
//! How it works: [`Localized::get`] picks the active language's translation
//! ([`crate::i18n::language`]) and falls back to the text as written, so a lesson that carries no
//! translation still shows its own words in every language, and a switch of language in the
//! window changes every title shown without reloading anything.

use crate::i18n::Lang;

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Localized {
    /// The text as written, in the lesson's own language.
    pub text: String,
    /// Translations, at most one per language.
    pub translations: Vec<(Lang, String)>,
}

impl Localized {
    pub fn new(text: impl Into<String>) -> Self {
        Self {
            text: text.into(),
            translations: Vec::new(),
        }
    }

    /// The text in the active language.
    pub fn get(&self) -> &str {
        self.get_in(crate::i18n::language())
    }

    /// The text in `lang`, or as written where no translation is given.
    pub fn get_in(&self, lang: Lang) -> &str {
        self.translations
            .iter()
            .find(|(l, _)| *l == lang)
            .map_or(self.text.as_str(), |(_, t)| t.as_str())
    }

    /// Sets the translation into `lang` (replacing an earlier one).
    pub fn set(&mut self, lang: Lang, text: impl Into<String>) {
        self.translations.retain(|(l, _)| *l != lang);
        self.translations.push((lang, text.into()));
    }

    /// Every form: as written, then each translation (for checks that must hold for all).
    pub fn all(&self) -> impl Iterator<Item = &str> {
        std::iter::once(self.text.as_str()).chain(self.translations.iter().map(|(_, t)| t.as_str()))
    }

    pub fn is_empty(&self) -> bool {
        self.text.is_empty()
    }
}

impl From<&str> for Localized {
    fn from(text: &str) -> Self {
        Localized::new(text)
    }
}

impl std::fmt::Display for Localized {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.get())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn picks_the_active_language_and_falls_back_to_the_original() {
        let mut title = Localized::new("The cat sat on the mat");
        title.set(Lang::De, "Die Katze saß auf der Matte");
        assert_eq!(title.get_in(Lang::De), "Die Katze saß auf der Matte");
        assert_eq!(title.get_in(Lang::Fr), "The cat sat on the mat");
        let _de = crate::i18n::LanguageGuard::new(Lang::De);
        assert_eq!(title.to_string(), "Die Katze saß auf der Matte");
        title.set(Lang::De, "Neu");
        assert_eq!(title.get(), "Neu");
        assert_eq!(title.all().count(), 2);
    }
}
