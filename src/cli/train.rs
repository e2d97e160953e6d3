//! `nextword train`: trains a lesson on the GPU and prints every epoch of every run as a table,
//! CSV or JSON lines (the output contract of MODEL.md).
//!
//! Flags override the lesson. Training streams: the history holds as many epochs as fit in a GPU
//! buffer; after each chunk the CLI reads it back, prints it and starts a fresh history.

use std::io::Write;

use anyhow::{Context, bail};

use super::train_output::{EpochRow, Format, Header, OutputWriter};
use crate::engine::{HistoryReadout, Trainer, TrainingSetup};
use crate::gpu::GpuContext;
use crate::lesson::{Activation, Lesson, OptimizerKind};
use crate::model::Dims;

#[derive(clap::Args, Debug, Clone)]
pub struct TrainArgs {
    /// A built-in lesson id (see `nextword lessons`) or a path to a lesson .toml file.
    #[arg(long, default_value = "cat-sat")]
    pub lesson: String,
    #[command(flatten)]
    pub text: super::text_args::TextArgs,
    /// Epochs to train (the lesson's own count by default).
    #[arg(long)]
    pub epochs: Option<u32>,
    /// Runs trained side by side.
    #[arg(long)]
    pub runs: Option<u32>,
    /// Learning rates: one for all runs, or one per run (comma-separated).
    #[arg(long, value_delimiter = ',', allow_negative_numbers = true)]
    pub lr: Option<Vec<f64>>,
    /// Seed of the initial weights.
    #[arg(long)]
    pub seed: Option<u64>,
    #[arg(long)]
    pub optimizer: Option<OptimizerKind>,
    #[arg(long)]
    pub activation: Option<Activation>,
    #[arg(long)]
    pub embed_dim: Option<usize>,
    #[arg(long)]
    pub hidden: Option<usize>,
    /// Context length k: how many previous words the model sees.
    #[arg(long)]
    pub context: Option<usize>,
    #[arg(long, value_enum, default_value_t = Format::Table)]
    pub format: Format,
    /// Print every epoch's parameters too (jsonl only; slower: one readback per epoch).
    #[arg(long)]
    pub params: bool,
}

/// The lesson with every flag applied and checked.
pub fn resolve_lesson(args: &TrainArgs) -> anyhow::Result<Lesson> {
    let mut lesson = args.text.lesson(&args.lesson)?;
    if let Some(epochs) = args.epochs {
        lesson.epochs = epochs;
    }
    if let Some(runs) = args.runs {
        if runs == 0 {
            bail!("--runs must be at least 1");
        }
        lesson.runs = runs;
        if lesson.lr.len() > 1 && args.lr.is_none() {
            lesson.lr.truncate(1);
        }
    }
    if let Some(lr) = &args.lr {
        if let Some(bad) = lr.iter().find(|x| !(x.is_finite() && **x > 0.0)) {
            bail!("--lr must be finite numbers greater than 0, got {bad}");
        }
        if args.runs.is_none() && lr.len() > 1 {
            lesson.runs = lr.len() as u32;
        }
        lesson.lr = lr.clone();
    }
    if lesson.lr.len() != 1 && lesson.lr.len() != lesson.runs as usize {
        bail!(
            "--lr gives {} learning rates for {} runs; give one, or one per run",
            lesson.lr.len(),
            lesson.runs
        );
    }
    if let Some(seed) = args.seed {
        lesson.seed = seed;
    }
    if let Some(optimizer) = args.optimizer {
        lesson.optimizer = optimizer;
    }
    if let Some(activation) = args.activation {
        lesson.model.activation = activation;
    }
    for (flag, value, field) in [
        ("--embed-dim", args.embed_dim, &mut lesson.model.embed_dim),
        ("--hidden", args.hidden, &mut lesson.model.hidden),
        ("--context", args.context, &mut lesson.model.context),
    ] {
        if let Some(value) = value {
            if value == 0 {
                bail!("{flag} must be at least 1");
            }
            *field = value;
        }
    }
    if args.params && args.format != Format::Jsonl {
        bail!("--params needs --format jsonl");
    }
    Ok(lesson)
}

/// Trains `lesson` (an MLP lesson, flags applied by [`resolve_lesson`]) and prints it.
pub fn run(args: &TrainArgs, lesson: Lesson) -> anyhow::Result<()> {
    let corpus = lesson
        .corpus()
        .with_context(|| format!("lesson {}", lesson.id))?;
    if let Some(warning) = lesson.tiny_lr_warning() {
        eprintln!("{warning}");
    }
    let gpu = GpuContext::headless()?;
    let mut setup = TrainingSetup::from_lesson(&lesson, &corpus);
    setup.recorded_pairs = (0..corpus.pairs.len() as u32).collect();
    setup.history_capacity = if args.params {
        2
    } else {
        lesson.epochs.saturating_add(1).min(4096)
    };
    let mut trainer = Trainer::new(&gpu.device, &gpu.queue, &setup)?;

    let stdout = std::io::stdout();
    let mut out = OutputWriter::new(stdout.lock(), args.format);
    let dims = Dims::from_spec(corpus.vocab.len(), &lesson.model);
    out.header(&Header::new(&lesson, &corpus, &dims, &gpu.adapter_label()))?;

    let mut printed = 0u32; // epochs already printed (0..printed)
    loop {
        let history = HistoryReadout::read(&trainer, &gpu.device, &gpu.queue);
        let params = args
            .params
            .then(|| trainer.read_params(&gpu.device, &gpu.queue));
        let fresh: Vec<(u32, u32)> = history
            .recorded_epochs()
            .filter(|(e, _)| *e >= printed)
            .collect();
        for (epoch, slot) in fresh {
            for run in 0..setup.runs() as u32 {
                let row = EpochRow::from_history(&history, run, epoch, slot, corpus.pairs.len());
                let row_params = params
                    .as_ref()
                    .filter(|_| epoch == trainer.epoch())
                    .map(|p| p[run as usize].as_slice());
                out.epoch(&row, row_params.map(|p| (p, &dims)))?;
            }
            printed = epoch + 1;
        }
        if trainer.epoch() >= lesson.epochs {
            break;
        }
        trainer.rebase_history();
        let room = trainer.layout().capacity - 1;
        let chunk = (lesson.epochs - trainer.epoch()).min(room);
        trainer.train(&gpu.device, &gpu.queue, chunk);
    }
    out.finish()?;
    std::io::stdout().flush()?;
    Ok(())
}
