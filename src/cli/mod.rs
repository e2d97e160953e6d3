//! The command line: `nextword` opens the window; `train`, `render`, `narrate`, `generate`,
//! `lessons` and `bench` are subcommands. Each subcommand lives in its own file with its clap arguments beside it.
//! Errors surface as one line on stderr and a non-zero exit (see `main.rs`).

pub mod bench;
pub mod bench_frame;
pub mod comfort_args;
mod frames;
pub mod generate;
pub mod generate_attention;
pub mod lessons;
pub mod narrate;
mod narrate_attention;
mod progress;
pub mod render;
mod render_attention;
pub mod text_args;
pub mod train;
pub mod train_attention;
mod train_output;
mod values;
pub mod window;

use clap::{Parser, Subcommand};

#[cfg(test)]
mod tests {
    #[test]
    fn an_error_is_said_once() {
        let io = std::io::Error::other("Is a directory");
        let err = anyhow::Error::new(io).context("x: cannot read: Is a directory");
        assert_eq!(super::error_line(&err), "x: cannot read: Is a directory");
        let err = anyhow::anyhow!("inner").context("outer");
        assert_eq!(super::error_line(&err), "outer: inner");
    }
}

#[derive(Parser, Debug)]
#[command(
    name = "nextword",
    version,
    about = "Watch a neural network learn language, on the GPU."
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,
    #[command(flatten)]
    pub window: window::WindowArgs,
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// Train a lesson on the GPU and print every epoch (table, csv or jsonl).
    Train(train::TrainArgs),
    /// List the built-in lessons.
    Lessons,
    /// Measure training throughput (GPU vs CPU reference) and the scene's frame rate.
    Bench(bench::BenchArgs),
    /// Render frames of a lesson headless into PNG files.
    Render(render::RenderArgs),
    /// Print the lesson's narration as data: every sentence with the facts it states (jsonl).
    Narrate(narrate::NarrateArgs),
    /// Let the model write: train to an epoch, then continue a prompt word by word on the GPU.
    Generate(generate::GenerateArgs),
}

/// An error and its causes as one line, each said once: a cause whose text the line already
/// holds (an error that quotes its source) is not repeated.
pub fn error_line(err: &anyhow::Error) -> String {
    let mut line = String::new();
    for cause in err.chain() {
        let text = cause.to_string().replace('\n', " ");
        if text.is_empty() || line.contains(&text) {
            continue;
        }
        if !line.is_empty() {
            line.push_str(": ");
        }
        line.push_str(&text);
    }
    line
}

/// Runs the parsed command line.
pub fn run(cli: Cli) -> anyhow::Result<()> {
    match cli.command {
        // Attention lessons train with their own engine (their views are to come).
        Some(Command::Train(args)) => {
            let lesson = train::resolve_lesson(&args)?;
            match lesson.model.kind {
                crate::lesson::ModelKind::Attention { .. } => train_attention::run(&args, &lesson),
                crate::lesson::ModelKind::Mlp => train::run(&args, lesson),
            }
        }
        Some(Command::Lessons) => lessons::run(),
        Some(Command::Bench(args)) => bench::run(&args),
        Some(Command::Render(args)) => render::run(&args),
        Some(Command::Narrate(args)) => narrate::run(&args),
        Some(Command::Generate(args)) => {
            let lesson = generate::load_lesson(&args)?;
            match lesson.model.kind {
                crate::lesson::ModelKind::Attention { .. } => {
                    generate_attention::run(&args, &lesson)
                }
                crate::lesson::ModelKind::Mlp => generate::run(&args, lesson),
            }
        }
        None => window::run(&cli.window),
    }
}
