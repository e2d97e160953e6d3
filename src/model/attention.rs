//! The f64 CPU reference of ATTENTION.md: one layer, one head of self-attention with positional
//! vectors by recency, a residual and a linear readout. It is the oracle the GPU attention engine
//! is to be tested against, as [`super::forward`] is for the MLP.
//!
//! How it works: parameters are one flat `Vec<f64>` in ATTENTION.md's order ([`AttnDims`],
//! [`AttnOffsets`]: embedding, position, wq, wk, wv, w_out, b_out); [`attention_pairs`] builds the
//! pairs (every position of every sentence, contexts of 1..W words); [`attend`] is the forward
//! pass of one pair and [`attention_gradients`] the backward pass summed over pairs, both the
//! literal formulas of ATTENTION.md; [`AttnRun`] trains with MODEL.md's optimizers and records
//! the loss, probabilities and attention weights of every epoch. Plain loops, obviously right.

// Indices mirror ATTENTION.md's subscripts (s, i, j) one to one.
#![allow(clippy::needless_range_loop)]

use super::forward::softmax;
use super::optimizer::OptimizerState;
use crate::lesson::OptimizerKind;
use crate::rng::SeededRng;

/// The attention model's sizes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct AttnDims {
    pub vocab: usize,
    /// D: the embedding (and value) width.
    pub embed_dim: usize,
    /// A: the query and key width.
    pub attn_dim: usize,
    /// W: the most words a context holds (one position vector per recency).
    pub window: usize,
}

/// Where each parameter block starts in the flat vector.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct AttnOffsets {
    pub embedding: usize,
    pub position: usize,
    pub wq: usize,
    pub wk: usize,
    pub wv: usize,
    pub w_out: usize,
    pub b_out: usize,
    pub total: usize,
}

impl AttnDims {
    /// V*D + W*D + 2*D*A + D*D + D*V + V.
    pub fn param_count(&self) -> usize {
        self.offsets().total
    }

    pub fn offsets(&self) -> AttnOffsets {
        let (v, d, a, w) = (self.vocab, self.embed_dim, self.attn_dim, self.window);
        let position = v * d;
        let wq = position + w * d;
        let wk = wq + d * a;
        let wv = wk + d * a;
        let w_out = wv + d * d;
        let b_out = w_out + d * v;
        AttnOffsets {
            embedding: 0,
            position,
            wq,
            wk,
            wv,
            w_out,
            b_out,
            total: b_out + v,
        }
    }
}

/// One training pair: a context of 1..W words (oldest first) and the word after it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AttnPair {
    pub context: Vec<u32>,
    pub target: u32,
}

/// Every position i >= 1 of every sentence (token ids), with the L = min(i, W) words before it;
/// ordered by sentence, then by i.
pub fn attention_pairs(sentences: &[Vec<u32>], window: usize) -> Vec<AttnPair> {
    let mut pairs = Vec::new();
    for tokens in sentences {
        for i in 1..tokens.len() {
            let l = i.min(window.max(1));
            pairs.push(AttnPair {
                context: tokens[i - l..i].to_vec(),
                target: tokens[i],
            });
        }
    }
    pairs
}

/// An attention lesson made ready to train: its vocabulary, sizes and pairs.
#[derive(Clone, Debug, PartialEq)]
pub struct AttnLesson {
    pub vocab: Vec<String>,
    pub dims: AttnDims,
    pub pairs: Vec<AttnPair>,
}

impl AttnLesson {
    /// The vocabulary (MODEL.md's), sizes and pairs of `lesson`; None for an MLP lesson.
    pub fn of(lesson: &crate::lesson::Lesson) -> Result<Option<Self>, crate::lesson::CorpusError> {
        let crate::lesson::ModelKind::Attention { attn_dim, window } = lesson.model.kind else {
            return Ok(None);
        };
        let vocab = lesson.corpus()?.vocab;
        let sentences = sentence_ids(&lesson.sentences, &vocab);
        let dims = AttnDims {
            vocab: vocab.len(),
            embed_dim: lesson.model.embed_dim,
            attn_dim,
            window,
        };
        Ok(Some(Self {
            pairs: attention_pairs(&sentences, window),
            vocab,
            dims,
        }))
    }
}

impl AttnDims {
    /// An upper bound of the loop iterations one GPU invocation runs for one pair of an epoch
    /// (forward, records and backward; every loop counted, none assumed unrolled, every context
    /// as long as the window): keep in sync with shaders/engine/attention.wgsl's loops, which the
    /// wide kernel's per-thread loops stay below.
    pub fn loop_iterations_per_pair(&self) -> u64 {
        let (v, d, a, w) = (
            self.vocab as u64,
            self.embed_dim as u64,
            self.attn_dim as u64,
            self.window as u64,
        );
        let forward = w * (1 + d + a * (1 + d) + d * (1 + d)) // x, k, v
            + a * (1 + d) // q
            + w * (1 + a) + 3 * w // scores, their softmax
            + d * (1 + w) // y
            + v * (1 + d) + 3 * v // logits, their softmax
            + v + w; // records
        let backward = d + v * (1 + d) // dy, readout gradients
            + 2 * w * (1 + d) + 2 * w // dx init, da, dscore
            + a * (1 + w) + d * (1 + a) // dq, wq
            + w * (1 + d * (1 + a + d)) // wk, wv, dx
            + w * (1 + d); // scatter
        forward + backward
    }

    /// Pairs one dispatch may walk within [`crate::limits::LOOP_BUDGET`] (the first and last
    /// chunk also zero the gradients and step, `P` iterations each); None when not even one pair
    /// fits.
    pub fn pairs_per_dispatch(&self) -> Option<u64> {
        let overhead = 2 * self.param_count() as u64 + 16;
        let room = crate::limits::LOOP_BUDGET.checked_sub(overhead)?;
        let per_pair = self.loop_iterations_per_pair();
        (room >= per_pair).then(|| room / per_pair)
    }
}

impl AttnLesson {
    /// About how many multiply-adds one run of `epochs` epochs takes (forward and backward).
    pub fn work(&self, epochs: u32) -> f64 {
        let AttnDims {
            vocab,
            embed_dim: d,
            attn_dim: a,
            window: w,
        } = self.dims;
        let per_pair = (w * d * (2 * a + d) + d * vocab) as f64;
        per_pair * 3.0 * self.pairs.len() as f64 * f64::from(epochs)
    }

    /// `runs` runs of `epochs` epochs within the limits, checked before anything of their size
    /// is allocated: the work of a run, the parameters of all runs (their moments double it on
    /// the GPU), one epoch's records, and one pair's loop iterations on the GPU.
    pub fn check_sizes(&self, runs: u32, epochs: u32) -> Result<(), String> {
        use crate::limits::{MAX_ATTENTION_WORK, MAX_PARAMETERS, MAX_RECORD_FLOATS, check};
        let work = self.work(epochs);
        if work > MAX_ATTENTION_WORK {
            return Err(format!(
                "this attention run needs about {work:.1e} multiply-adds per run, more than the \
                 limit of {MAX_ATTENTION_WORK:.0e} the attention engine takes for now; use fewer \
                 epochs or words"
            ));
        }
        let runs = u64::from(runs);
        let p = self.dims.param_count() as u64;
        check("the attention model's parameters", p, MAX_PARAMETERS as u64)?;
        check(
            "the parameters of all runs",
            p.saturating_mul(runs),
            MAX_PARAMETERS as u64,
        )?;
        let per_pair = (self.dims.vocab + self.dims.window) as u64;
        let records = runs
            .saturating_mul(self.pairs.len() as u64)
            .saturating_mul(per_pair);
        check(
            "the numbers one epoch records (runs x pairs x (words + window))",
            records,
            MAX_RECORD_FLOATS as u64,
        )?;
        if self.dims.pairs_per_dispatch().is_none() {
            return Err(format!(
                "this attention model is too big for one GPU pass over a pair ({} loop \
                 iterations with its {} parameters, more than the {} a software GPU runs); use \
                 fewer words or a smaller embed_dim",
                self.dims.loop_iterations_per_pair() + 2 * self.dims.param_count() as u64,
                self.dims.param_count(),
                crate::limits::LOOP_BUDGET
            ));
        }
        Ok(())
    }
}

/// The token ids of every sentence in `vocab` (words outside it are left out).
pub fn sentence_ids(sentences: &[String], vocab: &[String]) -> Vec<Vec<u32>> {
    sentences
        .iter()
        .map(|s| {
            crate::lesson::tokenize(s)
                .iter()
                .filter_map(|w| vocab.iter().position(|v| v == w).map(|i| i as u32))
                .collect()
        })
        .collect()
}

/// Initial parameters from `seed`: uniform in ±1 for the embedding and position vectors,
/// Glorot-uniform for the projections and the readout, zero bias; every value exact in f32.
pub fn init_attention(dims: &AttnDims, seed: u64) -> Vec<f64> {
    let o = dims.offsets();
    let (d, a, v) = (
        dims.embed_dim as f64,
        dims.attn_dim as f64,
        dims.vocab as f64,
    );
    let mut rng = SeededRng::new(seed);
    let mut params = vec![0.0; o.total];
    let mut fill = |range: std::ops::Range<usize>, limit: f64| {
        for p in &mut params[range] {
            *p = f64::from(rng.uniform(-limit, limit) as f32);
        }
    };
    fill(o.embedding..o.wq, 1.0);
    fill(o.wq..o.wv, (6.0 / (d + a)).sqrt());
    fill(o.wv..o.w_out, (6.0 / (d + d)).sqrt());
    fill(o.w_out..o.b_out, (6.0 / (d + v)).sqrt());
    params
}

/// The forward pass of one pair, with what the backward pass needs.
#[derive(Clone, Debug, PartialEq)]
pub struct Attended {
    /// x_s = embedding[c_s] + position[L-1-s], per context word (oldest first).
    pub x: Vec<Vec<f64>>,
    pub q: Vec<f64>,
    pub k: Vec<Vec<f64>>,
    pub v: Vec<Vec<f64>>,
    /// The attention weights a_s (sum to 1), oldest word first.
    pub weights: Vec<f64>,
    /// y = x_{L-1} + o.
    pub y: Vec<f64>,
    /// y . w_out + b_out.
    pub logits: Vec<f64>,
    /// The next-word probabilities.
    pub probs: Vec<f64>,
}

/// `x . m` for a row vector `x` (len r) and a row-major r x c matrix `m`.
fn times(x: &[f64], m: &[f64], c: usize) -> Vec<f64> {
    let mut out = vec![0.0; c];
    for (r, xr) in x.iter().enumerate() {
        for (j, o) in out.iter_mut().enumerate() {
            *o += xr * m[r * c + j];
        }
    }
    out
}

fn dot(a: &[f64], b: &[f64]) -> f64 {
    a.iter().zip(b).map(|(x, y)| x * y).sum()
}

/// ATTENTION.md's forward pass for `pair` (its context must hold 1..=W known words).
pub fn attend(dims: &AttnDims, params: &[f64], pair: &AttnPair) -> Attended {
    let o = dims.offsets();
    let (d, a, vocab) = (dims.embed_dim, dims.attn_dim, dims.vocab);
    let l = pair.context.len();
    let x: Vec<Vec<f64>> = pair
        .context
        .iter()
        .enumerate()
        .map(|(s, &c)| {
            let e = o.embedding + c as usize * d;
            let p = o.position + (l - 1 - s) * d;
            (0..d).map(|i| params[e + i] + params[p + i]).collect()
        })
        .collect();
    let last = &x[l - 1];
    let q = times(last, &params[o.wq..o.wk], a);
    let k: Vec<Vec<f64>> = x
        .iter()
        .map(|xs| times(xs, &params[o.wk..o.wv], a))
        .collect();
    let v: Vec<Vec<f64>> = x
        .iter()
        .map(|xs| times(xs, &params[o.wv..o.w_out], d))
        .collect();
    let scale = (a as f64).sqrt();
    let scores: Vec<f64> = k.iter().map(|ks| dot(&q, ks) / scale).collect();
    let weights = softmax(&scores);
    let mut y = last.clone();
    for (ws, vs) in weights.iter().zip(&v) {
        for (yi, vi) in y.iter_mut().zip(vs) {
            *yi += ws * vi;
        }
    }
    let mut logits = times(&y, &params[o.w_out..o.b_out], vocab);
    for (z, b) in logits.iter_mut().zip(&params[o.b_out..o.total]) {
        *z += b;
    }
    let probs = softmax(&logits);
    Attended {
        x,
        q,
        k,
        v,
        weights,
        y,
        logits,
        probs,
    }
}

/// The mean loss over `pairs`: (1/N) sum -ln p[target].
pub fn attention_loss(dims: &AttnDims, params: &[f64], pairs: &[AttnPair]) -> f64 {
    let n = pairs.len().max(1) as f64;
    pairs
        .iter()
        .map(|pair| -attend(dims, params, pair).probs[pair.target as usize].ln())
        .sum::<f64>()
        / n
}

/// ATTENTION.md's backward pass: the gradient of the mean loss, summed over `pairs`.
pub fn attention_gradients(dims: &AttnDims, params: &[f64], pairs: &[AttnPair]) -> Vec<f64> {
    let o = dims.offsets();
    let (d, a, vocab) = (dims.embed_dim, dims.attn_dim, dims.vocab);
    let n = pairs.len().max(1) as f64;
    let scale = (a as f64).sqrt();
    let mut g = vec![0.0; o.total];
    for pair in pairs {
        let f = attend(dims, params, pair);
        let l = pair.context.len();
        let mut dlogits = f.probs.clone();
        dlogits[pair.target as usize] -= 1.0;
        dlogits.iter_mut().for_each(|z| *z /= n);
        // Readout.
        for i in 0..d {
            for j in 0..vocab {
                g[o.w_out + i * vocab + j] += f.y[i] * dlogits[j];
            }
        }
        for j in 0..vocab {
            g[o.b_out + j] += dlogits[j];
        }
        let dy: Vec<f64> = (0..d)
            .map(|i| {
                (0..vocab)
                    .map(|j| dlogits[j] * params[o.w_out + i * vocab + j])
                    .sum()
            })
            .collect();
        // Attention.
        let mut dx = vec![vec![0.0; d]; l];
        dx[l - 1].iter_mut().zip(&dy).for_each(|(x, y)| *x += y);
        let da: Vec<f64> = f.v.iter().map(|vs| dot(&dy, vs)).collect();
        let mean_da = dot(&f.weights, &da);
        let dscore: Vec<f64> = (0..l).map(|s| f.weights[s] * (da[s] - mean_da)).collect();
        let mut dq = vec![0.0; a];
        for s in 0..l {
            for (dqi, ki) in dq.iter_mut().zip(&f.k[s]) {
                *dqi += dscore[s] * ki / scale;
            }
        }
        for i in 0..d {
            for j in 0..a {
                g[o.wq + i * a + j] += f.x[l - 1][i] * dq[j];
                dx[l - 1][i] += dq[j] * params[o.wq + i * a + j];
            }
        }
        for s in 0..l {
            let dk: Vec<f64> = f.q.iter().map(|qi| dscore[s] * qi / scale).collect();
            let dv: Vec<f64> = dy.iter().map(|di| f.weights[s] * di).collect();
            for i in 0..d {
                for j in 0..a {
                    g[o.wk + i * a + j] += f.x[s][i] * dk[j];
                    dx[s][i] += dk[j] * params[o.wk + i * a + j];
                }
                for j in 0..d {
                    g[o.wv + i * d + j] += f.x[s][i] * dv[j];
                    dx[s][i] += dv[j] * params[o.wv + i * d + j];
                }
            }
        }
        // Scatter into the word and position vectors.
        for (s, &c) in pair.context.iter().enumerate() {
            for i in 0..d {
                g[o.embedding + c as usize * d + i] += dx[s][i];
                g[o.position + (l - 1 - s) * d + i] += dx[s][i];
            }
        }
    }
    g
}

/// Writes `words` words after `prompt` (word ids, at least one) with MODEL.md's sampling, the
/// context being the text's last W words (ATTENTION.md), drawing with the generator seeded with
/// `seed`.
pub fn write_attention(
    dims: &AttnDims,
    params: &[f64],
    prompt: &[u32],
    words: usize,
    sampling: super::sample::Sampling,
    seed: u64,
) -> Vec<super::sample::WrittenWord> {
    let window = dims.window.max(1);
    super::sample::write_with(
        prompt,
        words,
        sampling,
        seed,
        |text| (!text.is_empty()).then(|| text[text.len().saturating_sub(window)..].to_vec()),
        |context| {
            let pair = AttnPair {
                context: context.to_vec(),
                target: 0,
            };
            attend(dims, params, &pair).logits
        },
    )
}

/// One epoch of an attention run: the loss, and per pair the probabilities and attention
/// weights (oldest word first), as ATTENTION.md's epoch lines carry them.
#[derive(Clone, Debug, PartialEq)]
pub struct AttnEpoch {
    pub epoch: u32,
    pub loss: f64,
    pub probs: Vec<Vec<f64>>,
    pub attention: Vec<Vec<f64>>,
}

/// One attention run on the CPU: epoch 0 is the untrained model; each step is one full-batch
/// update with MODEL.md's optimizer.
#[derive(Clone, Debug)]
pub struct AttnRun {
    pub dims: AttnDims,
    pub params: Vec<f64>,
    lr: f64,
    optimizer: OptimizerState,
    pub epoch: u32,
}

impl AttnRun {
    pub fn new(dims: AttnDims, kind: OptimizerKind, lr: f64, params: Vec<f64>) -> Self {
        let n = params.len();
        Self {
            dims,
            params,
            lr,
            optimizer: OptimizerState::new(kind, n),
            epoch: 0,
        }
    }

    /// The loss, probabilities and attention weights at the current epoch.
    pub fn record(&self, pairs: &[AttnPair]) -> AttnEpoch {
        let passes: Vec<Attended> = pairs
            .iter()
            .map(|p| attend(&self.dims, &self.params, p))
            .collect();
        AttnEpoch {
            epoch: self.epoch,
            loss: attention_loss(&self.dims, &self.params, pairs),
            probs: passes.iter().map(|f| f.probs.clone()).collect(),
            attention: passes.into_iter().map(|f| f.weights).collect(),
        }
    }

    /// One full-batch step.
    pub fn step(&mut self, pairs: &[AttnPair]) {
        let grad = attention_gradients(&self.dims, &self.params, pairs);
        self.optimizer.step(&mut self.params, &grad, self.lr);
        self.epoch += 1;
    }
}

#[cfg(test)]
#[path = "attention_tests.rs"]
mod tests;
