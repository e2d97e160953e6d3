//! `nextword train` on an attention lesson: trains it with the attention engine
//! ([`crate::engine::attention`], one GPU thread per run) and prints ATTENTION.md's output
//! contract: a header whose model is `{"kind":"attention",...}`, then one line per run per epoch
//! with the loss, the probabilities and the attention weights of every pair (`--params`: every
//! parameter). CSV carries the loss; the table shows where each pair looks.
//!
//! One thread walks all of a run's pairs, so the work is checked first
//! ([`AttnLesson::check_sizes`]): a run past [`crate::limits::MAX_ATTENTION_WORK`] multiply-adds
//! is refused in one line instead of running for hours.

use std::io::Write;

use anyhow::bail;
use serde::Serialize;

use super::train::TrainArgs;
use super::train_output::{Format, OptimizerOut};
use crate::engine::attention::AttnTrainer;
use crate::lesson::Lesson;
use crate::model::attention::{AttnDims, AttnLesson, AttnPair};

/// One run's records at one epoch, as the engine wrote them.
struct EpochLine<'a> {
    run: u32,
    epoch: u32,
    loss: f32,
    probs: &'a [Vec<f32>],
    attention: &'a [Vec<f32>],
}

#[derive(Serialize)]
struct PairOut<'a> {
    context: Vec<&'a str>,
    target: &'a str,
}

/// The header's model (ATTENTION.md's contract), for `train` and `generate`.
#[derive(Serialize)]
pub(super) struct ModelOut {
    kind: &'static str,
    embed_dim: usize,
    attn_dim: usize,
    window: usize,
    parameters: usize,
}

impl ModelOut {
    pub(super) fn of(dims: &AttnDims) -> Self {
        Self {
            kind: "attention",
            embed_dim: dims.embed_dim,
            attn_dim: dims.attn_dim,
            window: dims.window,
            parameters: dims.param_count(),
        }
    }
}

#[derive(Serialize)]
struct HeaderOut<'a> {
    #[serde(rename = "type")]
    kind: &'static str,
    lesson: &'a str,
    vocab: &'a [String],
    pairs: Vec<PairOut<'a>>,
    model: ModelOut,
    optimizer: OptimizerOut,
    runs: u32,
    seeds: Vec<u64>,
    adapter: String,
}

#[derive(Serialize)]
struct EpochOut<'a> {
    #[serde(rename = "type")]
    kind: &'static str,
    run: u32,
    epoch: u32,
    loss: f32,
    probs: &'a [Vec<f32>],
    attention: &'a [Vec<f32>],
    #[serde(skip_serializing_if = "Option::is_none")]
    params: Option<ParamsOut<'a>>,
}

/// ATTENTION.md's parameters by name, row-major matrices as lists of rows.
#[derive(Serialize)]
struct ParamsOut<'a> {
    embedding: Vec<&'a [f32]>,
    position: Vec<&'a [f32]>,
    wq: Vec<&'a [f32]>,
    wk: Vec<&'a [f32]>,
    wv: Vec<&'a [f32]>,
    w_out: Vec<&'a [f32]>,
    b_out: &'a [f32],
}

impl<'a> ParamsOut<'a> {
    fn new(flat: &'a [f32], dims: &AttnDims) -> Self {
        let o = dims.offsets();
        let (d, a, v) = (dims.embed_dim, dims.attn_dim, dims.vocab);
        let rows = |from: usize, to: usize, width: usize| flat[from..to].chunks(width).collect();
        Self {
            embedding: rows(o.embedding, o.position, d),
            position: rows(o.position, o.wq, d),
            wq: rows(o.wq, o.wk, a),
            wk: rows(o.wk, o.wv, a),
            wv: rows(o.wv, o.w_out, d),
            w_out: rows(o.w_out, o.b_out, v),
            b_out: &flat[o.b_out..o.total],
        }
    }
}

/// Flags that shape the MLP only: refused for an attention lesson.
fn check_flags(args: &TrainArgs) -> anyhow::Result<()> {
    for (flag, given) in [
        ("--hidden", args.hidden.is_some()),
        ("--context", args.context.is_some()),
        ("--activation", args.activation.is_some()),
    ] {
        if given {
            bail!(
                "{flag} shapes the MLP; an attention lesson has no hidden layer (it reads a window of words)"
            );
        }
    }
    Ok(())
}

/// Trains `lesson` (an attention lesson) with the attention engine and prints every epoch.
pub fn run(args: &TrainArgs, lesson: &Lesson) -> anyhow::Result<()> {
    check_flags(args)?;
    let Some(attn) = AttnLesson::of(lesson)? else {
        bail!("{} is not an attention lesson", lesson.id);
    };
    attn.check_sizes(lesson.runs, lesson.epochs)
        .map_err(anyhow::Error::msg)?;
    let AttnLesson { vocab, dims, pairs } = attn;
    let vocab = &vocab;
    if let Some(warning) = lesson.tiny_lr_warning() {
        eprintln!("{warning}");
    }
    let gpu = crate::gpu::GpuContext::headless()?;
    let (device, queue) = (&gpu.device, &gpu.queue);
    let mut engine = AttnTrainer::from_seeds(
        device,
        dims,
        pairs.clone(),
        lesson.optimizer,
        &lesson.seeds(),
        &lesson.lr_per_run(),
    );
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let header = HeaderOut {
        kind: "header",
        lesson: &lesson.id,
        vocab,
        pairs: pairs
            .iter()
            .map(|p| PairOut {
                context: p
                    .context
                    .iter()
                    .map(|&c| vocab[c as usize].as_str())
                    .collect(),
                target: &vocab[p.target as usize],
            })
            .collect(),
        model: ModelOut::of(&dims),
        optimizer: OptimizerOut::of(lesson),
        runs: lesson.runs,
        seeds: lesson.seeds(),
        adapter: gpu.adapter_label(),
    };
    write_header(&mut out, args.format, &header)?;
    loop {
        let params = args.params.then(|| engine.read_params(device, queue));
        let records = if engine.epoch < lesson.epochs {
            engine.step_recorded(device, queue)
        } else {
            engine.record(device, queue)
        };
        for r in 0..lesson.runs as usize {
            let line = EpochLine {
                run: r as u32,
                epoch: records.epoch,
                loss: records.loss[r],
                probs: &records.probs[r],
                attention: &records.attention[r],
            };
            let run_params = params.as_ref().map(|p| p[r].as_slice());
            write_epoch(
                &mut out,
                args.format,
                &line,
                &pairs,
                vocab,
                run_params,
                &dims,
            )?;
        }
        if records.epoch >= lesson.epochs {
            break;
        }
    }
    out.flush()?;
    Ok(())
}

fn write_header(
    out: &mut impl Write,
    format: Format,
    header: &HeaderOut<'_>,
) -> anyhow::Result<()> {
    match format {
        Format::Jsonl => writeln!(out, "{}", serde_json::to_string(header)?)?,
        Format::Csv => writeln!(out, "run,epoch,loss")?,
        Format::Table => {
            let m = &header.model;
            writeln!(
                out,
                "lesson   {}  ({} words, {} pairs)\nmodel    attention: embed {}, query/key {}, \
                 window {}, {} parameters\ntraining {} lr {:?}, {} run(s), seeds {:?}\nadapter  {}",
                header.lesson,
                header.vocab.len(),
                header.pairs.len(),
                m.embed_dim,
                m.attn_dim,
                m.window,
                m.parameters,
                header.optimizer.name(),
                header.optimizer.lr(),
                header.runs,
                header.seeds,
                header.adapter
            )?;
            writeln!(
                out,
                "(each line: P(true next word) and where attention looks, oldest word first)"
            )?;
        }
    }
    Ok(())
}

fn write_epoch(
    out: &mut impl Write,
    format: Format,
    record: &EpochLine<'_>,
    pairs: &[AttnPair],
    vocab: &[String],
    params: Option<&[f32]>,
    dims: &AttnDims,
) -> anyhow::Result<()> {
    match format {
        Format::Jsonl => {
            let line = EpochOut {
                kind: "epoch",
                run: record.run,
                epoch: record.epoch,
                loss: record.loss,
                probs: record.probs,
                attention: record.attention,
                params: params.map(|p| ParamsOut::new(p, dims)),
            };
            writeln!(out, "{}", serde_json::to_string(&line)?)?;
        }
        Format::Csv => writeln!(out, "{},{},{}", record.run, record.epoch, record.loss)?,
        Format::Table => {
            writeln!(
                out,
                "\nepoch {:>5}  run {:>3}  loss {:.6}",
                record.epoch, record.run, record.loss
            )?;
            for (j, pair) in pairs.iter().enumerate() {
                let words: Vec<String> = pair
                    .context
                    .iter()
                    .zip(&record.attention[j])
                    .map(|(&c, a)| format!("{} {a:.2}", vocab[c as usize]))
                    .collect();
                writeln!(
                    out,
                    "  -> {:<10} P {:.4}   [{}]",
                    vocab[pair.target as usize],
                    record.probs[j][pair.target as usize],
                    words.join(", ")
                )?;
            }
        }
    }
    Ok(())
}
