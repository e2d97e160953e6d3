//! `nextword bench`: training throughput (GPU engine vs CPU reference) for the three benchmark
//! cases of the README, then the scene's frame rate, then the full window frame's
//! ([`super::bench_frame`]).

use super::bench_frame::window_frame_table;
use crate::engine::bench::bench_training;
use crate::engine::{KernelChoice, TrainingSetup};
use crate::gpu::GpuContext;
use crate::lesson::{self, Activation, OptimizerKind, synthetic::large_benchmark_corpus};
use crate::model::{Dims, init_params};
use crate::scene::bench::{BenchOptions, bench_scene};

#[derive(clap::Args, Debug)]
pub struct BenchArgs {
    /// Seconds each timing runs at least.
    #[arg(long, default_value_t = 2.0, value_parser = super::values::positive_f64)]
    pub secs: f64,
    /// Only the training benchmark (skip the scene's frame rate).
    #[arg(long)]
    pub training_only: bool,
    /// Only the frame rates: the scene's and the full window frame's (skip training).
    #[arg(long, conflicts_with = "training_only")]
    pub scene_only: bool,
    /// Only the full window frame (scene, labels and overlay while training).
    #[arg(long, conflicts_with_all = ["training_only", "scene_only"])]
    pub frame_only: bool,
    /// Frames per full-window-frame measurement.
    #[arg(long, default_value_t = 120)]
    pub frames: u32,
    /// The lesson of the full-window-frame measurement (an id or a lesson file).
    #[arg(long, default_value = "cat-sat")]
    pub frame_lesson: String,
    /// Training cases to run, of a, b, c (the MLP) and d, e (attention) (all by default).
    #[arg(long, default_value = "abcde")]
    pub cases: String,
    /// The training driver: auto (what lessons use), workgroup, per-run, unrolled or layered.
    #[arg(long, default_value = "auto", value_parser = parse_driver)]
    pub driver: KernelChoice,
}

fn parse_driver(text: &str) -> Result<KernelChoice, String> {
    Ok(match text {
        "auto" => KernelChoice::Auto,
        "workgroup" => KernelChoice::FusedWorkgroup,
        "per-run" => KernelChoice::FusedPerRun,
        "unrolled" => KernelChoice::FusedUnrolled,
        "layered" => KernelChoice::Layered {
            max_chunk: usize::MAX,
        },
        _ => {
            return Err(format!(
                "unknown driver `{text}`: expected auto, workgroup, per-run, unrolled or layered"
            ));
        }
    })
}

/// cat-sat with `runs` runs, learning rates spread from 0.001 to 0.1.
fn cat_sat(runs: usize) -> anyhow::Result<TrainingSetup> {
    let lesson = lesson::load_builtin("cat-sat")?;
    let corpus = lesson.corpus()?;
    let mut setup = TrainingSetup::from_lesson(&lesson, &corpus);
    setup.lrs = (0..runs)
        .map(|r| 0.001 * 100f64.powf(r as f64 / runs.max(2) as f64))
        .collect();
    setup.initial_params = (0..runs as u64)
        .map(|r| init_params(&setup.dims, lesson.seed + r))
        .collect();
    Ok(setup)
}

/// The synthetic large lesson: ~2,000 words, embed 64, hidden 128, context 2, 20,000 pairs.
fn large() -> anyhow::Result<TrainingSetup> {
    let corpus = large_benchmark_corpus()?;
    let dims = Dims {
        vocab: corpus.vocab.len(),
        embed_dim: 64,
        hidden: 128,
        context: 2,
    };
    Ok(TrainingSetup {
        dims,
        activation: Activation::Tanh,
        optimizer: OptimizerKind::Adam,
        lrs: vec![0.001],
        initial_params: vec![init_params(&dims, 7)],
        recorded_pairs: crate::engine::default_recorded_pairs(&dims, corpus.pairs.len()),
        pairs: corpus.pairs,
        history_capacity: 64,
        kernels: crate::engine::KernelChoice::Auto,
    })
}

pub fn run(args: &BenchArgs) -> anyhow::Result<()> {
    let gpu = GpuContext::headless()?;
    println!("adapter: {}", gpu.adapter_label());
    if !args.scene_only && !args.frame_only {
        training(&gpu, args)?;
    }
    if !args.training_only && !args.frame_only {
        println!();
        print!("{}", bench_scene(&gpu, &BenchOptions::default())?);
    }
    if !args.training_only {
        println!();
        let sizes = [(1280, 720), (1920, 1080)];
        print!(
            "{}",
            window_frame_table(&gpu, &args.frame_lesson, &sizes, args.frames.max(1))?
        );
    }
    Ok(())
}

fn training(gpu: &GpuContext, args: &BenchArgs) -> anyhow::Result<()> {
    println!("training throughput (each timing >= {} s):", args.secs);
    let cases = [
        ("(a) cat-sat, 1 run", cat_sat(1)?),
        ("(b) cat-sat, 1,024 parallel runs", cat_sat(1024)?),
        ("(c) synthetic large lesson", large()?),
    ];
    let chosen = cases
        .iter()
        .zip(['a', 'b', 'c'])
        .filter(|(_, key)| args.cases.contains(*key));
    for ((name, setup), _) in chosen {
        let mut setup = setup.clone();
        setup.kernels = args.driver;
        match bench_training(gpu, name, &setup, args.secs) {
            Ok(figures) => println!("{figures}"),
            // A driver that cannot train this case (too big for it) is a line, not the end.
            Err(e) => println!("{name}: {e}"),
        }
    }
    attention_cases(gpu, args)
}

/// The attention lesson's text with 1 and 1,024 runs (cases d and e).
fn attention_cases(gpu: &GpuContext, args: &BenchArgs) -> anyhow::Result<()> {
    use crate::engine::attention_bench::bench_attention;
    use crate::model::attention::AttnLesson;
    let text = include_str!("../../assets/lessons/attention.toml");
    let lesson = lesson::parse_lesson(text, "assets/lessons/attention.toml", "attention")?;
    let Some(AttnLesson { dims, pairs, .. }) = AttnLesson::of(&lesson)? else {
        anyhow::bail!("the attention lesson lost its kind");
    };
    for (key, name, runs) in [
        ('d', "(d) attention lesson, 1 run", 1),
        ('e', "(e) attention lesson, 1,024 parallel runs", 1024),
    ] {
        if args.cases.contains(key) {
            let line =
                bench_attention(&gpu.device, &gpu.queue, name, dims, &pairs, runs, args.secs);
            println!("{line}");
        }
    }
    Ok(())
}
