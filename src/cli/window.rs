//! `nextword` with no subcommand: the interactive window, training a lesson and playing it.
//! `--present` is lecture mode (clicker keys, projector theme); `--kiosk [--config PATH]` is the
//! exhibit mode (fullscreen, attract loop, only the exit chord leaves).

use std::path::PathBuf;

use crate::app::{AppMode, AppOptions, Drill, run as run_app};
use crate::kiosk::ExhibitConfig;

#[derive(clap::Args, Debug)]
pub struct WindowArgs {
    /// Lesson id (see `nextword lessons`) or a lesson file.
    #[arg(long, default_value = "cat-sat")]
    pub lesson: String,
    /// Playback speed in epochs per second.
    #[arg(long, default_value_t = 10.0, value_parser = super::values::positive_f64)]
    pub speed: f64,
    /// Start fullscreen (kiosks, lecture screens).
    #[arg(long)]
    pub fullscreen: bool,
    /// Present as fast as possible instead of in step with the display.
    #[arg(long)]
    pub no_vsync: bool,
    /// Keep the camera still when nobody touches it.
    #[arg(long)]
    pub no_auto_rotate: bool,
    /// Window size in pixels.
    #[arg(long, default_value = "1280x720", value_parser = crate::limits::parse_size)]
    pub size: (u32, u32),
    /// Lecture mode: PageDown/PageUp step through the lesson, B or `.` blanks the screen, the
    /// projector theme (high contrast, no glow).
    #[arg(long, conflicts_with = "kiosk")]
    pub present: bool,
    /// Exhibit mode: fullscreen, attract loop when idle, only the exit chord (default
    /// ctrl+shift+q) or SIGTERM leaves.
    #[arg(long)]
    pub kiosk: bool,
    /// The language of every text: en, de, fr or es (the lessons popup switches it too).
    #[arg(long, default_value = "en")]
    pub lang: crate::i18n::Lang,
    #[command(flatten)]
    pub comfort: super::comfort_args::ComfortArgs,
    #[command(flatten)]
    pub text: super::text_args::TextArgs,
    /// The exhibit config (TOML) for --kiosk; default: the built-in settings.
    #[arg(long)]
    pub config: Option<PathBuf>,
    /// Provoke faults on purpose, for tests: `STEP@TICK,...` with steps lose-device,
    /// lose-surface, outdate-surface, minimize, restore, resize=WxH, scale=F, screenshot, tap,
    /// exit.
    #[arg(long, hide = true, value_parser = Drill::parse)]
    pub drill: Option<Drill>,
    /// The loaded exhibit config (filled by [`WindowArgs::prepare`]).
    #[arg(skip)]
    pub exhibit: Option<ExhibitConfig>,
}

impl WindowArgs {
    /// Loads the exhibit config when the window will run in kiosk mode (`window`: no subcommand),
    /// before logging starts and before any window opens; returns the kiosk's log file, if any.
    pub fn prepare(&mut self, window: bool) -> anyhow::Result<Option<(PathBuf, u64)>> {
        if let Some(path) = self.config.as_ref().filter(|_| !self.kiosk) {
            anyhow::bail!(
                "--config {} is an exhibit config, read in kiosk mode only: add --kiosk",
                path.display()
            );
        }
        if !window || !self.kiosk {
            return Ok(None);
        }
        let config = match &self.config {
            Some(path) => ExhibitConfig::load(path)?,
            None => ExhibitConfig::default(),
        };
        let log = config
            .log_file
            .as_ref()
            .map(|f| (PathBuf::from(f), config.log_max_bytes));
        self.exhibit = Some(config);
        Ok(log)
    }
}

pub fn run(args: &WindowArgs) -> anyhow::Result<()> {
    if !(args.speed.is_finite() && args.speed > 0.0) {
        anyhow::bail!("--speed must be a positive number of epochs per second");
    }
    crate::gpu::check_backend_env()?;
    crate::i18n::set_language(args.lang);
    let mode = if args.kiosk {
        let config = match &args.exhibit {
            Some(config) => config.clone(),
            None => match &args.config {
                Some(path) => ExhibitConfig::load(path)?,
                None => ExhibitConfig::default(),
            },
        };
        // Flags given on the command line hold for every visitor.
        let mut config = config;
        config.comfort = args.comfort.over(config.comfort);
        AppMode::Kiosk(Box::new(config))
    } else if args.present {
        AppMode::Present
    } else {
        AppMode::Normal
    };
    run_app(AppOptions {
        speed: args.speed,
        fullscreen: args.fullscreen || args.kiosk,
        vsync: !args.no_vsync,
        auto_rotate: !args.no_auto_rotate,
        size: args.size,
        mode,
        drill: args.drill.clone(),
        comfort: args.comfort.over(crate::ui::Comfort::default()),
        lesson: args.text.lesson(&args.lesson)?,
    })?;
    Ok(())
}
