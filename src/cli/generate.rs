//! `nextword generate`: the model writes. Trains a lesson on the GPU to an epoch, then writes
//! word by word after a prompt with MODEL.md's sampling (temperature, top-k, a seed), on the GPU.
//!
//! `--format jsonl` prints MODEL.md's contract: a header like `train`'s plus `epoch`, `prompt`,
//! `temperature`, `top_k` and `seed`, then one line per written word
//! (`{"type":"step","step":0,"context":["cat"],"probs":[..],"word":"sat"}`); `--format text`
//! prints the prompt and what the model wrote, as one line. Every bad input is one clear line.

use std::io::Write;

use anyhow::{Context, bail};

use super::train_output::Header;
use crate::engine::sampler::{MAX_WRITTEN_WORDS, ModelAt, Sampler};
use crate::gpu::GpuContext;
use crate::lesson::{self, Corpus};
use crate::model::Dims;
use crate::model::sample::Sampling;
use crate::scene::headless::LessonSession;

#[derive(clap::ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum GenerateFormat {
    Text,
    Jsonl,
}

#[derive(clap::Args, Debug)]
pub struct GenerateArgs {
    /// A built-in lesson id (see `nextword lessons`) or a lesson file.
    #[arg(long, default_value = "cat-sat")]
    pub lesson: String,
    #[command(flatten)]
    pub text: super::text_args::TextArgs,
    /// The epoch whose model writes (default: the lesson's last; 0 is the untrained model).
    #[arg(long)]
    pub epoch: Option<u32>,
    /// The words to continue (at least as many as the model reads).
    #[arg(long)]
    pub prompt: String,
    /// How many words to write.
    #[arg(long, default_value_t = 10)]
    pub words: usize,
    /// 0: always the most likely word; higher: bolder choices.
    #[arg(long, default_value_t = 1.0, allow_negative_numbers = true, value_parser = super::values::non_negative_f64)]
    pub temperature: f64,
    /// Draw only among the K most likely words.
    #[arg(long)]
    pub top_k: Option<usize>,
    /// Seed of the draws.
    #[arg(long, default_value_t = 1)]
    pub seed: u64,
    #[arg(long, value_enum, default_value_t = GenerateFormat::Text)]
    pub format: GenerateFormat,
}

/// The prompt's word ids, or a friendly line naming the words the lesson does not know.
pub fn prompt_ids(corpus: &Corpus, prompt: &str) -> anyhow::Result<Vec<u32>> {
    let words = lesson::tokenize(prompt);
    if words.is_empty() {
        bail!("the prompt has no words");
    }
    let unknown: Vec<String> = words
        .iter()
        .filter(|w| corpus.word_id(w).is_none())
        .map(|w| format!("“{w}”"))
        .collect();
    if !unknown.is_empty() {
        bail!(
            "the lesson's vocabulary has no {} (it knows: {})",
            unknown.join(", "),
            corpus
                .vocab
                .iter()
                .take(20)
                .cloned()
                .collect::<Vec<_>>()
                .join(", ")
                + if corpus.vocab.len() > 20 { ", …" } else { "" }
        );
    }
    Ok(words.iter().filter_map(|w| corpus.word_id(w)).collect())
}

/// The prompt and the words written after it, as one line of text.
pub fn written_text(
    vocab: &[String],
    prompt: &[u32],
    written: impl IntoIterator<Item = u32>,
) -> String {
    let words = prompt.iter().copied().chain(written);
    words
        .map(|id| vocab[id as usize].as_str())
        .collect::<Vec<_>>()
        .join(" ")
}

/// The lesson `--lesson` names, over `--text` when given.
pub fn load_lesson(args: &GenerateArgs) -> anyhow::Result<lesson::Lesson> {
    args.text.lesson(&args.lesson)
}

/// The MLP lesson `lesson` writes (see the module docs).
pub fn run(args: &GenerateArgs, lesson: lesson::Lesson) -> anyhow::Result<()> {
    let corpus = lesson
        .corpus()
        .with_context(|| format!("lesson `{}`", lesson.id))?;
    let dims = Dims::from_spec(corpus.vocab.len(), &lesson.model);
    let epoch = args.epoch.unwrap_or(lesson.epochs);
    crate::limits::check(
        "--epoch",
        u64::from(epoch),
        u64::from(crate::limits::MAX_EPOCHS),
    )
    .map_err(anyhow::Error::msg)?;
    if args.words == 0 || args.words > MAX_WRITTEN_WORDS {
        bail!(
            "--words must be between 1 and {MAX_WRITTEN_WORDS}, got {}",
            args.words
        );
    }
    let prompt = prompt_ids(&corpus, &args.prompt)?;
    let sampling = Sampling {
        temperature: args.temperature,
        top_k: args.top_k,
    };
    Sampler::check(&dims, &prompt, args.words, sampling).map_err(|e| match e {
        crate::engine::sampler::SampleError::PromptTooShort { got, need } => anyhow::anyhow!(
            "the prompt has {got} word(s), but this lesson's model reads {need}: give at least {need}"
        ),
        other => anyhow::Error::new(other),
    })?;
    let gpu = GpuContext::headless()?;
    let (device, queue) = (&gpu.device, &gpu.queue);
    let mut session = LessonSession::for_text(device, queue, lesson.clone())?;
    super::progress::train_to(&mut session.trainer, device, queue, epoch);
    let mut sampler = Sampler::new(device, &session.trainer);
    let written = sampler.write(
        device,
        queue,
        &session.trainer,
        0,
        ModelAt::Current,
        &prompt,
        args.words,
        sampling,
        args.seed,
    )?;
    let word = |id: u32| corpus.vocab[id as usize].clone();
    let out = std::io::stdout();
    let mut out = std::io::BufWriter::new(out.lock());
    match args.format {
        GenerateFormat::Text => writeln!(
            out,
            "{}",
            written_text(&corpus.vocab, &prompt, written.iter().map(|w| w.word))
        )?,
        GenerateFormat::Jsonl => {
            let mut header =
                serde_json::to_value(Header::new(&lesson, &corpus, &dims, &gpu.adapter_label()))?;
            if let Some(h) = header.as_object_mut() {
                h.insert("epoch".into(), epoch.into());
                h.insert("prompt".into(), prompt.iter().map(|&w| word(w)).collect());
                h.insert("temperature".into(), args.temperature.into());
                h.insert("top_k".into(), args.top_k.into());
                h.insert("seed".into(), args.seed.into());
            }
            writeln!(out, "{header}")?;
            let mut text = prompt.clone();
            for (step, w) in written.iter().enumerate() {
                let context: Vec<String> = text[text.len() - dims.context..]
                    .iter()
                    .map(|&id| word(id))
                    .collect();
                let line = serde_json::json!({
                    "type": "step",
                    "step": step,
                    "context": context,
                    "probs": w.probs,
                    "word": word(w.word),
                });
                writeln!(out, "{line}")?;
                text.push(w.word);
            }
        }
    }
    out.flush()?;
    Ok(())
}
