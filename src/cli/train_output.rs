//! The three output formats of `nextword train` (MODEL.md's contract): JSON lines, CSV and a
//! table for people. All carry the engine's f32 numbers; only jsonl can carry parameters.

use std::io::Write;

use serde::Serialize;

use crate::engine::HistoryReadout;
use crate::lesson::{Corpus, Lesson};
use crate::model::Dims;

#[derive(clap::ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Table,
    Csv,
    Jsonl,
}

#[derive(Serialize)]
struct PairOut {
    context: Vec<String>,
    target: String,
}

#[derive(Serialize)]
struct ModelOut {
    /// "mlp" (MODEL.md) or "attention" (ATTENTION.md).
    kind: &'static str,
    embed_dim: usize,
    hidden: usize,
    context: usize,
    activation: &'static str,
    parameters: usize,
}

/// The header's optimizer: its name and one learning rate per run (both model kinds).
#[derive(Serialize)]
pub(super) struct OptimizerOut {
    name: &'static str,
    lr: Vec<f64>,
}

impl OptimizerOut {
    pub(super) fn of(lesson: &Lesson) -> Self {
        Self {
            name: lesson.optimizer.name(),
            lr: lesson.lr_per_run(),
        }
    }

    pub(super) fn name(&self) -> &str {
        self.name
    }

    pub(super) fn lr(&self) -> &[f64] {
        &self.lr
    }
}

/// The first jsonl line.
#[derive(Serialize)]
pub struct Header {
    #[serde(rename = "type")]
    kind: &'static str,
    lesson: String,
    vocab: Vec<String>,
    pairs: Vec<PairOut>,
    model: ModelOut,
    optimizer: OptimizerOut,
    runs: u32,
    seeds: Vec<u64>,
    adapter: String,
}

impl Header {
    pub fn new(lesson: &Lesson, corpus: &Corpus, dims: &Dims, adapter: &str) -> Self {
        Self {
            kind: "header",
            lesson: lesson.id.clone(),
            vocab: corpus.vocab.clone(),
            pairs: corpus
                .pairs
                .iter()
                .map(|p| PairOut {
                    context: corpus
                        .context_words(p)
                        .into_iter()
                        .map(str::to_owned)
                        .collect(),
                    target: corpus.vocab[p.target as usize].clone(),
                })
                .collect(),
            model: ModelOut {
                kind: "mlp",
                embed_dim: dims.embed_dim,
                hidden: dims.hidden,
                context: dims.context,
                activation: lesson.model.activation.name(),
                parameters: dims.param_count(),
            },
            optimizer: OptimizerOut::of(lesson),
            runs: lesson.runs,
            seeds: lesson.seeds(),
            adapter: adapter.to_owned(),
        }
    }
}

/// One run at one epoch, as the engine recorded it.
pub struct EpochRow {
    pub run: u32,
    pub epoch: u32,
    pub loss: f32,
    pub probs: Vec<Vec<f32>>,
    pub diverged: bool,
}

impl EpochRow {
    pub fn from_history(
        history: &HistoryReadout,
        run: u32,
        epoch: u32,
        slot: u32,
        pairs: usize,
    ) -> Self {
        Self {
            run,
            epoch,
            loss: history.loss(run, slot),
            probs: (0..pairs as u32)
                .map(|j| history.probs(run, slot, j).to_vec())
                .collect(),
            diverged: history.diverged(run, epoch),
        }
    }
}

#[derive(Serialize)]
struct ParamsOut<'a> {
    embedding: Vec<&'a [f32]>,
    w1: Vec<&'a [f32]>,
    b1: &'a [f32],
    w2: Vec<&'a [f32]>,
    b2: &'a [f32],
}

impl<'a> ParamsOut<'a> {
    fn new(flat: &'a [f32], dims: &Dims) -> Self {
        let o = dims.offsets();
        Self {
            embedding: flat[o.embedding..o.w1].chunks(dims.embed_dim).collect(),
            w1: flat[o.w1..o.b1].chunks(dims.hidden).collect(),
            b1: &flat[o.b1..o.w2],
            w2: flat[o.w2..o.b2].chunks(dims.vocab).collect(),
            b2: &flat[o.b2..o.total],
        }
    }
}

#[derive(Serialize)]
struct EpochOut<'a> {
    #[serde(rename = "type")]
    kind: &'static str,
    run: u32,
    epoch: u32,
    /// `null` when not finite (JSON has no NaN).
    loss: f32,
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    diverged: bool,
    probs: &'a [Vec<f32>],
    #[serde(skip_serializing_if = "Option::is_none")]
    params: Option<ParamsOut<'a>>,
}

/// Writes the header and epoch rows in one format.
pub struct OutputWriter<W: Write> {
    out: W,
    format: Format,
    vocab: Vec<String>,
    pair_names: Vec<(String, u32)>,
}

impl<W: Write> OutputWriter<W> {
    pub fn new(out: W, format: Format) -> Self {
        Self {
            out,
            format,
            vocab: Vec::new(),
            pair_names: Vec::new(),
        }
    }

    pub fn header(&mut self, header: &Header) -> std::io::Result<()> {
        self.vocab = header.vocab.clone();
        self.pair_names = header
            .pairs
            .iter()
            .map(|p| {
                let target = self.vocab.iter().position(|w| *w == p.target).unwrap_or(0) as u32;
                (format!("{} -> {}", p.context.join(" "), p.target), target)
            })
            .collect();
        match self.format {
            Format::Jsonl => writeln!(self.out, "{}", serde_json::to_string(header)?),
            Format::Csv => {
                let mut columns = vec![
                    "run".to_owned(),
                    "epoch".into(),
                    "loss".into(),
                    "diverged".into(),
                ];
                for j in 0..header.pairs.len() {
                    columns.extend(self.vocab.iter().map(|w| format!("p{j}_{w}")));
                }
                writeln!(self.out, "{}", columns.join(","))
            }
            Format::Table => {
                let m = &header.model;
                writeln!(
                    self.out,
                    "lesson   {}  ({} words, {} pairs)",
                    header.lesson,
                    header.vocab.len(),
                    header.pairs.len()
                )?;
                writeln!(
                    self.out,
                    "model    embed {} x hidden {} ({}), context {}, {} parameters",
                    m.embed_dim, m.hidden, m.activation, m.context, m.parameters
                )?;
                let lrs: Vec<String> = header.optimizer.lr.iter().map(|x| x.to_string()).collect();
                writeln!(
                    self.out,
                    "training {} lr {}, {} run(s), seeds {:?}",
                    header.optimizer.name,
                    lrs.join(","),
                    header.runs,
                    header.seeds
                )?;
                writeln!(self.out, "adapter  {}", header.adapter)?;
                writeln!(
                    self.out,
                    "(each line: P(next word | context) for every word; * marks the true next word)"
                )
            }
        }
    }

    pub fn epoch(
        &mut self,
        row: &EpochRow,
        params: Option<(&[f32], &Dims)>,
    ) -> std::io::Result<()> {
        match self.format {
            Format::Jsonl => {
                let line = EpochOut {
                    kind: "epoch",
                    run: row.run,
                    epoch: row.epoch,
                    loss: row.loss,
                    diverged: row.diverged,
                    probs: &row.probs,
                    params: params.map(|(flat, dims)| ParamsOut::new(flat, dims)),
                };
                writeln!(self.out, "{}", serde_json::to_string(&line)?)
            }
            Format::Csv => {
                let mut cells = vec![
                    row.run.to_string(),
                    row.epoch.to_string(),
                    row.loss.to_string(),
                    row.diverged.to_string(),
                ];
                cells.extend(row.probs.iter().flatten().map(|p| p.to_string()));
                writeln!(self.out, "{}", cells.join(","))
            }
            Format::Table => {
                let state = if row.diverged { "  DIVERGED" } else { "" };
                writeln!(
                    self.out,
                    "\nepoch {:>5}  run {:>3}  loss {:.6}{state}",
                    row.epoch, row.run, row.loss
                )?;
                for ((name, target), probs) in self.pair_names.iter().zip(&row.probs) {
                    let cells: Vec<String> = self
                        .vocab
                        .iter()
                        .zip(probs)
                        .enumerate()
                        .map(|(v, (w, p))| {
                            format!("{w} {p:.4}{}", if v as u32 == *target { "*" } else { "" })
                        })
                        .collect();
                    writeln!(self.out, "  {name:<24} {}", cells.join("  "))?;
                }
                Ok(())
            }
        }
    }

    pub fn finish(&mut self) -> std::io::Result<()> {
        self.out.flush()
    }
}
