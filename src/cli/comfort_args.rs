//! The viewing choices as flags, shared by the window and `render`: `--calm`, `--large-text`,
//! `--palette colour-safe`, `--high-contrast` (the lessons popup and the exhibit config offer the
//! same).

use crate::scene::palette::WordPalette;
use crate::ui::Comfort;

#[derive(clap::Args, Debug, Clone, Default)]
pub struct ComfortArgs {
    /// Calm motion: no auto-rotation, no pulses through the network (key Z).
    #[arg(long)]
    pub calm: bool,
    /// Every text 25% larger (key T).
    #[arg(long)]
    pub large_text: bool,
    /// Word colours: `vivid`, or `colour-safe` (apart for colour-blind eyes).
    #[arg(long)]
    pub palette: Option<WordPalette>,
    /// White type on black panels.
    #[arg(long)]
    pub high_contrast: bool,
}

impl ComfortArgs {
    /// These flags over `base` (an exhibit's choices, or the defaults): a flag given turns its
    /// choice on.
    pub fn over(&self, base: Comfort) -> Comfort {
        Comfort {
            calm_motion: base.calm_motion || self.calm,
            large_text: base.large_text || self.large_text,
            colour_safe: self
                .palette
                .map_or(base.colour_safe, |p| p == WordPalette::ColourSafe),
            high_contrast: base.high_contrast || self.high_contrast,
            touch_scale: base.touch_scale,
        }
    }
}
