//! What a visitor can ask of the exhibit for their eyes and comfort: calm motion, larger text,
//! colours safe for colour-blind eyes, high contrast; and the smallest touch target a screen's
//! physical size allows.
//!
//! How it works: [`Comfort`] is plain data in [`super::UiState::comfort`], changed by
//! [`super::Action::SetComfort`] (the lessons popup's settings row, keys, or the exhibit config).
//! [`Comfort::look`] turns the theme's [`Look`] into the one the overlay draws with
//! ([`super::UiState::look`]) (high
//! contrast swaps the colours, large text and the touch scale multiply the type size); the window
//! reads `calm_motion` to stop auto-rotation and the network's pulses, and the palette choice is
//! made process-wide ([`crate::scene::palette::set_word_palette`]) so every view colours words
//! the same way.

use super::look::Look;
use crate::scene::palette::WordPalette;

/// How much larger "large text" makes every type size.
pub const LARGE_TEXT: f32 = 1.25;
/// Design size of the overlay's smallest tap target, in pixels at 1080 lines (egui's
/// `interact_size`, see [`super::kit::apply_style`]).
pub const SMALLEST_TARGET_1080: f32 = 40.0;
/// The smallest tap target exhibits ask for, in millimetres.
pub const TOUCH_TARGET_MM: f32 = 15.0;
/// The most the overlay grows to reach [`TOUCH_TARGET_MM`]: beyond this the cards would cover
/// the views, and a smaller screen is better served by larger type alone.
pub const MAX_TOUCH_SCALE: f32 = 1.6;

#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Comfort {
    /// No auto-rotation, no pulses, no breathing or flashing.
    pub calm_motion: bool,
    /// Every type size [`LARGE_TEXT`] times larger.
    pub large_text: bool,
    /// Word colours from [`WordPalette::ColourSafe`].
    pub colour_safe: bool,
    /// White on black cards with white edges, whatever the theme.
    pub high_contrast: bool,
    /// Extra overlay scale so tap targets reach [`TOUCH_TARGET_MM`] (1: none needed or known).
    pub touch_scale: f32,
}

impl Default for Comfort {
    /// Everything as designed: full motion, normal text, vivid colours, the theme's contrast.
    fn default() -> Self {
        Self {
            calm_motion: false,
            large_text: false,
            colour_safe: false,
            high_contrast: false,
            touch_scale: 1.0,
        }
    }
}

impl Comfort {
    /// The overlay's look in `theme`'s [`Look`] with these choices.
    pub fn look(&self, theme: Look) -> Look {
        let mut look = if self.high_contrast {
            Look {
                scale: theme.scale,
                ..Look::HIGH_CONTRAST
            }
        } else {
            theme
        };
        if self.large_text {
            look.scale *= LARGE_TEXT;
        }
        look.scale *= self.touch_scale.clamp(1.0, MAX_TOUCH_SCALE);
        look
    }

    /// The word palette these choices ask for.
    pub fn palette(&self) -> WordPalette {
        if self.colour_safe {
            WordPalette::ColourSafe
        } else {
            WordPalette::Vivid
        }
    }
}

/// The overlay scale at which the smallest tap target is `TOUCH_TARGET_MM` wide on a screen
/// `screen_width_mm` wide showing `size_px` pixels: 1 when targets are large enough already,
/// at most [`MAX_TOUCH_SCALE`].
pub fn touch_scale(screen_width_mm: f32, size_px: (u32, u32)) -> f32 {
    let (w, h) = (size_px.0.max(1) as f32, size_px.1.max(1) as f32);
    if !(screen_width_mm.is_finite() && screen_width_mm > 0.0) {
        return 1.0;
    }
    let px_per_mm = w / screen_width_mm;
    let design_to_px = super::kit::design_scale(w, h);
    let smallest_px = SMALLEST_TARGET_1080 * design_to_px;
    (TOUCH_TARGET_MM * px_per_mm / smallest_px).clamp(1.0, MAX_TOUCH_SCALE)
}

/// The millimetres the smallest tap target measures at overlay scale `scale` (design pixels to
/// screen pixels, look included) on a screen `screen_width_mm` wide showing `width_px` pixels.
pub fn smallest_target_mm(scale_px: f32, screen_width_mm: f32, width_px: u32) -> f32 {
    SMALLEST_TARGET_1080 * scale_px * screen_width_mm / width_px.max(1) as f32
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn targets_reach_fifteen_millimetres_where_the_screen_allows() {
        // A 24-inch 1080p touch screen (531 mm wide): the overlay grows until targets are 15 mm.
        let scale = touch_scale(531.0, (1920, 1080));
        assert!(scale > 1.0);
        let mm = smallest_target_mm(scale, 531.0, 1920);
        assert!((mm - 15.0).abs() < 0.01, "{mm}");
        // A 55-inch one (1210 mm) needs nothing.
        assert_eq!(touch_scale(1210.0, (1920, 1080)), 1.0);
        assert!(smallest_target_mm(1.0, 1210.0, 1920) >= 15.0);
        // Unknown or nonsense sizes change nothing; a tiny screen stops at the cap.
        assert_eq!(touch_scale(f32::NAN, (1920, 1080)), 1.0);
        assert_eq!(touch_scale(0.0, (1920, 1080)), 1.0);
        assert_eq!(touch_scale(100.0, (1920, 1080)), MAX_TOUCH_SCALE);
    }

    #[test]
    fn the_look_follows_the_choices() {
        let theme = Look::DARK;
        let plain = Comfort::default();
        assert_eq!(plain.look(theme), theme);
        let large = Comfort {
            large_text: true,
            ..plain
        };
        assert!((large.look(theme).scale - LARGE_TEXT).abs() < 1e-6);
        let contrast = Comfort {
            high_contrast: true,
            ..plain
        };
        assert_eq!(contrast.look(theme).text, Look::HIGH_CONTRAST.text);
        assert_eq!(contrast.look(theme).scale, theme.scale);
        assert_eq!(
            Comfort {
                colour_safe: true,
                ..plain
            }
            .palette(),
            WordPalette::ColourSafe
        );
    }
}
