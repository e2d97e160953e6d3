//! Kiosk and lecture themes: the dark exhibit look, and a high-contrast projector look with
//! larger type.
//!
//! How it works: a [`Theme`] is chosen by the exhibit config (`theme = "dark" | "projector"`) or by
//! `--present` (always projector). [`Theme::style`] gives plain data (text scale, colours, glow,
//! touch-target size) that the kiosk overlay ([`super::overlay`]) uses directly and the window
//! passes on to the scene (`frame.bloom.enabled`) and the lesson overlay (text scale).

use std::str::FromStr;

use egui::Color32;

use crate::ui::Look;

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Theme {
    /// The normal dark look with glow.
    #[default]
    Dark,
    /// High contrast for projectors: opaque black panels, white text, yellow accents, larger
    /// type, no glow (projectors wash it out).
    Projector,
}

impl FromStr for Theme {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        match s.trim().to_lowercase().as_str() {
            "dark" => Ok(Theme::Dark),
            "projector" => Ok(Theme::Projector),
            _ => Err(format!(
                "unknown theme `{s}`, expected \"dark\" or \"projector\""
            )),
        }
    }
}

/// What a theme looks like, as plain data.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ThemeStyle {
    /// Multiplies every font size of the overlays.
    pub text_scale: f32,
    pub text: Color32,
    pub panel: Color32,
    pub accent: Color32,
    pub edge: Color32,
    /// Whether the scene's bloom glow is on.
    pub bloom: bool,
    /// Smallest side of a tap target, in points at 1080 lines (touch screens want >= 48 px at
    /// typical kiosk sizes; more is kinder to children and gloves).
    pub touch_target: f32,
}

impl ThemeStyle {
    /// The lesson overlay's look in this theme (type size, text, panels, edges).
    pub fn look(&self) -> crate::ui::Look {
        crate::ui::Look {
            scale: self.text_scale,
            text: self.text,
            panel: self.panel,
            edge: self.edge,
        }
    }
}

impl Theme {
    pub fn style(self) -> ThemeStyle {
        match self {
            Theme::Dark => ThemeStyle {
                text_scale: 1.0,
                text: Look::DARK.text,
                panel: Look::DARK.panel,
                accent: Color32::from_rgb(255, 200, 72),
                edge: Look::DARK.edge,
                bloom: true,
                touch_target: 88.0,
            },
            Theme::Projector => ThemeStyle {
                text_scale: 1.2,
                text: Look::HIGH_CONTRAST.text,
                panel: Look::HIGH_CONTRAST.panel,
                accent: Color32::from_rgb(255, 230, 0),
                edge: Look::HIGH_CONTRAST.edge,
                bloom: false,
                touch_target: 88.0,
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// WCAG relative luminance of an sRGB colour.
    fn luminance(c: Color32) -> f32 {
        let f = |v: u8| {
            let v = v as f32 / 255.0;
            if v <= 0.03928 {
                v / 12.92
            } else {
                ((v + 0.055) / 1.055).powf(2.4)
            }
        };
        0.2126 * f(c.r()) + 0.7152 * f(c.g()) + 0.0722 * f(c.b())
    }

    #[test]
    fn parses_names() {
        assert_eq!("Projector".parse::<Theme>(), Ok(Theme::Projector));
        assert_eq!("dark".parse::<Theme>(), Ok(Theme::Dark));
        assert!(
            "neon"
                .parse::<Theme>()
                .unwrap_err()
                .contains("\"projector\"")
        );
    }

    #[test]
    fn projector_is_high_contrast_and_larger() {
        let p = Theme::Projector.style();
        let ratio = (luminance(p.text) + 0.05) / (luminance(p.panel) + 0.05);
        assert!(ratio >= 7.0, "contrast {ratio}"); // WCAG AAA
        assert!(p.text_scale > Theme::Dark.style().text_scale);
        assert!(!p.bloom);
        // The lesson overlay follows: the dark theme's look is the overlay's default.
        assert_eq!(Theme::Dark.style().look(), crate::ui::Look::default());
        assert_eq!(p.look().scale, p.text_scale);
    }
}
