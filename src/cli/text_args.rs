//! `--text "..."` or `--text-file PATH`: a lesson's own text, typed or from a file, under one
//! size rule ([`crate::limits::MAX_TEXT_CHARS`] characters, the same as typed text in the window
//! and a lesson file's sentences). The file is read only when it is a regular UTF-8 file within
//! the limit.

use std::path::PathBuf;

#[derive(clap::Args, Debug, Clone, Default)]
pub struct TextArgs {
    /// Use this text instead of the lesson's sentences (split at . ! ? and line breaks).
    #[arg(long, conflicts_with = "text_file")]
    pub text: Option<String>,
    /// Use the text of this file instead of the lesson's sentences.
    #[arg(long)]
    pub text_file: Option<PathBuf>,
}

impl TextArgs {
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
