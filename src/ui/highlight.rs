//! Which views a step talks about, and their outline: the step card's words point at panels,
//! the scene's cards of those panels get an accent edge.

use egui::{Id, LayerId, Order, Pos2, Stroke, StrokeKind};

use super::kit::ACCENT;
use super::state::Step;
use crate::scene::{Layout, Panel};

/// Which of the scene's views the current step talks about (the scene emphasises these).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ViewHighlights {
    /// The 3D embedding space (the hero view).
    pub embedding: bool,
    pub network: bool,
    /// Prediction probabilities.
    pub bars: bool,
    pub loss: bool,
    /// The focus word's embedding vector.
    pub vector: bool,
    /// Hidden activations.
    pub hidden: bool,
}

impl ViewHighlights {
    pub fn any(&self) -> bool {
        self.embedding || self.network || self.bars || self.loss || self.vector || self.hidden
    }
}

/// The views each step highlights.
pub fn highlighted_views(step: Step) -> ViewHighlights {
    let none = ViewHighlights::default();
    match step {
        Step::Task => ViewHighlights { bars: true, ..none },
        Step::Architecture => ViewHighlights {
            embedding: true,
            network: true,
            vector: true,
            ..none
        },
        Step::Training => ViewHighlights {
            bars: true,
            loss: true,
            vector: true,
            hidden: true,
            ..none
        },
        Step::Takeaways => none,
        // Each written word's forward pass lights the network; the bars show its pair.
        Step::Write => ViewHighlights {
            network: true,
            bars: true,
            ..none
        },
    }
}

/// Outlines the views the step talks about. No panel is dimmed: every number stays readable.
pub(crate) fn outline_views(ctx: &egui::Context, layout: &Layout, hl: ViewHighlights, s: f32) {
    if !hl.any() {
        return;
    }
    let ppp = ctx.pixels_per_point();
    let painter = ctx.layer_painter(LayerId::new(
        Order::Background,
        Id::unique("nextword_ui_highlight"),
    ));
    let to_rect = |r: crate::scene::Rect| {
        egui::Rect::from_min_size(
            Pos2::new(r.x / ppp, r.y / ppp),
            egui::vec2(r.w / ppp, r.h / ppp),
        )
    };
    let cards = [
        (Panel::Embedding, hl.embedding),
        (Panel::Network, hl.network),
        (Panel::Bars, hl.bars),
        (Panel::Loss, hl.loss),
        (Panel::Strip, hl.vector || hl.hidden),
    ];
    for (panel, on) in cards {
        let rect = to_rect(layout.card(panel));
        if on {
            painter.rect_stroke(
                rect,
                12.0 * s,
                Stroke::new(3.0 * s, ACCENT),
                StrokeKind::Outside,
            );
        }
    }
}
