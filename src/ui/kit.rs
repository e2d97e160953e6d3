//! The overlay's kit: the card frame and style, colours, the screen scale, and how other layers
//! (the kiosk's, tests) find a card. Every card of [`super::overlay`], [`super::controls`] and the
//! kiosk is built from these, so they share one look.
//!
//! How it works: sizes are design pixels at 1080 lines, multiplied by [`ui_scale`] (the screen's
//! height over 1080, and the installed [`Look`]'s scale); [`apply_style`] sets egui's text styles
//! and spacing for that scale on each card, so the scene's labels keep their own.

use egui::{Align2, Color32, FontId, Frame, Id, Order, Stroke, Ui, vec2};

use super::look::Look;
use super::narration::TrainingPhase;

pub use super::look::CONTROL_BAR_HEIGHT_1080;

/// The egui id of the card area named `name` ("narration", "step", ...): other layers (the
/// kiosk's) and tests find the cards by it.
pub fn card_id(name: &str) -> Id {
    Id::unique(("nextword_ui", name))
}

/// Where the area `id` (on the `order` layer) was drawn, if it was shown this frame or the last.
pub fn visible_area_rect(ctx: &egui::Context, order: Order, id: Id) -> Option<egui::Rect> {
    ctx.memory(|m| {
        m.areas()
            .is_visible(&egui::LayerId::new(order, id))
            .then(|| m.area_rect(id))
            .flatten()
    })
}

pub const DIM: Color32 = Color32::from_rgb(176, 186, 206);
pub const ACCENT: Color32 = Color32::from_rgb(255, 200, 72);

/// The colour of a phase's badge.
pub fn phase_color(phase: TrainingPhase) -> Color32 {
    match phase {
        TrainingPhase::Guessing => Color32::from_rgb(150, 160, 190),
        TrainingPhase::Learning => Color32::from_rgb(90, 200, 255),
        TrainingPhase::Converging => Color32::from_rgb(255, 196, 64),
        TrainingPhase::Converged => Color32::from_rgb(110, 230, 120),
        TrainingPhase::Diverged => Color32::from_rgb(255, 96, 96),
    }
}

/// Design pixels (at 1080 lines) to screen units for a screen `width` x `height` in those
/// units, before the look's scale: the overlay is designed for 1080 lines and 1100 columns.
pub fn design_scale(width: f32, height: f32) -> f32 {
    (height / 1080.0).min(width / 1100.0).max(0.3)
}

/// Design pixels (at 1080 lines) to points for this screen and the installed [`Look`].
pub fn ui_scale(ctx: &egui::Context) -> f32 {
    let r = ctx.content_rect();
    design_scale(r.width(), r.height()) * Look::of(ctx).scale
}

/// Names a button for screen readers when its text alone (an arrow, a sign) does not.
pub fn name_button(response: &egui::Response, name: &str) {
    response
        .widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, response.enabled(), name));
}

/// The large, high-contrast style of the overlay's cards, for scale `s` and `look`.
pub fn apply_style(style: &mut egui::Style, s: f32, look: &Look) {
    use egui::TextStyle::*;
    style.text_styles = [
        (Heading, FontId::proportional(34.0 * s)),
        (Body, FontId::proportional(24.0 * s)),
        (Button, FontId::proportional(24.0 * s)),
        (Small, FontId::proportional(18.0 * s)),
        (Monospace, FontId::monospace(22.0 * s)),
    ]
    .into();
    style.visuals = egui::Visuals::dark();
    style.visuals.override_text_color = Some(look.text);
    style.visuals.widgets.inactive.weak_bg_fill = Color32::from_rgb(36, 44, 66);
    style.visuals.widgets.inactive.bg_fill = Color32::from_rgb(36, 44, 66);
    style.visuals.widgets.hovered.weak_bg_fill = Color32::from_rgb(56, 68, 100);
    style.visuals.widgets.active.weak_bg_fill = Color32::from_rgb(80, 96, 140);
    style.visuals.selection.bg_fill = Color32::from_rgb(40, 110, 190);
    style.visuals.extreme_bg_color = Color32::from_rgb(14, 18, 30);
    style.spacing.item_spacing = vec2(12.0 * s, 10.0 * s);
    style.spacing.button_padding = vec2(14.0 * s, 7.0 * s);
    style.spacing.interact_size = vec2(40.0 * s, 40.0 * s);
    style.spacing.slider_width = 150.0 * s;
    style.spacing.icon_width = 24.0 * s;
    style.spacing.combo_width = 120.0 * s;
}

/// A card frame in `look`'s colours.
pub fn card_frame(s: f32, look: &Look) -> Frame {
    Frame::new()
        .fill(look.panel)
        .stroke(Stroke::new(1.5 * s, look.edge))
        .corner_radius(14.0 * s)
        .inner_margin(CARD_MARGIN * s)
}

/// Like [`card`], for a popup the visitor opened (lessons): opaque, and above every card.
pub fn popup_card(
    ctx: &egui::Context,
    id: &str,
    align: Align2,
    offset: egui::Vec2,
    width: f32,
    s: f32,
    add: impl FnOnce(&mut Ui),
) -> egui::Rect {
    egui::Area::new(card_id(id))
        .anchor(align, offset)
        .order(Order::Foreground)
        .movable(false)
        .fade_in(false)
        .show(ctx, |ui| {
            let look = Look::of(ui.ctx());
            apply_style(ui.style_mut(), s, &look);
            card_frame(s, &look)
                .fill(look.panel.to_opaque())
                .show(ui, |ui| {
                    ui.set_width(width);
                    add(ui);
                });
        })
        .response
        .rect
}

/// Shows `add` in a fixed card anchored at `align` + `offset` (points), `width` wide; returns
/// the card's rectangle (points).
pub fn card(
    ctx: &egui::Context,
    id: &str,
    align: Align2,
    offset: egui::Vec2,
    width: f32,
    s: f32,
    add: impl FnOnce(&mut Ui),
) -> egui::Rect {
    egui::Area::new(card_id(id))
        .anchor(align, offset)
        .order(Order::Middle)
        .movable(false)
        .fade_in(false)
        .show(ctx, |ui| {
            let look = Look::of(ui.ctx());
            apply_style(ui.style_mut(), s, &look);
            card_frame(s, &look).show(ui, |ui| {
                ui.set_width(width);
                add(ui);
            });
        })
        .response
        .rect
}

/// Inner margin of a card, design pixels.
pub const CARD_MARGIN: f32 = 20.0;

/// How a [`column_card`] looks: its fill, its border colour and width (points).
pub struct ColumnLook {
    pub fill: Color32,
    pub stroke: Color32,
    pub stroke_width: f32,
}

/// A card that is exactly `column` (points), the lesson column's cards (the lesson, the math):
/// its background a plate the scene draws cheaply ([`crate::scene::plates`]), its body laid out
/// top-down and scrolling when it is longer than the card (large type on a small screen: nothing
/// is cut, the bar shows there is more), and an optional foot `foot_height` points high at a fixed
/// place at the bottom. Returns the card's rectangle.
/// Both parts get `shared` (what they ask for, typically the frame's actions).
#[allow(clippy::too_many_arguments)]
pub fn column_card<T>(
    ctx: &egui::Context,
    name: &str,
    column: egui::Rect,
    look: ColumnLook,
    s: f32,
    foot_height: f32,
    shared: &mut T,
    body: impl FnOnce(&mut Ui, &mut T),
    foot: impl FnOnce(&mut Ui, &mut T),
) -> egui::Rect {
    egui::Area::new(card_id(name))
        .fixed_pos(column.min)
        .order(Order::Middle)
        .movable(false)
        .fade_in(false)
        .show(ctx, |ui| {
            let theme = Look::of(ui.ctx());
            apply_style(ui.style_mut(), s, &theme);
            let (rect, _) = ui.allocate_exact_size(column.size(), egui::Sense::hover());
            crate::scene::plates::paint_plate(
                ui.ctx(),
                crate::scene::plates::Plate {
                    rect,
                    radius: 14.0 * s,
                    fill: look.fill,
                    stroke: look.stroke,
                    stroke_width: look.stroke_width,
                },
            );
            let inner = rect.shrink(CARD_MARGIN * s);
            let gap = if foot_height > 0.0 { 6.0 * s } else { 0.0 };
            let body_rect = egui::Rect::from_min_max(
                inner.min,
                egui::pos2(inner.max.x, inner.max.y - foot_height - gap),
            );
            ui.scope_builder(egui::UiBuilder::new().max_rect(body_rect), |ui| {
                ui.spacing_mut().scroll = egui::style::ScrollStyle::solid();
                egui::ScrollArea::vertical()
                    .max_height(body_rect.height())
                    .scroll_bar_visibility(
                        egui::scroll_area::ScrollBarVisibility::VisibleWhenNeeded,
                    )
                    .auto_shrink([false, false])
                    .show(ui, |ui| {
                        ui.set_width((body_rect.width() - ui.spacing().scroll.bar_width).max(1.0));
                        body(ui, shared);
                    });
            });
            if foot_height > 0.0 {
                let foot_rect = egui::Rect::from_min_max(
                    egui::pos2(inner.min.x, inner.max.y - foot_height),
                    inner.max,
                );
                ui.scope_builder(egui::UiBuilder::new().max_rect(foot_rect), |ui| {
                    foot(ui, shared)
                });
            }
        })
        .response
        .rect
}
