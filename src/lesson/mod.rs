//! Lessons: what to train on and how, from a TOML file, a built-in, or the user's own text.
//!
//! How it works: a lesson file (`assets/lessons/<id>.toml`, format in [`file`]) is parsed with
//! serde + `toml` into a validated [`Lesson`]: its sentences, the model shape ([`ModelSpec`]), the
//! optimizer, one learning rate per run, the epoch count and the seed. [`corpus`] turns the
//! sentences into the vocabulary and training pairs of MODEL.md. The four built-in lessons are
//! embedded in the binary ([`builtin`]); [`load`] takes a built-in id or a path.
//!
//! Runs: a lesson trains `runs` models side by side. If it gives one learning rate per run they
//! all share `seed` (so they differ only in the learning rate); if it gives a single learning rate
//! run `r` uses seed `seed + r` (so they differ only in the initial weights). See
//! [`Lesson::seed_of_run`].
//!
//! Every error is one line: `<file>:<line>:<column>: <what was expected>` for problems inside a
//! lesson file, and a plain sentence otherwise.

mod builtin;
pub mod corpus;
pub mod facts;
pub mod file;
mod localized;
pub mod synthetic;

use std::fmt;
use std::path::Path;
use std::str::FromStr;

pub use builtin::{ATTENTION_ID, all_builtin_ids, builtin_ids, load_builtin};
pub use corpus::{Corpus, CorpusError, Pair, split_sentences, tokenize};
pub use file::parse_lesson;
pub use localized::Localized;

impl Lesson {
    /// A one-line refusal for the parts made for the MLP alone (its scene, overlay and GPU
    /// sampler), when this lesson trains the attention model, which has its own screen.
    pub fn mlp_only(&self, what: &str) -> Result<(), String> {
        match self.model.kind {
            ModelKind::Mlp => Ok(()),
            ModelKind::Attention { .. } => Err(format!(
                "{} is an attention lesson: {what} is made for MLP lessons; the attention screen \
                 shows it (`nextword --lesson {}`)",
                self.id, self.id
            )),
        }
    }
}

/// Most characters of typed text that [`lesson_from_text`] accepts.
pub const MAX_TEXT_CHARS: usize = crate::limits::MAX_TEXT_CHARS;
/// Most distinct words of typed text that [`lesson_from_text`] accepts.
pub const MAX_VOCAB: usize = crate::limits::MAX_VOCAB;

/// The hidden layer's activation function.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Activation {
    Tanh,
    Relu,
}

impl Activation {
    /// The name used in lesson files and output: `"tanh"` or `"relu"`.
    pub fn name(&self) -> &'static str {
        match self {
            Activation::Tanh => "tanh",
            Activation::Relu => "relu",
        }
    }
}

impl FromStr for Activation {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        match s {
            "tanh" => Ok(Activation::Tanh),
            "relu" => Ok(Activation::Relu),
            _ => Err(format!(
                "unknown activation `{s}`, expected \"tanh\" or \"relu\""
            )),
        }
    }
}

impl fmt::Display for Activation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// The optimizer that turns gradients into one full-batch step per epoch (MODEL.md).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum OptimizerKind {
    Sgd,
    Momentum,
    Adam,
}

impl OptimizerKind {
    /// The name used in lesson files and output: `"sgd"`, `"momentum"` or `"adam"`.
    pub fn name(&self) -> &'static str {
        match self {
            OptimizerKind::Sgd => "sgd",
            OptimizerKind::Momentum => "momentum",
            OptimizerKind::Adam => "adam",
        }
    }
}

impl FromStr for OptimizerKind {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        match s {
            "sgd" => Ok(OptimizerKind::Sgd),
            "momentum" => Ok(OptimizerKind::Momentum),
            "adam" => Ok(OptimizerKind::Adam),
            _ => Err(format!(
                "unknown optimizer `{s}`, expected \"sgd\", \"momentum\" or \"adam\""
            )),
        }
    }
}

impl fmt::Display for OptimizerKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// The model's shape, apart from the vocabulary size (which comes from the corpus).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ModelSpec {
    pub embed_dim: usize,
    pub hidden: usize,
    pub context: usize,
    pub activation: Activation,
    /// The MLP of MODEL.md, or the attention model of ATTENTION.md.
    pub kind: ModelKind,
}

/// Which model a lesson trains.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ModelKind {
    /// MODEL.md: the last `context` words through a hidden layer.
    #[default]
    Mlp,
    /// ATTENTION.md: one head reads up to `window` earlier words through queries and keys of
    /// `attn_dim` numbers.
    Attention { attn_dim: usize, window: usize },
}

impl ModelKind {
    /// The name in lesson files and output: "mlp" or "attention".
    pub fn name(&self) -> &'static str {
        match self {
            ModelKind::Mlp => "mlp",
            ModelKind::Attention { .. } => "attention",
        }
    }
}

/// The default window of an attention lesson (ATTENTION.md).
pub const DEFAULT_WINDOW: usize = 6;

/// A validated lesson. `sentences` are already split (no entry spans a sentence boundary) and
/// build a [`Corpus`] without error; `lr` has one entry or `runs` entries, all finite and > 0.
#[derive(Debug, Clone, PartialEq)]
pub struct Lesson {
    pub id: String,
    /// The title, with the translations the file gives (shown in the active language).
    pub title: Localized,
    pub description: Localized,
    /// The language the lesson's sentences (and its title as written) are in.
    pub language: crate::i18n::Lang,
    pub sentences: Vec<String>,
    pub model: ModelSpec,
    pub optimizer: OptimizerKind,
    pub lr: Vec<f64>,
    pub epochs: u32,
    pub seed: u64,
    pub runs: u32,
}

/// A learning rate below this barely moves the weights: the GPU keeps weights as 32-bit
/// floats, and a step under about 1e-9 vanishes when added to a weight of 0.01 or more (an
/// Adam step is about the learning rate; a plain gradient step is smaller still).
pub const TINY_LR: f64 = 1e-9;

impl Lesson {
    /// A warning when a learning rate is too small to change the model ([`TINY_LR`]).
    pub fn tiny_lr_warning(&self) -> Option<String> {
        let tiny = self.lr.iter().copied().find(|&lr| lr < TINY_LR)?;
        Some(format!(
            "warning: a learning rate of {tiny:e} is too small to train: steps below about \
             {TINY_LR:e} vanish next to the network's 32-bit weights, so they barely move; try \
             0.001 to 0.1"
        ))
    }

    /// The learning rate of every run (`runs` entries).
    pub fn lr_per_run(&self) -> Vec<f64> {
        (0..self.runs as usize)
            .map(|r| {
                if self.lr.len() == 1 {
                    self.lr[0]
                } else {
                    self.lr[r]
                }
            })
            .collect()
    }

    /// The seed of run `run`: `seed` when the lesson gives one learning rate per run (runs differ
    /// by learning rate), else `seed + run` (runs differ by their initial weights).
    pub fn seed_of_run(&self, run: u32) -> u64 {
        if self.lr.len() > 1 {
            self.seed
        } else {
            self.seed.wrapping_add(u64::from(run))
        }
    }

    /// The seeds of all runs, in run order.
    pub fn seeds(&self) -> Vec<u64> {
        (0..self.runs).map(|r| self.seed_of_run(r)).collect()
    }

    /// The vocabulary and training pairs, once the lesson's sizes are within [`crate::limits`]
    /// (checked before anything of the model's size is allocated).
    pub fn corpus(&self) -> Result<Corpus, CorpusError> {
        self.check_settings().map_err(CorpusError::Limit)?;
        let corpus = Corpus::build(&self.sentences, self.model.context)?;
        self.check_sizes(&corpus).map_err(CorpusError::Limit)?;
        Ok(corpus)
    }

    /// Epochs, runs and the model's dimensions within the limits.
    fn check_settings(&self) -> Result<(), String> {
        use crate::limits::*;
        let chars: usize = self.sentences.iter().map(|s| s.chars().count()).sum();
        check(
            "the text's length in characters",
            chars as u64,
            MAX_TEXT_CHARS as u64,
        )?;
        check("epochs", u64::from(self.epochs), u64::from(MAX_EPOCHS))?;
        check("runs", u64::from(self.runs), MAX_RUNS as u64)?;
        let m = &self.model;
        check("embed_dim", m.embed_dim as u64, MAX_EMBED_DIM as u64)?;
        check("hidden", m.hidden as u64, MAX_HIDDEN as u64)?;
        check("context", m.context as u64, MAX_CONTEXT as u64)
    }

    /// The vocabulary, the pairs and the model's parameters (per run and over all runs) within
    /// the limits; the arithmetic saturates, so no size can overflow past a check.
    fn check_sizes(&self, corpus: &Corpus) -> Result<(), String> {
        use crate::limits::*;
        check(
            "the vocabulary (distinct words)",
            corpus.vocab.len() as u64,
            MAX_VOCAB as u64,
        )?;
        check(
            "the training pairs",
            corpus.pairs.len() as u64,
            MAX_PAIRS as u64,
        )?;
        let params = parameter_count(
            corpus.vocab.len() as u64,
            self.model.embed_dim as u64,
            self.model.hidden as u64,
            self.model.context as u64,
        );
        check("the model's parameters", params, MAX_PARAMETERS as u64)?;
        let all = params.saturating_mul(u64::from(self.runs));
        check(
            "the parameters of all runs",
            all,
            MAX_TOTAL_PARAMETERS as u64,
        )
    }
}

/// MODEL.md's parameter count V*D + k*D*H + H + H*V + V, saturating instead of overflowing.
pub fn parameter_count(vocab: u64, embed_dim: u64, hidden: u64, context: u64) -> u64 {
    let (v, d, h, k) = (vocab, embed_dim, hidden, context);
    v.saturating_mul(d)
        .saturating_add(k.saturating_mul(d).saturating_mul(h))
        .saturating_add(h)
        .saturating_add(h.saturating_mul(v))
        .saturating_add(v)
}

/// Why a lesson could not be loaded. Each message is one line.
#[derive(Debug, thiserror::Error)]
pub enum LessonError {
    /// A syntax, type or value problem at a place in a lesson file.
    #[error("{origin}:{line}:{column}: {message}")]
    At {
        origin: String,
        line: usize,
        column: usize,
        message: String,
    },
    /// A problem with a lesson as a whole (no single place to point at).
    #[error("{origin}: {message}")]
    Invalid { origin: String, message: String },
    /// The file could not be read, or is no regular file, or is too large.
    #[error(transparent)]
    Read(#[from] crate::limits::ReadError),
    #[error("unknown lesson `{id}`; built-in lessons are: {}", known.join(", "))]
    UnknownLesson { id: String, known: Vec<String> },
    #[error(
        "`{arg}` is neither a built-in lesson ({}) nor a lesson file that exists",
        known.join(", ")
    )]
    NotFound { arg: String, known: Vec<String> },
    #[error("the text is too long: {chars} characters, at most {max} please")]
    TextTooLong { chars: usize, max: usize },
    #[error("the text has too many different words: {words}, at most {max} please")]
    TooManyWords { words: usize, max: usize },
    #[error("{origin}: {source}")]
    Corpus { origin: String, source: CorpusError },
}

/// Loads a lesson file; its id is the file stem.
pub fn load_path(path: &Path) -> Result<Lesson, LessonError> {
    let origin = path.display().to_string();
    let text =
        crate::limits::read_bounded(path, crate::limits::MAX_LESSON_FILE_BYTES, "a lesson file")?;
    let id = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| "custom".to_owned());
    parse_lesson(&text, &origin, &id)
}

/// Loads a built-in lesson by id, or else a lesson file by path.
pub fn load(id_or_path: &str) -> Result<Lesson, LessonError> {
    if all_builtin_ids().contains(&id_or_path) {
        return load_builtin(id_or_path);
    }
    let path = Path::new(id_or_path);
    if path.exists() {
        return load_path(path);
    }
    Err(LessonError::NotFound {
        arg: id_or_path.to_owned(),
        known: all_builtin_ids().iter().map(|s| s.to_string()).collect(),
    })
}

impl Lesson {
    /// The same lesson over `text` instead of its own sentences (the text checked like typed
    /// text: [`lesson_from_text`]).
    /// The same text under `base`'s model and training (model, optimizer, learning rates, runs,
    /// seed, epochs): `--model attention` puts any text under the attention lesson's model.
    pub fn with_model_of(mut self, base: &Lesson) -> Lesson {
        self.model = base.model;
        self.optimizer = base.optimizer;
        self.lr = base.lr.clone();
        self.runs = base.runs;
        self.seed = base.seed;
        self.epochs = base.epochs;
        self
    }

    pub fn with_text(mut self, text: &str) -> Result<Lesson, LessonError> {
        let custom = lesson_from_text(text)?;
        self.sentences = custom.sentences;
        self.id = custom.id;
        // The lesson's title and description were about its own text.
        self.title = custom.title;
        self.description = custom.description;
        Ok(self)
    }
}

/// A lesson on the user's own text, with the default lesson's (cat-sat) model and training
/// settings. The text is split into sentences per MODEL.md; it must have at most
/// [`MAX_TEXT_CHARS`] characters and [`MAX_VOCAB`] distinct words.
pub fn lesson_from_text(text: &str) -> Result<Lesson, LessonError> {
    let chars = text.chars().count();
    if chars > MAX_TEXT_CHARS {
        return Err(LessonError::TextTooLong {
            chars,
            max: MAX_TEXT_CHARS,
        });
    }
    let base = load_builtin("cat-sat")?;
    let sentences = split_sentences(text);
    let corpus =
        Corpus::build(&sentences, base.model.context).map_err(|source| LessonError::Corpus {
            origin: "your text".to_owned(),
            source,
        })?;
    if corpus.vocab.len() > MAX_VOCAB {
        return Err(LessonError::TooManyWords {
            words: corpus.vocab.len(),
            max: MAX_VOCAB,
        });
    }
    Ok(Lesson {
        id: "custom".to_owned(),
        title: translated("your-text"),
        description: translated("your-text-description"),
        sentences,
        ..base
    })
}

/// Message `id` in every language the app speaks.
fn translated(id: &str) -> Localized {
    use crate::i18n::{Lang, LanguageGuard};
    let in_lang = |lang: Lang| {
        let _guard = LanguageGuard::new(lang);
        crate::i18n::text(id, &[])
    };
    let mut text = Localized::new(in_lang(Lang::En));
    for lang in Lang::ALL.into_iter().filter(|l| *l != Lang::En) {
        text.set(lang, in_lang(lang));
    }
    text
}

#[cfg(test)]
mod tests;
