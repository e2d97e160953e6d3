//! `nextword render` of an attention lesson: trains it headless and writes the attention screen
//! (strip, heatmap, space, network, loss with its ghost, bars and the step card) at an epoch,
//! or a PNG sequence of it playing, drawn by the same code as the window ([`attention_ui`]).

use std::path::PathBuf;

use anyhow::{Context, bail};

use crate::gpu::GpuContext;
use crate::lesson::Lesson;
use crate::scene::canvas::Canvas;
use crate::scene::target::{OFFSCREEN_FORMAT, OffscreenTarget, write_png};
use crate::ui::attention::headless::render_frame;
use crate::ui::attention::{AttnSession, AttnViewState, STEPS};

/// The pair a `--context` names (the first pair whose context ends with its words).
fn pair_of(session: &AttnSession, context: &str) -> anyhow::Result<usize> {
    let words = crate::lesson::tokenize(context);
    let story = &session.story;
    story
        .pairs
        .iter()
        .position(|p| {
            p.context.len() >= words.len()
                && p.context[p.context.len() - words.len()..]
                    .iter()
                    .zip(&words)
                    .all(|(&id, w)| story.word(id) == w)
        })
        .with_context(|| format!("--context `{context}`: no place in the text ends with it"))
}

/// What `render` asks of an attention lesson (its flags, already checked).
pub struct AttnRender {
    pub epoch: Option<f32>,
    pub size: (u32, u32),
    /// A single PNG, or None with `frames`.
    pub out: Option<PathBuf>,
    /// A sequence of this many frames into `out_dir`.
    pub frames: Option<u32>,
    pub out_dir: PathBuf,
    /// 1-based step of the card.
    pub step: u8,
    pub context: Option<String>,
    /// Degrees the space turns over a sequence.
    pub orbit: f32,
    pub look: crate::ui::Look,
}

pub fn run(args: &AttnRender, lesson: Lesson) -> anyhow::Result<()> {
    let gpu = GpuContext::headless()?;
    let (device, queue) = (&gpu.device, &gpu.queue);
    let mut session = AttnSession::new(device, lesson).map_err(anyhow::Error::msg)?;
    let last = args.epoch.unwrap_or(session.lesson.epochs as f32);
    let look = args.look;
    let mut view = AttnViewState::new(&session.story, Default::default());
    view.step = usize::from(args.step.clamp(1, STEPS.len() as u8)) - 1;
    view.playing = false;
    let mut canvas = Canvas::new(device, OFFSCREEN_FORMAT, true);
    let target = OffscreenTarget::new(device, args.size);
    let (w, h) = target.size;
    let mut at = |session: &mut AttnSession, view: &mut AttnViewState, playhead: f32, yaw: f32| {
        session.train_to(device, queue, playhead.ceil() as u32);
        session.read_now(device, queue);
        view.yaw = 0.6 + yaw;
        render_frame(&gpu, &mut canvas, &target, session, view, look, playhead)
    };
    session.train_to(device, queue, 0);
    session.read_now(device, queue);
    if let Some(context) = &args.context {
        view.pair = pair_of(&session, context)?;
    }
    match (args.frames, &args.out) {
        (None, Some(out)) => {
            let rgba = at(&mut session, &mut view, last, 0.0)?;
            write_png(out, w, h, &rgba)?;
            eprintln!(
                "wrote {} ({w}x{h}, attention, epoch {last}, {})",
                out.display(),
                gpu.adapter_label()
            );
        }
        (Some(n), _) => {
            let dir = &args.out_dir;
            super::frames::prepare_sequence(n, dir)?;
            for i in 0..n {
                let t = super::frames::sequence_place(i, n);
                let rgba = at(
                    &mut session,
                    &mut view,
                    last * t,
                    (args.orbit * t).to_radians(),
                )?;
                write_png(&dir.join(format!("frame_{i:05}.png")), w, h, &rgba)?;
            }
            eprintln!("wrote {n} frames to {} ({w}x{h}, attention)", dir.display());
        }
        (None, None) => bail!("nothing to write"),
    }
    Ok(())
}
