//! What a trainer is built from: model shape, optimizer, one learning rate and one initial
//! parameter vector per run, the training pairs, and what the history records.

use crate::lesson::{Activation, Corpus, Lesson, OptimizerKind, Pair};
use crate::model::{Dims, init_params};

/// Pairs whose probabilities and hidden activations are recorded when a lesson is too big to
/// record them all (the first ones, in corpus order).
const WATCHED_PAIRS_OF_BIG_LESSONS: usize = 16;
/// A lesson records every pair while this many floats per slot suffice for them.
const RECORD_ALL_PAIRS_UP_TO_FLOATS: usize = 8192;

/// Which kernels a trainer uses.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum KernelChoice {
    /// Unrolled (or else per-run) fused kernel for many runs of a small model, workgroup fused
    /// kernel for a few runs, layered kernels when one epoch is too much for a fused dispatch.
    Auto,
    FusedWorkgroup,
    FusedPerRun,
    FusedUnrolled,
    /// Layered kernels with at most `max_chunk` pairs per chunk.
    Layered {
        max_chunk: usize,
    },
}

/// Everything a [`crate::engine::Trainer`] is created from.
#[derive(Clone, Debug)]
pub struct TrainingSetup {
    pub dims: Dims,
    pub activation: Activation,
    pub optimizer: OptimizerKind,
    /// One learning rate per run.
    pub lrs: Vec<f64>,
    /// One flat parameter vector per run (MODEL.md order), usually from `init_params`.
    pub initial_params: Vec<Vec<f64>>,
    pub pairs: Vec<Pair>,
    /// History slots per run wanted; the trainer may grant fewer to respect buffer limits.
    pub history_capacity: u32,
    /// Indices of the pairs whose probs/hidden are recorded, in recording order.
    pub recorded_pairs: Vec<u32>,
    /// Which kernels train; [`KernelChoice::Auto`] except in tests and benchmarks.
    pub kernels: KernelChoice,
}

impl TrainingSetup {
    /// The lesson's model, optimizer, runs and seeds over `corpus`, recording every pair when
    /// the lesson is small and the first few otherwise.
    pub fn from_lesson(lesson: &Lesson, corpus: &Corpus) -> Self {
        let dims = Dims {
            vocab: corpus.vocab.len(),
            embed_dim: lesson.model.embed_dim,
            hidden: lesson.model.hidden,
            context: lesson.model.context,
        };
        let runs = lesson.runs.max(1);
        let initial_params = (0..runs)
            .map(|run| init_params(&dims, lesson.seed_of_run(run)))
            .collect();
        Self {
            dims,
            activation: lesson.model.activation,
            optimizer: lesson.optimizer,
            lrs: lesson.lr_per_run(),
            initial_params,
            pairs: corpus.pairs.clone(),
            history_capacity: 1024,
            recorded_pairs: default_recorded_pairs(&dims, corpus.pairs.len()),
            kernels: KernelChoice::Auto,
        }
    }

    pub fn runs(&self) -> usize {
        self.lrs.len()
    }
}

/// Every pair for lesson-sized models, a few watched pairs for large ones.
pub fn default_recorded_pairs(dims: &Dims, pairs: usize) -> Vec<u32> {
    let per_pair = dims.vocab + dims.hidden;
    let count = if pairs * per_pair <= RECORD_ALL_PAIRS_UP_TO_FLOATS {
        pairs
    } else {
        pairs.min(WATCHED_PAIRS_OF_BIG_LESSONS)
    };
    (0..count as u32).collect()
}
