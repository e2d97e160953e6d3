//! The TOML lesson format and its validation.
//!
//! How it works: serde reads the file into raw structs (`deny_unknown_fields`, so a misspelt key
//! is an error) whose checked values keep their byte span (`toml::Spanned`); [`parse_lesson`]
//! then checks every semantic rule and turns any problem into one line
//! `<file>:<line>:<column>: <what was expected>`, the line and column computed from the span.
//!
//! ```toml
//! title = "The cat sat on the mat"
//! description = "One or two sentences shown before training."
//! language = "en"     # optional: the language of the title, description and sentences
//! sentences = ["the cat sat on the mat"]   # or: text = "Free text. Split at . ! ? and line breaks."
//! epochs = 300        # >= 1
//! seed = 7            # >= 0
//! runs = 1            # optional, default 1
//!
//! [model]
//! embed_dim = 8       # >= 1
//! hidden = 4          # >= 1
//! context = 1         # optional, default 1
//! activation = "tanh" # optional: "tanh" (default) or "relu"
//! # or the attention model of ATTENTION.md (no `hidden`, `context` or `activation`):
//! # kind = "attention"; attn_dim = 4; window = 6   (window: optional, 1..=16, default 6)
//!
//! [optimizer]
//! name = "adam"       # "sgd", "momentum" or "adam"
//! lr = 0.05           # > 0; or one per run: lr = [0.001, 0.01, 0.1, 1.0]
//! ```
//! Translations of the title and description are optional, one table per language:
//! ```toml
//! [translations.de]
//! title = "Die Katze saß auf der Matte"
//! description = "..."   # optional
//! ```
//! `description` is optional. Entries of `sentences` are split at `.`, `!`, `?` and line breaks
//! too, so no pair ever crosses a sentence boundary.

use std::ops::Range;

use serde::Deserialize;
use toml::Spanned;

use super::{
    Activation, Lesson, LessonError, Localized, ModelKind, ModelSpec, OptimizerKind,
    split_sentences,
};
use crate::i18n::Lang;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawLesson {
    title: Spanned<String>,
    #[serde(default)]
    description: String,
    language: Option<Spanned<String>>,
    translations: Option<Spanned<std::collections::BTreeMap<String, RawTranslation>>>,
    sentences: Option<Spanned<Vec<String>>>,
    text: Option<Spanned<String>>,
    epochs: Spanned<i64>,
    seed: Spanned<i64>,
    runs: Option<Spanned<i64>>,
    model: RawModel,
    optimizer: RawOptimizer,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawTranslation {
    title: Spanned<String>,
    description: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawModel {
    kind: Option<Spanned<String>>,
    embed_dim: Spanned<i64>,
    hidden: Option<Spanned<i64>>,
    context: Option<Spanned<i64>>,
    activation: Option<Spanned<String>>,
    attn_dim: Option<Spanned<i64>>,
    window: Option<Spanned<i64>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawOptimizer {
    name: Spanned<String>,
    lr: Spanned<toml::Value>,
}

/// 1-based line and column (in characters) of byte `offset` in `text` (for `file:line:col`
/// messages about any TOML file of the app).
pub fn line_column(text: &str, offset: usize) -> (usize, usize) {
    let mut offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    let before = &text[..offset];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    (line, before[line_start..].chars().count() + 1)
}

/// Builds errors that point into one lesson file.
struct Ctx<'a> {
    text: &'a str,
    origin: &'a str,
}

impl Ctx<'_> {
    fn at(&self, span: Option<Range<usize>>, message: impl Into<String>) -> LessonError {
        let message = message.into().replace('\n', " ");
        match span {
            Some(span) => {
                let (line, column) = line_column(self.text, span.start);
                LessonError::At {
                    origin: self.origin.to_owned(),
                    line,
                    column,
                    message,
                }
            }
            None => LessonError::Invalid {
                origin: self.origin.to_owned(),
                message,
            },
        }
    }

    /// A whole number in `min..=max`, or an error naming `key`.
    fn count<T: TryFrom<i64>>(
        &self,
        value: &Spanned<i64>,
        key: &str,
        min: i64,
        max: i64,
    ) -> Result<T, LessonError> {
        let v = *value.get_ref();
        if v < min || v > max {
            let want = if max == i64::MAX {
                format!("at least {min}")
            } else {
                format!("between {min} and {max}")
            };
            return Err(self.at(
                Some(value.span()),
                format!("`{key}` must be {want}, got {v}"),
            ));
        }
        T::try_from(v).map_err(|_| self.at(Some(value.span()), format!("`{key}` is too large")))
    }

    /// `[model] kind`: "mlp" (the default) or "attention" with its `attn_dim` and `window`.
    fn model_kind(&self, m: &RawModel) -> Result<ModelKind, LessonError> {
        use crate::limits::{MAX_CONTEXT, MAX_EMBED_DIM};
        let limit = |max: usize| i64::try_from(max).unwrap_or(i64::MAX);
        let name = m.kind.as_ref().map_or("mlp", |k| k.get_ref().as_str());
        match name {
            "mlp" => {
                for (key, value) in [("attn_dim", &m.attn_dim), ("window", &m.window)] {
                    if let Some(v) = value {
                        return Err(self.at(
                            Some(v.span()),
                            format!("`{key}` belongs to attention lessons (kind = \"attention\")"),
                        ));
                    }
                }
                Ok(ModelKind::Mlp)
            }
            "attention" => {
                let Some(attn_dim) = &m.attn_dim else {
                    return Err(self.at(
                        m.kind.as_ref().map(Spanned::span),
                        "an attention model needs `attn_dim` (the query and key width)",
                    ));
                };
                let attn_dim = self.count(attn_dim, "attn_dim", 1, limit(MAX_EMBED_DIM))?;
                let window = match &m.window {
                    Some(w) => self.count(w, "window", 1, limit(MAX_CONTEXT))?,
                    None => super::DEFAULT_WINDOW,
                };
                Ok(ModelKind::Attention { attn_dim, window })
            }
            other => Err(self.at(
                m.kind.as_ref().map(Spanned::span),
                format!("unknown model kind `{other}`, expected \"mlp\" or \"attention\""),
            )),
        }
    }

    /// The title and description with their translations; a title is one line of text.
    fn texts(&self, raw: &RawLesson) -> Result<(Localized, Localized), LessonError> {
        let line = |value: &Spanned<String>, key: &str| {
            let text = value.get_ref().trim();
            if text.is_empty() || text.chars().any(char::is_control) {
                return Err(self.at(
                    Some(value.span()),
                    format!("`{key}` must be one line of text"),
                ));
            }
            Ok(text.to_owned())
        };
        let mut title = Localized::new(line(&raw.title, "title")?);
        let mut description = Localized::new(raw.description.trim());
        let Some(translations) = &raw.translations else {
            return Ok((title, description));
        };
        for (code, translation) in translations.get_ref() {
            let lang = Lang::parse(code).map_err(|e| {
                self.at(
                    Some(translations.span()),
                    format!("[translations.{code}]: {e}"),
                )
            })?;
            title.set(lang, line(&translation.title, "title")?);
            if let Some(text) = &translation.description {
                description.set(lang, text.trim());
            }
        }
        Ok((title, description))
    }

    fn lr(&self, value: &Spanned<toml::Value>, runs: u32) -> Result<Vec<f64>, LessonError> {
        let bad = |what: String| self.at(Some(value.span()), what);
        let number = |v: &toml::Value| match v {
            toml::Value::Float(x) => Some(*x),
            toml::Value::Integer(i) => Some(*i as f64),
            _ => None,
        };
        let list = match value.get_ref() {
            toml::Value::Array(items) => items.iter().map(number).collect::<Option<Vec<f64>>>(),
            single => number(single).map(|x| vec![x]),
        }
        .ok_or_else(|| bad("`lr` must be a number or an array of numbers".to_owned()))?;
        if let Some(x) = list.iter().find(|x| !(x.is_finite() && **x > 0.0)) {
            return Err(bad(format!("`lr` must be a finite number > 0, got {x}")));
        }
        if list.len() != 1 && list.len() != runs as usize {
            return Err(bad(format!(
                "`lr` must have 1 entry or one per run ({runs}), got {}",
                list.len()
            )));
        }
        Ok(list)
    }
}

/// Parses and validates a lesson. `origin` names the file in messages; `id` becomes
/// [`Lesson::id`].
pub fn parse_lesson(text: &str, origin: &str, id: &str) -> Result<Lesson, LessonError> {
    let ctx = Ctx { text, origin };
    let raw: RawLesson = toml::from_str(text).map_err(|e| ctx.at(e.span(), e.message()))?;

    let (sentences, sentences_span) = match (&raw.sentences, &raw.text) {
        (Some(_), Some(t)) => {
            return Err(ctx.at(
                Some(t.span()),
                "give either `sentences` or `text`, not both",
            ));
        }
        (None, None) => {
            return Err(ctx.at(None, "expected `sentences = [...]` or `text = \"...\"`"));
        }
        (Some(list), None) => {
            if list.get_ref().is_empty() {
                return Err(ctx.at(
                    Some(list.span()),
                    "`sentences` must list at least one sentence",
                ));
            }
            let split = list
                .get_ref()
                .iter()
                .flat_map(|s| split_sentences(s))
                .collect();
            (split, list.span())
        }
        (None, Some(t)) => (split_sentences(t.get_ref()), t.span()),
    };

    use crate::limits::{MAX_CONTEXT, MAX_EMBED_DIM, MAX_EPOCHS, MAX_HIDDEN, MAX_RUNS};
    let limit = |max: usize| i64::try_from(max).unwrap_or(i64::MAX);
    let epochs: u32 = ctx.count(&raw.epochs, "epochs", 1, i64::from(MAX_EPOCHS))?;
    let seed: u64 = ctx.count(&raw.seed, "seed", 0, i64::MAX)?;
    let runs: u32 = match &raw.runs {
        Some(r) => ctx.count(r, "runs", 1, limit(MAX_RUNS))?,
        None => 1,
    };
    let m = &raw.model;
    let embed_dim: usize = ctx.count(&m.embed_dim, "embed_dim", 1, limit(MAX_EMBED_DIM))?;
    let kind = ctx.model_kind(m)?;
    let hidden: usize = match (&m.hidden, kind) {
        (Some(h), _) => ctx.count(h, "hidden", 1, limit(MAX_HIDDEN))?,
        // The attention model has no hidden layer.
        (None, ModelKind::Attention { .. }) => 1,
        (None, ModelKind::Mlp) => {
            return Err(ctx.at(None, "[model] needs `hidden` (the hidden layer's neurons)"));
        }
    };
    let context: usize = match &m.context {
        Some(c) => ctx.count(c, "context", 1, limit(MAX_CONTEXT))?,
        None => 1,
    };
    let activation = match &m.activation {
        Some(a) => a
            .get_ref()
            .parse::<Activation>()
            .map_err(|e| ctx.at(Some(a.span()), e))?,
        None => Activation::Tanh,
    };
    let name = &raw.optimizer.name;
    let optimizer = name
        .get_ref()
        .parse::<OptimizerKind>()
        .map_err(|e| ctx.at(Some(name.span()), e))?;
    let lr = ctx.lr(&raw.optimizer.lr, runs)?;

    let language = match &raw.language {
        Some(code) => Lang::parse(code.get_ref()).map_err(|e| ctx.at(Some(code.span()), e))?,
        None => Lang::En,
    };
    let (title, description) = ctx.texts(&raw)?;
    let lesson = Lesson {
        id: id.to_owned(),
        title,
        description,
        language,
        sentences,
        model: ModelSpec {
            embed_dim,
            hidden,
            context,
            activation,
            kind,
        },
        optimizer,
        lr,
        epochs,
        seed,
        runs,
    };
    // The text's words and pairs, and the model's size, within the limits.
    lesson
        .corpus()
        .map_err(|e| ctx.at(Some(sentences_span), e.to_string()))?;
    Ok(lesson)
}

#[cfg(test)]
#[path = "file_tests.rs"]
mod tests;
