//! Shared marks of the attention views: the panel frame with its title, glowing dots, and the
//! colours for a value's sign and size. Every size is in points, multiplied by the screen scale.

use egui::{Color32, FontId, Painter, Pos2, Rect, pos2, vec2};

use crate::ui::kit::{ACCENT, DIM};

/// Panel background and edge.
const PANEL_FILL: Color32 = Color32::from_rgba_premultiplied(14, 18, 32, 235);
const PANEL_EDGE: Color32 = Color32::from_rgb(48, 58, 86);

/// Draws a panel with `title` and returns the rectangle left for its content.
pub fn panel(painter: &Painter, rect: Rect, title: &str, s: f32, text: Color32) -> Rect {
    // A plate: one quad the canvas draws under egui's meshes, cheap on a software GPU.
    crate::scene::plates::paint_plate(
        painter.ctx(),
        crate::scene::plates::Plate {
            rect,
            radius: 10.0 * s,
            fill: PANEL_FILL,
            stroke: PANEL_EDGE,
            stroke_width: 1.2 * s,
        },
    );
    let title_size = 19.0 * s;
    // A title longer than its panel gets smaller type (down to 70%), then is cut at the edge.
    let room = rect.width() - 24.0 * s;
    let galley = painter.layout_no_wrap(title.to_owned(), FontId::proportional(title_size), text);
    let size = if galley.size().x > room {
        title_size * (room / galley.size().x).max(0.7)
    } else {
        title_size
    };
    painter.with_clip_rect(rect.shrink(2.0)).text(
        rect.min + vec2(12.0 * s, 8.0 * s),
        egui::Align2::LEFT_TOP,
        title,
        FontId::proportional(size),
        text.gamma_multiply(0.85),
    );
    Rect::from_min_max(
        rect.min + vec2(12.0 * s, 14.0 * s + title_size),
        rect.max - vec2(12.0 * s, 10.0 * s),
    )
}

/// A dot that glows with `strength` (0..1): a soft halo under a solid core.
pub fn glow_dot(painter: &Painter, at: Pos2, radius: f32, color: Color32, strength: f32) {
    let k = strength.clamp(0.0, 1.0);
    if k > 0.02 {
        painter.circle_filled(at, radius * (1.6 + 1.4 * k), color.gamma_multiply(0.12 * k));
        painter.circle_filled(
            at,
            radius * (1.25 + 0.5 * k),
            color.gamma_multiply(0.25 * k),
        );
    }
    painter.circle_filled(at, radius, color.gamma_multiply(0.25 + 0.75 * k));
}

/// Warm for a positive value, cool for a negative one; brightness by size (`value / scale`).
pub fn signed_color(value: f64, scale: f64) -> (Color32, f32) {
    let k = (value.abs() / scale.max(1e-9)).min(1.0) as f32;
    let color = if value >= 0.0 {
        Color32::from_rgb(255, 176, 64)
    } else {
        Color32::from_rgb(80, 170, 255)
    };
    (color, k)
}

/// The colour of an attention weight `a` (0..1): from the panel's dark to the accent.
pub fn weight_color(a: f32) -> Color32 {
    let a = a.clamp(0.0, 1.0);
    let dark = [24.0, 30.0, 48.0];
    let hot = [ACCENT.r() as f32, ACCENT.g() as f32, ACCENT.b() as f32];
    let mix = |i: usize| (dark[i] + (hot[i] - dark[i]) * a.sqrt()) as u8;
    Color32::from_rgb(mix(0), mix(1), mix(2))
}

/// A quadratic arc from `a` to `b` bulging up by `height`, as points.
pub fn arc_points(a: Pos2, b: Pos2, height: f32) -> Vec<Pos2> {
    let control = pos2((a.x + b.x) / 2.0, a.y.min(b.y) - 2.0 * height);
    (0..=24)
        .map(|i| {
            let t = i as f32 / 24.0;
            let u = 1.0 - t;
            pos2(
                u * u * a.x + 2.0 * u * t * control.x + t * t * b.x,
                u * u * a.y + 2.0 * u * t * control.y + t * t * b.y,
            )
        })
        .collect()
}

/// Small dimmed text.
pub fn note(painter: &Painter, at: Pos2, align: egui::Align2, text: &str, size: f32) {
    painter.text(at, align, text, FontId::proportional(size), DIM);
}

/// Text ending at `right` (or starting at `left` when it would cross it), vertically at `y` with
/// `valign` (TOP / CENTER / BOTTOM): a label that stays inside its panel.
#[allow(clippy::too_many_arguments)]
pub fn label_within(
    painter: &Painter,
    left: f32,
    right: f32,
    y: f32,
    valign: egui::Align,
    text: &str,
    size: f32,
    color: Color32,
) {
    let galley = painter.layout_no_wrap(text.to_owned(), FontId::proportional(size), color);
    let w = galley.size().x;
    let x = (right - w).max(left);
    let top = match valign {
        egui::Align::Min => y,
        egui::Align::Center => y - galley.size().y / 2.0,
        egui::Align::Max => y - galley.size().y,
    };
    painter.galley(pos2(x, top), galley, color);
}

/// The largest size up to `size` at which `texts`, each centred on its x in `centres`, leave
/// `gap` between neighbours.
pub fn fitting_size(painter: &Painter, texts: &[(f32, String)], size: f32, gap: f32) -> f32 {
    let width = |t: &str, size: f32| {
        painter
            .layout_no_wrap(t.to_owned(), FontId::proportional(size), Color32::WHITE)
            .size()
            .x
    };
    let mut k: f32 = 1.0;
    for pair in texts.windows(2) {
        let room = pair[1].0 - pair[0].0 - gap;
        let need = (width(&pair[0].1, size) + width(&pair[1].1, size)) / 2.0;
        if need > room && need > 0.0 {
            k = k.min((room / need).max(0.55));
        }
    }
    size * k
}
