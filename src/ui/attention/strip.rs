//! The sentence strip (the selected pair's words, with glowing arcs from the word the model
//! stands on to every word it reads, width and glow by attention weight) and the heatmap (every
//! pair × how many words back, at the shown epoch; a click picks a pair).

use egui::{Align2, Color32, FontId, Painter, Rect, Sense, Shape, Stroke, pos2, vec2};

use super::paint::{arc_points, note, weight_color};
use super::story::{AttnStory, top_words};
use crate::engine::attention_history::AttnSlot;
use crate::i18n::format::percent;
use crate::scene::palette::word_text;
use crate::tr;
use crate::ui::kit::ACCENT;

/// Paints the strip of `pair` at `slot` into `rect`.
pub fn paint_strip(
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
    let weights = slot.attention.get(pair).cloned().unwrap_or_default();
    let guess = top_words(slot, pair, 1).first().copied();
    // The words, then the box of the next word.
    let mut words: Vec<String> = p
        .context
        .iter()
        .map(|&w| story.word(w).to_owned())
        .collect();
    words.push(guess.map_or("?".into(), |(w, _)| story.word(w).to_owned()));
    let mut size = (42.0 * s).min(rect.height() * 0.3);
    let gap = 26.0 * s;
    let last = p.context.len() - 1;
    // Each word's slot is as wide as the word or its "n back" label, whichever is wider.
    let sub = |i: usize| -> String {
        if i < last + 1 {
            tr!("attn-back-n", n = last - i)
        } else {
            String::new()
        }
    };
    let widths = |size: f32| -> Vec<f32> {
        words
            .iter()
            .enumerate()
            .map(|(i, w)| {
                let word = painter
                    .layout_no_wrap(w.clone(), FontId::proportional(size), Color32::WHITE)
                    .size()
                    .x;
                let label = painter
                    .layout_no_wrap(sub(i), FontId::proportional(size * 0.43), Color32::WHITE)
                    .size()
                    .x;
                word.max(label)
            })
            .collect()
    };
    let mut w = widths(size);
    let total = |w: &[f32]| w.iter().sum::<f32>() + gap * (w.len() as f32 - 1.0);
    if total(&w) > rect.width() {
        size *= (rect.width() / total(&w)).max(0.4);
        w = widths(size);
    }
    let baseline = rect.bottom() - size * 1.15;
    let mut x = rect.center().x - total(&w) / 2.0;
    let mut centers = Vec::with_capacity(words.len());
    for wi in &w {
        centers.push(x + wi / 2.0);
        x += wi + gap;
    }
    let top_y = baseline - size * 0.6;
    let span = rect.height() - size * 2.0;
    // Arcs under the words, weakest first so the strongest lies on top.
    let mut order: Vec<usize> = (0..weights.len()).collect();
    order.sort_by(|a, b| weights[*a].total_cmp(&weights[*b]));
    let far = centers[last] - centers[0];
    for &sidx in &order {
        let a = weights[sidx];
        let from = pos2(centers[last], top_y);
        let to = pos2(centers[sidx], top_y);
        let reach = if far > 0.0 {
            (from.x - to.x) / far
        } else {
            0.0
        };
        let height = if sidx == last {
            span * 0.18
        } else {
            span * (0.25 + 0.25 * reach)
        };
        let points = if sidx == last {
            // A small loop over the word itself.
            let r = 14.0 * s;
            (0..=24)
                .map(|i| {
                    let t = std::f32::consts::PI * (1.0 + i as f32 / 24.0 * 2.0);
                    pos2(
                        from.x + r * 0.9 * t.cos(),
                        from.y - r - r * 0.9 * t.sin().abs(),
                    )
                })
                .collect()
        } else {
            arc_points(from, to, height)
        };
        let width = (1.0 + 12.0 * a) * s;
        painter.add(Shape::line(
            points.clone(),
            Stroke::new(width * 2.6, ACCENT.gamma_multiply(0.10 + 0.2 * a)),
        ));
        painter.add(Shape::line(
            points.clone(),
            Stroke::new(width, weight_color(a.max(0.08))),
        ));
        if a >= 0.03 {
            // Above the word it reads (words never overlap, so neither do the labels).
            let apex = points[if sidx == last {
                points.len() / 2
            } else {
                points.len() * 4 / 5
            }];
            painter.text(
                apex - vec2(0.0, 4.0 * s),
                Align2::CENTER_BOTTOM,
                percent(a),
                FontId::proportional(22.0 * s),
                Color32::WHITE.gamma_multiply(0.5 + 0.5 * a),
            );
        }
    }
    for (i, word) in words.iter().enumerate() {
        let at = pos2(centers[i], baseline);
        if i == words.len() - 1 {
            let r = Rect::from_center_size(at, vec2(w[i] + 16.0 * s, size * 1.35));
            painter.rect_stroke(
                r,
                6.0 * s,
                Stroke::new(2.0 * s, ACCENT),
                egui::StrokeKind::Outside,
            );
            let shown = guess.map_or(String::new(), |(_, pw)| percent(pw));
            note(
                painter,
                pos2(at.x, r.bottom() + 4.0 * s),
                Align2::CENTER_TOP,
                &shown,
                17.0 * s,
            );
        } else {
            note(
                painter,
                pos2(at.x, baseline + size * 0.62),
                Align2::CENTER_TOP,
                &sub(i),
                size * 0.43,
            );
        }
        let color = if i == words.len() - 1 {
            ACCENT
        } else {
            word_text(p.context[i] as usize)
        };
        painter.text(
            at,
            Align2::CENTER_CENTER,
            word,
            FontId::proportional(size),
            color,
        );
        if i == last {
            painter.line_segment(
                [
                    pos2(at.x - w[i] / 2.0, baseline + size * 0.55),
                    pos2(at.x + w[i] / 2.0, baseline + size * 0.55),
                ],
                Stroke::new(2.0 * s, color),
            );
        }
    }
}

/// Paints the heatmap into `rect` (rows: pairs, columns: words back) and returns the pair
/// clicked, if any. A text with more places than fit (rows of at least 12 points) shows the
/// rows around the selected one (↑/↓ move through them).
pub fn heatmap(
    ui: &mut egui::Ui,
    rect: Rect,
    story: &AttnStory,
    slot: &AttnSlot,
    selected: usize,
    s: f32,
) -> Option<usize> {
    let painter = ui.painter_at(rect.expand(2.0));
    let window = story.dims.window.max(1);
    let n = story.pairs.len().max(1);
    let header = 22.0 * s;
    let label_w = (rect.width() * 0.42).min(260.0 * s);
    let grid = Rect::from_min_max(pos2(rect.left() + label_w, rect.top() + header), rect.max);
    let fit = ((grid.height() / (12.0 * s)).floor() as usize).max(1);
    let shown = if n <= fit {
        0..n
    } else {
        let start = selected.saturating_sub(fit / 2).min(n - fit);
        start..start + fit
    };
    let pairs = &story.pairs[shown.start..shown.end.min(story.pairs.len())];
    let cell = vec2(
        grid.width() / window as f32,
        grid.height() / shown.len() as f32,
    );
    for r in 0..window {
        note(
            &painter,
            pos2(grid.left() + (r as f32 + 0.5) * cell.x, rect.top()),
            Align2::CENTER_TOP,
            &r.to_string(),
            16.0 * s,
        );
    }
    // "words back →" ends where the columns begin, in type small enough to fit there.
    let back = tr!("attn-words-back");
    let room = grid.left() - rect.left() - 6.0 * s;
    let wide = painter
        .layout_no_wrap(back.clone(), FontId::proportional(16.0 * s), Color32::WHITE)
        .size()
        .x;
    let size = 16.0 * s * (room / wide.max(1.0)).clamp(0.55, 1.0);
    note(
        &painter.with_clip_rect(Rect::from_min_max(rect.min, pos2(grid.left(), grid.top()))),
        pos2(grid.left() - 6.0 * s, rect.top()),
        Align2::RIGHT_TOP,
        &back,
        size,
    );
    // Row labels: "last two words → next word", in type small enough for the longest to fit
    // (down to 70%); where even that is too long, the last word alone.
    let label = |pair: &crate::model::attention::AttnPair, words: usize| {
        let len = pair.context.len();
        let tail: Vec<&str> = pair.context[len.saturating_sub(words)..]
            .iter()
            .map(|&w| story.word(w))
            .collect();
        format!("{} → {}", tail.join(" "), story.word(pair.target))
    };
    let room = label_w - 12.0 * s;
    let widest = |words: usize, size: f32| {
        pairs
            .iter()
            .map(|p| {
                painter
                    .layout_no_wrap(label(p, words), FontId::proportional(size), Color32::WHITE)
                    .size()
                    .x
            })
            .fold(0.0f32, f32::max)
    };
    let mut label_size = (cell.y * 0.78).min(17.0 * s);
    let mut words = 2;
    let wide = widest(2, label_size);
    if wide > room {
        if wide * 0.7 <= room {
            label_size *= room / wide;
        } else {
            words = 1;
            let one = widest(1, label_size);
            if one > room {
                label_size *= (room / one).max(0.7);
            }
        }
    }
    for (row, pair) in pairs.iter().enumerate() {
        let j = shown.start + row;
        let y = grid.top() + row as f32 * cell.y;
        let len = pair.context.len();
        let weights = slot.attention.get(j);
        for r in 0..window {
            let cell_rect =
                Rect::from_min_size(pos2(grid.left() + r as f32 * cell.x, y), cell).shrink(0.6);
            match weights.and_then(|w| (r < len).then(|| w[len - 1 - r])) {
                Some(a) => painter.rect_filled(cell_rect, 1.5 * s, weight_color(a)),
                None => painter.rect_filled(cell_rect, 0.0, Color32::from_rgb(10, 12, 20)),
            };
        }
        if label_size >= 9.0 {
            let text = label(pair, words);
            let galley = painter.layout_no_wrap(
                text,
                FontId::proportional(label_size),
                if j == selected {
                    ACCENT
                } else {
                    Color32::from_gray(200)
                },
            );
            let at = pos2(
                grid.left() - 8.0 * s - galley.size().x,
                y + (cell.y - galley.size().y) / 2.0,
            );
            let clip = Rect::from_min_max(pos2(rect.left(), y), pos2(grid.left(), y + cell.y));
            ui.painter_at(clip).galley(at, galley, Color32::WHITE);
        }
    }
    let row = Rect::from_min_size(
        pos2(
            rect.left(),
            grid.top() + selected.saturating_sub(shown.start) as f32 * cell.y,
        ),
        vec2(rect.width(), cell.y),
    );
    painter.rect_stroke(
        row,
        2.0 * s,
        Stroke::new(2.0 * s, ACCENT),
        egui::StrokeKind::Outside,
    );
    let response = ui.interact(
        rect,
        egui::Id::unique("nextword attention heatmap"),
        Sense::click(),
    );
    // A screen reader hears what the grid is.
    response
        .widget_info(|| egui::WidgetInfo::labeled(egui::Role::Grid, true, tr!("attn-panel-heat")));
    let clicked = response
        .clicked()
        .then(|| response.interact_pointer_pos())
        .flatten()?;
    let row = ((clicked.y - grid.top()) / cell.y).floor();
    (row >= 0.0 && (row as usize) < pairs.len()).then_some(shown.start + row as usize)
}
