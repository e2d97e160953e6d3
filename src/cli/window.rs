//! `nextword` with no subcommand: the interactive window, training a lesson and playing it.

use crate::app::{AppOptions, run as run_app};

#[derive(clap::Args, Debug)]
pub struct WindowArgs {
    /// Lesson id (see `nextword lessons`) or a lesson file.
    #[arg(long, default_value = "cat-sat")]
    pub lesson: String,
    /// Playback speed in epochs per second.
    #[arg(long, default_value_t = 10.0)]
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
    #[arg(long, default_value = "1280x720", value_parser = super::render::parse_size)]
    pub size: (u32, u32),
}

pub fn run(args: &WindowArgs) -> anyhow::Result<()> {
    if !(args.speed.is_finite() && args.speed > 0.0) {
        anyhow::bail!("--speed must be a positive number of epochs per second");
    }
    run_app(AppOptions {
        lesson: args.lesson.clone(),
        speed: args.speed,
        fullscreen: args.fullscreen,
        vsync: !args.no_vsync,
        auto_rotate: !args.no_auto_rotate,
        size: args.size,
    })?;
    Ok(())
}
