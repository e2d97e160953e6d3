//! How the overlay looks: the exhibit's dark look, or a projector's high contrast and larger type.
//!
//! How it works: the window puts a [`Look`] in [`super::UiState::look`] (from the kiosk or lecture
//! theme); [`super::overlay_ui`] installs it in the egui context at the start of every pass, so
//! every card, the control bar and the hover tooltips read the same one ([`Look::of`]) without
//! passing it through each function. [`super::kit::ui_scale`] multiplies the screen's scale
//! by [`Look::scale`], so type, cards and the control bar grow together, and the scene keeps its
//! views above the taller bar ([`Look::control_bar_1080`]).

use egui::{Color32, Id};

/// Height the control bar takes at 1080 lines (scale with `height / 1080`); the scene may keep
/// its cards above it.
pub const CONTROL_BAR_HEIGHT_1080: f32 = 120.0;

#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Look {
    /// Multiplies every size of the overlay: type, cards, the control bar.
    pub scale: f32,
    pub text: Color32,
    pub panel: Color32,
    pub edge: Color32,
}

impl Default for Look {
    fn default() -> Self {
        Self::DARK
    }
}

impl Look {
    /// Translucent dark cards with soft edges, over the glowing scene.
    pub const DARK: Look = Look {
        scale: 1.0,
        text: Color32::from_rgb(238, 242, 250),
        panel: Color32::from_rgba_premultiplied(9, 12, 22, 228),
        edge: Color32::from_rgb(58, 70, 100),
    };

    /// White type on black cards with white edges: the highest contrast (WCAG AAA), as the
    /// projector theme and the "high contrast" choice use.
    pub const HIGH_CONTRAST: Look = Look {
        scale: 1.0,
        text: Color32::WHITE,
        panel: Color32::BLACK,
        edge: Color32::WHITE,
    };

    fn id() -> Id {
        Id::unique("nextword_ui_look")
    }

    /// Makes `self` the look of every overlay drawn in `ctx` from now on.
    pub fn install(self, ctx: &egui::Context) {
        ctx.data_mut(|d| d.insert_temp(Self::id(), self));
    }

    /// The look installed in `ctx` (the dark one when none was).
    pub fn of(ctx: &egui::Context) -> Look {
        ctx.data(|d| d.get_temp(Self::id())).unwrap_or_default()
    }

    /// The control bar's height in design pixels at 1080 lines.
    pub fn control_bar_1080(&self) -> f32 {
        CONTROL_BAR_HEIGHT_1080 * self.scale
    }
}
