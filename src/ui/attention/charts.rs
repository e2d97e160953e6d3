//! The loss chart (the attention model's loss over the recorded epochs, the context-2 MLP's on
//! the same text as a labelled ghost "without attention", the playhead) and the bars of the
//! selected pair's next-word probabilities at the shown epoch.

use egui::{Align2, Color32, FontId, Painter, Rect, Shape, Stroke, pos2, vec2};

use super::paint::{label_within, note};
use super::story::{AttnStory, top_words};
use crate::engine::attention_history::AttnSlot;
use crate::i18n::format::{loss, percent, tick};
use crate::scene::palette::word_text;
use crate::tr;
use crate::ui::kit::ACCENT;

const GHOST: Color32 = Color32::from_rgb(150, 156, 172);

/// `size`, or smaller (down to 60%) so `text` fits in `room`.
fn fitted(painter: &Painter, text: &str, size: f32, room: f32) -> f32 {
    let wide = painter
        .layout_no_wrap(text.to_owned(), FontId::proportional(size), Color32::WHITE)
        .size()
        .x;
    size * (room / wide.max(1.0)).clamp(0.6, 1.0)
}

/// Paints the loss chart up to `playhead` into `rect`.
pub fn paint_loss(painter: &Painter, rect: Rect, story: &AttnStory, playhead: f32, s: f32) {
    let painter = &painter.with_clip_rect(rect.expand(4.0 * s));
    let last = story.last_epoch().max(story.total_epochs).max(1) as f32;
    let ghost = story.ghost.as_deref().unwrap_or(&[]);
    let values = story
        .slots
        .iter()
        .map(|s| s.loss)
        .chain(ghost.iter().map(|&g| g as f32))
        .filter(|x| x.is_finite() && *x > 0.0);
    // A log axis: the gap between the two floors reads at any size.
    let top = values.clone().fold(0.1f32, f32::max).ln() + 0.1;
    let bottom = values.fold(top.exp(), f32::min).max(1e-3).ln() - 0.3;
    let plot = Rect::from_min_max(
        rect.min + vec2(34.0 * s, 0.0),
        rect.max - vec2(0.0, 20.0 * s),
    );
    let at = |epoch: f32, value: f32| {
        let y = (value.max(1e-6).ln() - bottom) / (top - bottom).max(1e-3);
        pos2(
            plot.left() + plot.width() * (epoch / last).min(1.0),
            plot.bottom() - plot.height() * y.clamp(0.0, 1.0),
        )
    };
    painter.line_segment(
        [plot.left_bottom(), plot.right_bottom()],
        Stroke::new(1.0 * s, Color32::from_gray(80)),
    );
    for value in [0.01f32, 0.03, 0.1, 0.3, 1.0, 3.0, 10.0] {
        let ln = value.ln();
        if ln < bottom || ln > top {
            continue;
        }
        let y = at(0.0, value).y;
        painter.line_segment(
            [pos2(plot.left(), y), pos2(plot.right(), y)],
            Stroke::new(1.0 * s, Color32::from_gray(34)),
        );
        note(
            painter,
            pos2(plot.left() - 6.0 * s, y),
            Align2::RIGHT_CENTER,
            &tick(value),
            15.0 * s,
        );
    }
    // The ghost: every epoch up to the playhead, dashed.
    let shown = (playhead.max(0.0) as usize + 1).min(ghost.len());
    if shown > 1 {
        let points: Vec<_> = ghost[..shown]
            .iter()
            .enumerate()
            .map(|(e, &g)| at(e as f32, g as f32))
            .collect();
        painter.extend(Shape::dashed_line(
            &points,
            Stroke::new(2.0 * s, GHOST),
            8.0 * s,
            6.0 * s,
        ));
        let end = points[points.len() - 1];
        let text = format!("{} {}", tr!("attn-without"), loss(ghost[shown - 1] as f32));
        let size = fitted(painter, &text, 17.0 * s, plot.width() - 8.0 * s);
        label_within(
            painter,
            plot.left() + 4.0 * s,
            end.x.max(plot.left() + 4.0 * s),
            end.y - 6.0 * s,
            egui::Align::Max,
            &text,
            size,
            GHOST,
        );
    }
    let points: Vec<_> = story
        .slots
        .iter()
        .filter(|slot| slot.epoch as f32 <= playhead + 1e-3)
        .map(|slot| at(slot.epoch as f32, slot.loss))
        .collect();
    if points.len() > 1 {
        painter.add(Shape::line(
            points.clone(),
            Stroke::new(5.0 * s, ACCENT.gamma_multiply(0.2)),
        ));
        painter.add(Shape::line(points.clone(), Stroke::new(2.2 * s, ACCENT)));
        let end = points[points.len() - 1];
        painter.circle_filled(end, 4.0 * s, ACCENT);
        let newest = story
            .slots
            .iter()
            .rev()
            .find(|slot| slot.epoch as f32 <= playhead + 1e-3)
            .map_or(0.0, |slot| slot.loss);
        let text = format!("{} {}", tr!("attn-with"), loss(newest));
        let size = fitted(painter, &text, 17.0 * s, plot.width() - 8.0 * s);
        label_within(
            painter,
            plot.left() + 4.0 * s,
            end.x.max(plot.left() + 4.0 * s),
            end.y + 6.0 * s,
            egui::Align::Min,
            &text,
            size,
            ACCENT,
        );
    }
    let x = at(playhead.min(last), 0.0).x;
    painter.line_segment(
        [pos2(x, plot.top()), pos2(x, plot.bottom())],
        Stroke::new(1.0 * s, Color32::from_gray(120)),
    );
}

/// Paints the next-word bars of `pair` at `slot` into `rect`: the top words, the text's next
/// word marked.
pub fn paint_bars(
    painter: &Painter,
    rect: Rect,
    story: &AttnStory,
    slot: &AttnSlot,
    pair: usize,
    s: f32,
) {
    let Some(p) = story.pairs.get(pair) else {
        return;
    };
    let rows = top_words(slot, pair, 5);
    let row_h = rect.height() / rows.len().max(1) as f32;
    let size = (row_h * 0.5).min(20.0 * s);
    let label_w = rect.width() * 0.36;
    for (i, (w, pw)) in rows.iter().enumerate() {
        let y = rect.top() + row_h * (i as f32 + 0.5);
        let color = word_text(*w as usize);
        let is_next = *w == p.target;
        painter.text(
            pos2(rect.left() + label_w - 8.0 * s, y),
            Align2::RIGHT_CENTER,
            story.word(*w),
            FontId::proportional(size),
            color,
        );
        let full = rect.right() - 64.0 * s - rect.left() - label_w;
        let bar = Rect::from_min_size(
            pos2(rect.left() + label_w, y - row_h * 0.28),
            vec2((full * pw).max(1.0), row_h * 0.56),
        );
        painter.rect_filled(bar, 3.0 * s, color.gamma_multiply(0.85));
        if is_next {
            painter.rect_stroke(
                bar.expand(2.0 * s),
                3.0 * s,
                Stroke::new(2.0 * s, ACCENT),
                egui::StrokeKind::Outside,
            );
        }
        painter.text(
            pos2(bar.right() + 6.0 * s, y),
            Align2::LEFT_CENTER,
            percent(*pw),
            FontId::proportional(size * 0.9),
            Color32::WHITE,
        );
    }
}
