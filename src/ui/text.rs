//! Typed text: check it with the lesson rules and explain any problem in plain, friendly words.
//!
//! How it works: [`check_text`] runs [`lesson_from_text`] (the length and vocabulary limits, the
//! tokenizer that drops emoji, control characters and punctuation) and maps each
//! [`LessonError`] to a sentence in the active language. It never panics, whatever the input.

use crate::lesson::{CorpusError, Lesson, LessonError, MAX_TEXT_CHARS, lesson_from_text};
use crate::tr;

/// The lesson for `text`, or a friendly one-line reason why it cannot be trained. Only its words
/// must be drawable: what the tokenizer drops (emoji, punctuation) never reaches the screen.
pub fn check_text(text: &str) -> Result<Lesson, String> {
    let words = crate::lesson::tokenize(text).join(" ");
    if let Some(shown) = crate::scene::palette::undrawable_shown(&words) {
        return Err(tr!("err-glyphs", chars = shown));
    }
    lesson_from_text(text).map_err(|e| friendly_error(&e))
}

/// A sentence a visitor understands for a typed-text problem.
pub fn friendly_error(error: &LessonError) -> String {
    match error {
        LessonError::TextTooLong { chars, max } => {
            tr!("err-too-long", chars = *chars, max = *max)
        }
        LessonError::TooManyWords { words, max } => {
            tr!("err-too-many-words", words = *words, max = *max)
        }
        LessonError::Corpus { source, .. } => match source {
            CorpusError::NoTokens => tr!("err-no-words"),
            CorpusError::ContextTooLong { context, .. } => tr!("err-too-short", need = context + 1),
            CorpusError::ZeroContext => tr!("err-other"),
            CorpusError::Limit(detail) => tr!("err-limit", detail = detail.as_str()),
        },
        _ => tr!("err-other"),
    }
}

/// The character counter under the text box: "42 / 2000 characters".
pub fn text_count(text: &str) -> String {
    tr!(
        "text-count",
        chars = text.chars().count(),
        max = MAX_TEXT_CHARS
    )
}

/// Whether the counter should warn (the text is over the limit).
pub fn text_too_long(text: &str) -> bool {
    text.chars().count() > MAX_TEXT_CHARS
}

#[cfg(test)]
mod tests {
    #[test]
    fn letters_the_fonts_cannot_draw_are_named() {
        let message = super::check_text("猫 が 座った 猫 が").unwrap_err();
        assert!(message.contains("猫が座った"), "{message}");
        assert!(super::check_text("Ελλάδα και Ελλάδα. Москва и Москва.").is_ok());
    }
}
