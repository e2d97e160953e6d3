//! `nextword render`: trains a lesson headless and writes the frame the window would show at an
//! epoch (`--out frame.png`), or a PNG sequence of the lesson playing (`--frames N --out DIR`).
//! The same renderers as the window draw into an offscreen texture, with the same lesson overlay
//! (`--step N` picks the step card, `--no-ui` leaves the overlay out).

use std::io::Write;
use std::path::PathBuf;

use anyhow::{Context, bail};

use crate::gpu::GpuContext;
use crate::kiosk::Theme;
use crate::scene::headless::{HeadlessRenderer, LessonSession};
use crate::scene::{OrbitCamera, SceneFrame, SceneOptions};
use crate::ui::{LessonUi, Step};

#[derive(clap::Args, Debug)]
pub struct RenderArgs {
    /// Lesson id (see `nextword lessons`) or a lesson file.
    #[arg(long, default_value = "cat-sat")]
    pub lesson: String,
    /// Epoch to show (a single frame), or the last epoch of a sequence; default: the lesson's.
    #[arg(long, value_parser = super::values::non_negative_f32)]
    pub epoch: Option<f32>,
    /// Frame size in pixels.
    #[arg(long, default_value = "1280x720", value_parser = crate::limits::parse_size)]
    pub size: (u32, u32),
    /// Output PNG (one frame) or directory (with --frames).
    #[arg(long)]
    pub out: Option<PathBuf>,
    /// Write N frames of the lesson playing from epoch 0 to --epoch.
    #[arg(long)]
    pub frames: Option<u32>,
    /// Camera as yaw,pitch,distance (degrees, degrees, world units), e.g. 35,20,3.6.
    #[arg(long, value_parser = OrbitCamera::parse, allow_hyphen_values = true)]
    pub camera: Option<OrbitCamera>,
    /// Degrees the camera turns over a --frames sequence.
    #[arg(long, default_value_t = 0.0, allow_hyphen_values = true, value_parser = super::values::finite_f32)]
    pub orbit: f32,
    /// Select the pair with this context (e.g. "the"); default: the first pair.
    #[arg(long)]
    pub context: Option<String>,
    /// The word whose vector the strip shows; default: the selected pair's target.
    #[arg(long)]
    pub word: Option<String>,
    /// Run drawn bright when a lesson trains several.
    #[arg(long, default_value_t = 0)]
    pub run: u32,
    /// Log-scale loss axis.
    #[arg(long)]
    pub log_loss: bool,
    /// Show embedding dims 1-3 instead of the PCA projection.
    #[arg(long)]
    pub raw_dims: bool,
    /// Turn the glow off.
    #[arg(long)]
    pub no_bloom: bool,
    /// The look: `dark` (with glow) or `projector` (high contrast, larger type, no glow), as
    /// `--present` and the exhibit config show it.
    #[arg(long, default_value = "dark")]
    pub theme: Theme,
    /// The lesson step the overlay shows: 1 task, 2 network, 3 training, 4 takeaways, 5 the
    /// model writes; on an attention lesson 1 the puzzle, 2 query and key, 3 value, 4 watch it
    /// learn, 5 real language models, 6 the model writes.
    #[arg(long, default_value_t = 3, value_parser = clap::value_parser!(u8).range(1..=6))]
    pub step: u8,
    /// Leave the lesson overlay (steps, narration, controls) out: the views alone.
    #[arg(long)]
    pub no_ui: bool,
    /// The language of every text: en, de, fr or es.
    #[arg(long, default_value = "en")]
    pub lang: crate::i18n::Lang,
    #[command(flatten)]
    pub comfort: super::comfort_args::ComfortArgs,
    #[command(flatten)]
    pub text: super::text_args::TextArgs,
    /// Show the math card (the forward pass and one gradient with the epoch's numbers) in the
    /// lesson column.
    #[arg(long)]
    pub math: bool,
    /// After writing the --frames, encode them into this video: MP4 through ffmpeg (a GIF when
    /// ffmpeg is missing) or an animated GIF when the name ends in `.gif`.
    #[arg(long)]
    pub video: Option<PathBuf>,
    /// With --video: always write an animated GIF (the name gets a `.gif` extension).
    #[arg(long)]
    pub gif: bool,
    /// Frames per second of the --video.
    #[arg(long, default_value_t = 30.0, value_parser = super::values::positive_f32)]
    pub fps: f32,
    /// Draw the built-in synthetic history instead of training (renderer development).
    #[arg(long, hide = true)]
    pub synthetic: bool,
}

/// Applies the selection flags to a frame (and to the overlay's state, which then fills it).
fn select(
    args: &RenderArgs,
    session: &LessonSession,
    ui: Option<&mut LessonUi>,
    frame: &mut SceneFrame,
) -> anyhow::Result<()> {
    let info = &session.info;
    if let Some(context) = &args.context {
        let ids: Option<Vec<u32>> = crate::lesson::tokenize(context)
            .iter()
            .map(|w| info.vocab.iter().position(|v| v == w).map(|i| i as u32))
            .collect();
        let Some(pair) = ids.and_then(|ids| info.recorded_index(&ids)) else {
            bail!("no recorded pair has the context `{context}`");
        };
        frame.pair = pair;
    }
    frame.word = info
        .recorded
        .get(frame.pair as usize)
        .map_or(0, |p| p.target);
    if let Some(word) = &args.word {
        let w = word.to_lowercase();
        frame.word = info
            .vocab
            .iter()
            .position(|v| *v == w)
            .with_context(|| format!("`{word}` is not in the lesson's vocabulary"))?
            as u32;
    }
    if args.run >= session.trainer.layout().runs {
        bail!(
            "--run {} but the lesson trains {} run(s)",
            args.run,
            session.trainer.layout().runs
        );
    }
    frame.run = args.run;
    frame.loss_log = args.log_loss;
    frame.raw_dims = args.raw_dims;
    frame.bloom.enabled = !args.no_bloom && args.theme.style().bloom;
    if let Some(camera) = args.camera {
        frame.camera = camera;
    }
    if let Some(ui) = ui {
        // The palette of these choices was made the words' at the start of `run`.
        ui.state.comfort = args.comfort.over(ui.state.comfort);
        ui.state.theme_look = args.theme.style().look();
        ui.state.selected_pair = frame.pair;
        ui.state.selected_run = frame.run;
        ui.state.selected_word = args.word.is_some().then_some(frame.word);
        ui.fill_frame(frame, &session.trainer);
    }
    Ok(())
}

/// The overlay for a still at `playhead`, or None with `--no-ui`.
fn still_ui(
    args: &RenderArgs,
    session: &LessonSession,
    ui: Option<&mut LessonUi>,
    playhead: f32,
    gpu: &GpuContext,
) -> Option<()> {
    let ui = ui?;
    ui.show_still(Step::ALL[usize::from(args.step.clamp(1, 5)) - 1], playhead);
    ui.state.math_open = args.math;
    ui.state.math_gradient = args.math;
    ui.refresh_now(&session.trainer, &gpu.device, &gpu.queue);
    Some(())
}

/// Renders the synthetic fixture history (no training): `--synthetic`.
fn run_synthetic(args: &RenderArgs) -> anyhow::Result<()> {
    use crate::scene::fixture::{FixtureSpec, SyntheticHistory};
    let gpu = GpuContext::headless()?;
    let fixture = SyntheticHistory::new(&gpu.device, FixtureSpec::default());
    let mut renderer = HeadlessRenderer::new(
        &gpu.device,
        args.size,
        SceneOptions {
            deterministic: true,
        },
    );
    let mut frame = SceneFrame::new(args.epoch.unwrap_or(150.0));
    frame.total_epochs = fixture.info.total_epochs;
    frame.trained_epochs = fixture.info.total_epochs;
    frame.word = fixture.info.recorded[0].target;
    frame.loss_log = args.log_loss;
    frame.raw_dims = args.raw_dims;
    frame.bloom.enabled = !args.no_bloom;
    if let Some(camera) = args.camera {
        frame.camera = camera;
    }
    let inputs = crate::scene::SceneInputs {
        history: fixture.history(),
        params: &fixture.params,
        info: &fixture.info,
    };
    let rgba = renderer.render(&gpu.device, &gpu.queue, &inputs, &frame)?;
    let out = single_frame_path(args);
    check_png(&out)?;
    crate::scene::target::write_png(&out, args.size.0, args.size.1, &rgba)?;
    eprintln!("wrote {}", out.display());
    Ok(())
}

/// Where a single frame goes: `--out`, or `frame.png`.
fn single_frame_path(args: &RenderArgs) -> PathBuf {
    args.out
        .clone()
        .unwrap_or_else(|| PathBuf::from("frame.png"))
}

/// Frames are written as PNG: any other name is refused before anything is drawn.
fn check_png(out: &std::path::Path) -> anyhow::Result<()> {
    let png = out
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("png"));
    if !png {
        bail!(
            "--out {}: frames are written as PNG only; name the file *.png",
            out.display()
        );
    }
    Ok(())
}

pub fn run(args: &RenderArgs) -> anyhow::Result<()> {
    if (args.video.is_some() || args.gif) && args.frames.is_none() {
        bail!("--video needs --frames N (the frames it encodes)");
    }
    if args.gif && args.video.is_none() {
        bail!("--gif needs --video PATH");
    }
    if !(args.fps.is_finite() && (1.0..=120.0).contains(&args.fps)) {
        bail!("--fps {} is out of range (1 to 120)", args.fps);
    }
    crate::i18n::set_language(args.lang);
    crate::scene::palette::set_word_palette(args.comfort.over(Default::default()).palette());
    if args.synthetic {
        return run_synthetic(args);
    }
    // Flags are checked before the GPU opens: a wrong flag costs nothing and says one thing.
    let max = crate::limits::MAX_EPOCHS as f32;
    if let Some(epoch) = args.epoch.filter(|e| !(0.0..=max).contains(e)) {
        bail!(
            "--epoch is {epoch}, more than the limit of {}",
            crate::limits::MAX_EPOCHS
        );
    }
    if args.frames.is_none() {
        check_png(&single_frame_path(args))?;
    }
    let lesson = args.text.lesson(&args.lesson)?;
    if matches!(
        lesson.model.kind,
        crate::lesson::ModelKind::Attention { .. }
    ) {
        if args.video.is_some() {
            bail!("--video is not made for attention lessons yet; write --frames and encode them");
        }
        let request = super::render_attention::AttnRender {
            epoch: args.epoch,
            size: args.size,
            out: args.frames.is_none().then(|| single_frame_path(args)),
            frames: args.frames,
            out_dir: args.out.clone().unwrap_or_else(|| PathBuf::from("frames")),
            step: args.step,
            context: args.context.clone(),
            orbit: args.orbit,
            look: args
                .comfort
                .over(Default::default())
                .look(args.theme.style().look()),
        };
        return super::render_attention::run(&request, lesson);
    }
    if args.step > 5 {
        bail!("--step {}: this lesson has steps 1 to 5", args.step);
    }
    let gpu = GpuContext::headless()?;
    let (device, queue) = (&gpu.device, &gpu.queue);
    let mut session = LessonSession::from_lesson(device, queue, lesson)?;
    // A lesson's own epochs are within the limit (checked when it loads).
    let last = args.epoch.unwrap_or(session.lesson.epochs as f32);
    let mut renderer = HeadlessRenderer::new(
        device,
        args.size,
        SceneOptions {
            deterministic: true,
        },
    );
    let (w, h) = args.size;
    let mut ui = if args.no_ui {
        None
    } else {
        Some(LessonUi::new(&session)?)
    };
    let mut draw = |session: &mut LessonSession,
                    ui: &mut Option<LessonUi>,
                    playhead: f32,
                    yaw: f32|
     -> anyhow::Result<Vec<u8>> {
        let need = playhead.ceil() as u32;
        super::progress::train_to(&mut session.trainer, device, queue, need);
        still_ui(args, session, ui.as_mut(), playhead, &gpu);
        let mut frame = session.frame(playhead);
        select(args, session, ui.as_mut(), &mut frame)?;
        frame.camera.yaw += yaw;
        let hook = ui.as_mut().map(|ui| {
            move |ctx: &egui::Context| {
                ui.ui(ctx);
            }
        });
        Ok(renderer.render_with_ui(device, queue, &session.inputs(), &frame, hook)?)
    };
    match args.frames {
        None => {
            let out = single_frame_path(args);
            let rgba = draw(&mut session, &mut ui, last, 0.0)?;
            crate::scene::target::write_png(&out, w, h, &rgba)?;
            eprintln!(
                "wrote {} ({w}x{h}, epoch {last}, {})",
                out.display(),
                gpu.adapter_label()
            );
        }
        Some(n) => {
            let dir = args.out.clone().unwrap_or_else(|| PathBuf::from("frames"));
            super::frames::prepare_sequence(n, &dir)?;
            let start = std::time::Instant::now();
            for i in 0..n {
                let t = super::frames::sequence_place(i, n);
                let yaw = (args.orbit * t).to_radians();
                let rgba = draw(&mut session, &mut ui, last * t, yaw)?;
                let path = dir.join(format!("frame_{i:05}.png"));
                crate::scene::target::write_png(&path, w, h, &rgba)?;
                progress(i + 1, n, start.elapsed().as_secs_f32());
            }
            eprintln!(
                "\nwrote {n} frames to {} ({w}x{h}, epochs 0..{last})",
                dir.display()
            );
            if let Some(video) = &args.video {
                // Frames left over from a longer earlier run would end up in the video.
                let mut i = n;
                while let Ok(()) = std::fs::remove_file(dir.join(format!("frame_{i:05}.png"))) {
                    i += 1;
                }
                encode(&dir, video, args)?;
            }
        }
    }
    Ok(())
}

/// Encodes the frames in `dir` into `video` (`--gif` forces an animated GIF).
fn encode(dir: &std::path::Path, video: &std::path::Path, args: &RenderArgs) -> anyhow::Result<()> {
    let out = if args.gif {
        video.with_extension("gif")
    } else {
        video.to_owned()
    };
    let encoded = crate::export::encode_video(dir, args.fps, &out)?;
    if let Some(note) = &encoded.note {
        eprintln!("note: {note}");
    }
    eprintln!(
        "wrote {} ({} frames at {} fps, {:?})",
        encoded.path.display(),
        encoded.frames,
        args.fps,
        encoded.format
    );
    Ok(())
}

fn progress(done: u32, total: u32, secs: f32) {
    const WIDTH: u32 = 32;
    let filled = done * WIDTH / total;
    let bar: String = (0..WIDTH)
        .map(|i| if i < filled { '#' } else { '.' })
        .collect();
    let eta = if done > 0 {
        secs / done as f32 * (total - done) as f32
    } else {
        0.0
    };
    eprint!(
        "\r[{bar}] {done}/{total} frames, {:.1} fps, {eta:.0}s left ",
        done as f32 / secs.max(1e-3)
    );
    let _ = std::io::stderr().flush();
}
