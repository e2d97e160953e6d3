//! `nextword narrate` on an attention lesson: trains it on the GPU and prints, for the epochs
//! asked, what the attention screen says about the featured place in the text (or every place
//! with `--all-places`), each sentence with the fact it states, and the steps' texts.
//!
//! Lines (`--format jsonl`):
//! - `{"type":"header","lesson":..,"language":..,"model":"attention","window":W,"trained_epochs":N}`
//! - per epoch and place: `{"type":"narration","epoch":E,"pair":J,"context":[..],"target":..,
//!   "sentences":[{"text":..,"claim":{"kind":"looks_at"|"gives"|"best_possible",..}}]}`
//! - per step: `{"type":"step","step":S,"title":..,"text":..}`

use std::io::Write;

use anyhow::bail;
use serde_json::json;

use crate::gpu::GpuContext;
use crate::lesson::Lesson;
use crate::tr;
use crate::ui::attention::{AttnSession, STEPS, narrate, step_text_id};

/// What `narrate` asks of an attention lesson (its flags).
pub struct AttnNarrate {
    pub epoch: Option<u32>,
    /// Every recorded epoch.
    pub all: bool,
    /// Every place in the text, not only the featured one.
    pub all_places: bool,
    pub step: Option<u8>,
    /// JSON lines, or text.
    pub jsonl: bool,
    pub lang: crate::i18n::Lang,
}

pub fn run(args: &AttnNarrate, lesson: Lesson) -> anyhow::Result<()> {
    let last = args.epoch.unwrap_or(lesson.epochs);
    super::frames::check_epoch(last)?;
    if let Some(step) = args.step.filter(|&s| usize::from(s) > STEPS.len()) {
        bail!(
            "--step {step}: an attention lesson has steps 1 to {}",
            STEPS.len()
        );
    }
    let gpu = GpuContext::headless()?;
    let (device, queue) = (&gpu.device, &gpu.queue);
    let mut session = AttnSession::new(device, lesson).map_err(anyhow::Error::msg)?;
    session.train_to(device, queue, last);
    session.read_now(device, queue);
    let story = &session.story;
    let epochs: Vec<u32> = if args.all {
        story.slots.iter().map(|s| s.epoch).collect()
    } else {
        vec![last]
    };
    let places: Vec<usize> = if args.all_places {
        (0..story.pairs.len()).collect()
    } else {
        vec![story.featured_pair()]
    };
    let out = std::io::stdout();
    let mut out = std::io::BufWriter::new(out.lock());
    if args.jsonl {
        let header = json!({
            "type": "header",
            "lesson": session.lesson.id,
            "language": args.lang.code(),
            "model": "attention",
            "window": story.dims.window,
            "trained_epochs": session.trainer.epoch,
        });
        writeln!(out, "{header}")?;
    }
    for &epoch in &epochs {
        let Some(slot) = story.slot_at(epoch as f32) else {
            continue;
        };
        for &pair in &places {
            let sentences = narrate(story, slot, pair);
            let p = &story.pairs[pair];
            if args.jsonl {
                let context: Vec<&str> = p.context.iter().map(|&w| story.word(w)).collect();
                let line = json!({
                    "type": "narration",
                    "epoch": slot.epoch,
                    "pair": pair,
                    "context": context,
                    "target": story.word(p.target),
                    "sentences": sentences,
                });
                writeln!(out, "{line}")?;
            } else {
                let place = story.context_text(pair);
                writeln!(out, "== epoch {} · {place}", slot.epoch)?;
                for s in &sentences {
                    writeln!(out, "{}", s.text)?;
                }
            }
        }
    }
    let start = story.pairs.first().map_or("", |p| story.word(p.context[0]));
    for (i, (title, _)) in STEPS.iter().enumerate() {
        let text = step_text_id(i, story.ghost.is_some());
        if args.step.is_some_and(|s| usize::from(s) != i + 1) {
            continue;
        }
        let text = tr!(text, window = story.dims.window, start = start);
        if args.jsonl {
            let line = json!({"type": "step", "step": i + 1, "title": tr!(title), "text": text});
            writeln!(out, "{line}")?;
        } else {
            writeln!(out, "\n{}\n{text}", tr!(title))?;
        }
    }
    out.flush()?;
    Ok(())
}
