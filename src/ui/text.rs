//! Typed text: check it with the lesson rules and explain any problem in plain, friendly words.
//!
//! How it works: [`check_text`] runs [`lesson_from_text`] (the length and vocabulary limits, the
//! tokenizer that drops emoji, control characters and punctuation) and maps each
//! [`LessonError`] to a sentence from [`super::strings`]. It never panics, whatever the input.

use super::strings::{fill, strings};
use crate::lesson::{CorpusError, Lesson, LessonError, MAX_TEXT_CHARS, lesson_from_text};

/// The lesson for `text`, or a friendly one-line reason why it cannot be trained.
pub fn check_text(text: &str) -> Result<Lesson, String> {
    lesson_from_text(text).map_err(|e| friendly_error(&e))
}

/// A sentence a visitor understands for a typed-text problem.
pub fn friendly_error(error: &LessonError) -> String {
    let s = strings();
    match error {
        LessonError::TextTooLong { chars, max } => fill(
            s.err_too_long,
            &[("chars", &chars.to_string()), ("max", &max.to_string())],
        ),
        LessonError::TooManyWords { words, max } => fill(
            s.err_too_many_words,
            &[("words", &words.to_string()), ("max", &max.to_string())],
        ),
        LessonError::Corpus { source, .. } => match source {
            CorpusError::NoTokens => s.err_no_words.to_owned(),
            CorpusError::ContextTooLong { context, .. } => {
                fill(s.err_too_short, &[("need", &(context + 1).to_string())])
            }
            CorpusError::ZeroContext => s.err_other.to_owned(),
        },
        _ => s.err_other.to_owned(),
    }
}

/// The character counter under the text box: "42 / 2000 characters".
pub fn text_count(text: &str) -> String {
    fill(
        strings().text_count,
        &[
            ("chars", &text.chars().count().to_string()),
            ("max", &MAX_TEXT_CHARS.to_string()),
        ],
    )
}

/// Whether the counter should warn (the text is over the limit).
pub fn text_too_long(text: &str) -> bool {
    text.chars().count() > MAX_TEXT_CHARS
}
