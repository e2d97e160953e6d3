//! `--text "..."` or `--text-file PATH`: a lesson's own text, typed or from a file, under one
//! size rule ([`crate::limits::MAX_TEXT_CHARS`] characters, the same as typed text in the window
//! and a lesson file's sentences). The file is read only when it is a regular UTF-8 file within
//! the limit. `--model mlp|attention` puts the text (or the lesson's own) under the model and
//! training of the default lesson of that kind (`cat-sat`, `attention`).

use std::path::PathBuf;

#[derive(clap::Args, Debug, Clone, Default)]
pub struct TextArgs {
    /// Use this text instead of the lesson's sentences (split at . ! ? and line breaks).
    #[arg(long, conflicts_with = "text_file")]
    pub text: Option<String>,
    /// Use the text of this file instead of the lesson's sentences.
    #[arg(long)]
    pub text_file: Option<PathBuf>,
    /// Train the text with this model: `mlp` (the cat-sat lesson's) or `attention` (the
    /// attention lesson's); default: the lesson's own.
    #[arg(long)]
    pub model: Option<ModelChoice>,
}

/// Which model `--model` asks for.
#[derive(clap::ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum ModelChoice {
    Mlp,
    Attention,
}

impl TextArgs {
    /// The lesson `id` names, on the text asked for and under the model asked for.
    pub fn lesson(&self, id: &str) -> anyhow::Result<crate::lesson::Lesson> {
        let mut lesson = crate::lesson::load(id)?;
        if let Some(text) = &self.text()? {
            lesson = lesson.with_text(text)?;
        }
        if let Some(model) = self.model {
            let base = match model {
                ModelChoice::Mlp => crate::lesson::load_builtin("cat-sat")?,
                ModelChoice::Attention => crate::lesson::load_builtin(crate::lesson::ATTENTION_ID)?,
            };
            lesson = lesson.with_model_of(&base);
        }
        Ok(lesson)
    }

    /// The text asked for, if any.
    pub fn text(&self) -> anyhow::Result<Option<String>> {
        if let Some(text) = &self.text {
            return Ok(Some(text.clone()));
        }
        let Some(path) = &self.text_file else {
            return Ok(None);
        };
        // Four bytes a character at most in UTF-8; the character count is checked with the text.
        let max = (crate::limits::MAX_TEXT_CHARS as u64).saturating_mul(4);
        Ok(Some(crate::limits::read_bounded(path, max, "a text file")?))
    }
}
