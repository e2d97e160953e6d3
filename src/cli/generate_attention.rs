//! `nextword generate` on an attention lesson: the attention engine trains it to the epoch, and
//! the model writes from that epoch's parameters with MODEL.md's sampling, its context being the
//! last W words (ATTENTION.md). Output as `generate`'s: the text, or jsonl (a header with the
//! attention model, then one line per written word with the words it read and where it looked).

use std::io::Write;

use anyhow::bail;

use super::generate::{GenerateArgs, GenerateFormat, prompt_ids, written_text};
use crate::engine::attention::AttnTrainer;
use crate::engine::sampler::MAX_WRITTEN_WORDS;
use crate::lesson::Lesson;
use crate::model::attention::{AttnLesson, AttnPair, attend, write_attention};
use crate::model::sample::Sampling;

pub fn run(args: &GenerateArgs, lesson: &Lesson) -> anyhow::Result<()> {
    let Some(attn) = AttnLesson::of(lesson)? else {
        bail!("{} is not an attention lesson", lesson.id);
    };
    let epoch = args.epoch.unwrap_or(lesson.epochs);
    attn.check_sizes(1, epoch).map_err(anyhow::Error::msg)?;
    let AttnLesson { vocab, dims, pairs } = attn;
    if args.words == 0 || args.words > MAX_WRITTEN_WORDS {
        bail!(
            "--words must be between 1 and {MAX_WRITTEN_WORDS}, got {}",
            args.words
        );
    }
    let corpus = lesson.corpus()?;
    let prompt = prompt_ids(&corpus, &args.prompt)?;
    if let Some(k) = args.top_k.filter(|&k| k == 0 || k > vocab.len()) {
        bail!(
            "--top-k must be between 1 and {} (the lesson's words), got {k}",
            vocab.len()
        );
    }
    let sampling = Sampling {
        temperature: args.temperature,
        top_k: args.top_k,
    };
    let gpu = crate::gpu::GpuContext::headless()?;
    let (device, queue) = (&gpu.device, &gpu.queue);
    let mut engine = AttnTrainer::from_seeds(
        device,
        dims,
        pairs,
        lesson.optimizer,
        &[lesson.seed_of_run(0)],
        &lesson.lr_per_run()[..1],
    );
    engine.train(device, queue, epoch);
    let params: Vec<f64> = engine.read_params(device, queue)[0]
        .iter()
        .map(|&x| f64::from(x))
        .collect();
    let written = write_attention(&dims, &params, &prompt, args.words, sampling, args.seed);
    let word = |id: u32| vocab[id as usize].clone();
    let out = std::io::stdout();
    let mut out = std::io::BufWriter::new(out.lock());
    match args.format {
        GenerateFormat::Text => writeln!(
            out,
            "{}",
            written_text(&vocab, &prompt, written.iter().map(|w| w.word))
        )?,
        GenerateFormat::Jsonl => {
            let header = serde_json::json!({
                "type": "header",
                "lesson": lesson.id,
                "vocab": vocab,
                "model": super::train_attention::ModelOut::of(&dims),
                "adapter": gpu.adapter_label(),
                "epoch": epoch,
                "prompt": prompt.iter().map(|&w| word(w)).collect::<Vec<_>>(),
                "temperature": args.temperature,
                "top_k": args.top_k,
                "seed": args.seed,
            });
            writeln!(out, "{header}")?;
            for (step, w) in written.iter().enumerate() {
                let pair = AttnPair {
                    context: w.context.clone(),
                    target: 0,
                };
                let looked = attend(&dims, &params, &pair).weights;
                let line = serde_json::json!({
                    "type": "step",
                    "step": step,
                    "context": w.context.iter().map(|&id| word(id)).collect::<Vec<_>>(),
                    "attention": looked,
                    "probs": w.probs,
                    "word": word(w.word),
                });
                writeln!(out, "{line}")?;
            }
        }
    }
    out.flush()?;
    Ok(())
}
