//! Narration as data: every sentence the lesson shows, with the facts it states as structured
//! claims. The window draws the text; `nextword narrate --format jsonl` prints both; the tests
//! check every claim against the lesson's text and the CPU reference.
//!
//! How it works: the narration ([`super::narration`]) and the step texts ([`super::steps`]) build
//! each [`Sentence`] from the same values they put into its claims, so a sentence never says a
//! number its claims do not carry. Claim kinds (the `kind` field of their JSON):
//! - `corpus`: how many sentences the text has, a few of them, and its vocabulary size;
//! - `model`: the network's sizes (context words, embedding width, hidden neurons, parameters);
//! - `always`: a context that only one word ever follows in the text;
//! - `split`: every word that follows a context, with its share of the text (the best
//!   probability any model can give it); `best` is the largest share;
//! - `uniform`: the share each word gets from a blind guess over the vocabulary (1/V);
//! - `probability`: the network's P(word | context) at an epoch;
//! - `loss`: the network's loss at an epoch; `loss_floor`: the lowest loss the text allows;
//! - `phase`: where training stands at an epoch; `milestone`: a moment on the timeline;
//! - `best_run`: the run with the lowest loss at an epoch (several runs);
//! - `settings`: learning rates and optimizer.

use serde::Serialize;

/// One fact a sentence states.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Claim {
    Corpus {
        sentences: usize,
        examples: Vec<String>,
        vocab: usize,
    },
    Model {
        context: usize,
        embed_dim: usize,
        hidden: usize,
        vocab: usize,
        parameters: usize,
    },
    Always {
        context: Vec<String>,
        word: String,
    },
    Split {
        context: Vec<String>,
        /// Every word that follows, with its share, most frequent first.
        words: Vec<(String, f64)>,
        best: f64,
    },
    Uniform {
        vocab: usize,
        p: f64,
    },
    Probability {
        context: Vec<String>,
        word: String,
        p: f32,
        epoch: u32,
    },
    Loss {
        loss: f32,
        epoch: u32,
    },
    LossFloor {
        loss: f64,
    },
    Phase {
        phase: &'static str,
        epoch: u32,
    },
    Milestone {
        milestone: &'static str,
        /// For `passed`: the percentage passed.
        #[serde(skip_serializing_if = "Option::is_none")]
        pct: Option<u8>,
        epoch: u32,
        /// When the history skips epochs: the recorded epoch before; the moment lies after it.
        #[serde(skip_serializing_if = "Option::is_none")]
        after: Option<u32>,
        /// When the history skips epochs and only the latest epoch is known: it happened by then.
        #[serde(skip_serializing_if = "std::ops::Not::not")]
        by: bool,
    },
    BestRun {
        lr: f64,
        loss: f32,
        epoch: u32,
    },
    Settings {
        lr: Vec<f64>,
        optimizer: &'static str,
    },
}

/// A sentence as shown, with the claims it makes.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Sentence {
    pub text: String,
    pub claims: Vec<Claim>,
}

impl Sentence {
    pub fn new(text: String, claims: Vec<Claim>) -> Self {
        Self { text, claims }
    }

    /// A sentence that states no fact about the lesson's data (a general explanation).
    pub fn plain(text: String) -> Self {
        Self {
            text,
            claims: Vec::new(),
        }
    }
}
