//! `nextword narrate`: the lesson's narration as data. Trains the lesson on the GPU and prints,
//! for each step and each epoch asked, every sentence the window would show with the facts it
//! states as structured claims (JSON lines), from the same code the window draws with.
//!
//! Lines (`--format jsonl`):
//! - `{"type":"header","lesson":..,"language":..,"level":..,"trained_epochs":N,"milestones":[..]}`
//! - per epoch: `{"type":"narration","epoch":E,"phase":..,"sentences":[{"text":..,"claims":[..]}]}`
//!   and per step `{"type":"step","epoch":E,"step":S,"title":..,"sentences":[..]}`.
//!
//! `E` is the recorded epoch shown (the newest at or before the one asked for; every epoch is
//! recorded up to the history's capacity). The claim kinds are documented in README and in
//! [`crate::ui::claims`].

use std::io::Write;

use anyhow::{Context, bail};
use serde_json::json;

use crate::gpu::GpuContext;
use crate::i18n::{Lang, Level};
use crate::lesson::Lesson;
use crate::scene::headless::LessonSession;
use crate::ui::lesson_card::step_title;
use crate::ui::narration::{PhaseParams, find_milestones, narrate};
use crate::ui::steps::step_sentences;
use crate::ui::{LessonUi, Step};

#[derive(clap::ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum NarrateFormat {
    /// One JSON object per line (see the module docs).
    Jsonl,
    /// The sentences as text, a paragraph per step.
    Text,
}

#[derive(clap::Args, Debug)]
pub struct NarrateArgs {
    /// A built-in lesson id (see `nextword lessons`) or a lesson file.
    #[arg(long, default_value = "cat-sat")]
    pub lesson: String,
    #[command(flatten)]
    pub text: super::text_args::TextArgs,
    /// Context length k (words the network reads).
    #[arg(long)]
    pub context: Option<usize>,
    /// The epoch to narrate (default: the lesson's last).
    #[arg(long, conflicts_with = "all")]
    pub epoch: Option<u32>,
    /// Narrate every recorded epoch from 0 to the lesson's last.
    #[arg(long)]
    pub all: bool,
    /// An attention lesson: narrate every place in the text, not only the featured one.
    #[arg(long)]
    pub all_places: bool,
    /// Only this step (1 task, 2 network, 3 training, 4 takeaways, 5 the model writes; an
    /// attention lesson has 6).
    #[arg(long, value_parser = clap::value_parser!(u8).range(1..=6))]
    pub step: Option<u8>,
    #[arg(long, value_enum, default_value_t = NarrateFormat::Jsonl)]
    pub format: NarrateFormat,
    /// The language: en, de, fr or es.
    #[arg(long, default_value = "en")]
    pub lang: Lang,
    /// simple, or technical (adds the numbers and terms: logits, softmax, gradient).
    #[arg(long, default_value = "simple")]
    pub level: Level,
}

/// The lesson with `--text` and `--context` applied.
fn resolve(args: &NarrateArgs, mut lesson: Lesson) -> anyhow::Result<Lesson> {
    if let Some(k) = args.context {
        if k == 0 {
            bail!("--context must be at least 1");
        }
        lesson.model.context = k;
    }
    lesson
        .corpus()
        .with_context(|| format!("lesson `{}`", lesson.id))?;
    Ok(lesson)
}

pub fn run(args: &NarrateArgs) -> anyhow::Result<()> {
    crate::i18n::set_language(args.lang);
    crate::i18n::set_level(args.level);
    let lesson = args.text.lesson(&args.lesson)?;
    if matches!(
        lesson.model.kind,
        crate::lesson::ModelKind::Attention { .. }
    ) {
        if args.context.is_some() {
            bail!("--context sets an MLP's words of context; an attention lesson reads its window");
        }
        let request = super::narrate_attention::AttnNarrate {
            epoch: args.epoch,
            all: args.all,
            all_places: args.all_places,
            step: args.step,
            jsonl: args.format == NarrateFormat::Jsonl,
            lang: args.lang,
        };
        return super::narrate_attention::run(&request, lesson);
    }
    if args.all_places {
        bail!("--all-places is for attention lessons");
    }
    if args.step == Some(6) {
        bail!("--step 6: this lesson has steps 1 to 5");
    }
    let lesson = resolve(args, lesson)?;
    let last = args.epoch.unwrap_or(lesson.epochs);
    super::frames::check_epoch(last)?;
    let gpu = GpuContext::headless()?;
    let (device, queue) = (&gpu.device, &gpu.queue);
    let mut session = LessonSession::for_text(device, queue, lesson.clone())?;
    super::progress::train_to(&mut session.trainer, device, queue, last);
    let mut ui = LessonUi::new(&session)?;
    let slots = session.trainer.layout().epochs();
    let epochs: Vec<u32> = if args.all {
        (0..slots.filled).map(|s| slots.epoch_of(s)).collect()
    } else {
        vec![last]
    };
    let steps: Vec<Step> = match args.step {
        Some(n) => vec![Step::ALL[usize::from(n) - 1]],
        None => Step::ALL.to_vec(),
    };
    let out = std::io::stdout();
    let mut out = std::io::BufWriter::new(out.lock());
    ui.state.playhead = last as f32;
    ui.refresh_now(&session.trainer, device, queue);
    let milestones: Vec<_> = find_milestones(&ui.summary, &ui.info, &PhaseParams::default())
        .iter()
        .map(|m| m.claim())
        .collect();
    if args.format == NarrateFormat::Jsonl {
        let header = json!({
            "type": "header",
            "lesson": lesson.id,
            "language": args.lang.code(),
            "level": match args.level { Level::Simple => "simple", Level::Technical => "technical" },
            "trained_epochs": session.trainer.epoch(),
            "milestones": milestones,
        });
        writeln!(out, "{header}")?;
    }
    for epoch in epochs {
        ui.state.playhead = epoch as f32;
        ui.refresh_now(&session.trainer, device, queue);
        let summary = &ui.summary;
        let shown = summary.shown_epoch;
        let n = narrate(
            summary,
            &ui.info,
            &PhaseParams::default(),
            ui.state.selected_pair,
        );
        let narration: Vec<_> = n.sentences().collect();
        match args.format {
            NarrateFormat::Jsonl => {
                let line = json!({
                    "type": "narration",
                    "epoch": shown,
                    "phase": n.phase.id(),
                    "sentences": narration,
                });
                writeln!(out, "{line}")?;
            }
            NarrateFormat::Text => {
                writeln!(out, "== epoch {shown} · {}", n.phase.name())?;
                for s in &narration {
                    writeln!(out, "{}", s.text)?;
                }
            }
        }
        for step in &steps {
            let sentences = step_sentences(*step, &ui.info, summary);
            match args.format {
                NarrateFormat::Jsonl => {
                    let line = json!({
                        "type": "step",
                        "epoch": shown,
                        "step": step.index() + 1,
                        "title": step_title(*step),
                        "sentences": sentences,
                    });
                    writeln!(out, "{line}")?;
                }
                NarrateFormat::Text => {
                    writeln!(out, "\n{}", step_title(*step))?;
                    for s in &sentences {
                        writeln!(out, "{}", s.text)?;
                    }
                }
            }
        }
    }
    out.flush()?;
    Ok(())
}
