//! The 3D space of the attention model's vectors (every word's embedding and, when shown, the
//! position vectors by recency) and its network view (query, keys, values and the output layer
//! of the selected pair, as glowing neurons and weighted lines, like the MLP's network view).
//!
//! How it works: the space projects the vectors of the shown epoch onto the three main
//! directions of the newest epoch's vectors (a small PCA by power iteration, signs fixed so the
//! view does not flip), then turns them by the camera's yaw and pitch with a soft perspective.
//! The network view runs ATTENTION.md's forward pass ([`attend`]) on the shown epoch's
//! parameters: the same numbers the engine recorded for that epoch.

use egui::{Align2, Color32, FontId, Painter, Pos2, Rect, Stroke, pos2, vec2};

use super::paint::{glow_dot, note, signed_color};
use super::story::{AttnStory, top_words};
use crate::engine::attention_history::AttnSlot;
use crate::i18n::format::percent;
use crate::model::attention::attend;
use crate::scene::palette::word_text;
use crate::tr;
use crate::ui::kit::ACCENT;

/// The rows of embedding (and position) vectors of `slot`.
fn vectors(story: &AttnStory, slot: &AttnSlot, positions: bool) -> Vec<Vec<f64>> {
    let d = story.dims.embed_dim;
    let rows = story.dims.vocab + if positions { story.dims.window } else { 0 };
    (0..rows)
        .filter_map(|r| slot.params.get(r * d..(r + 1) * d))
        .map(|row| row.iter().map(|&x| f64::from(x)).collect())
        .collect()
}

/// The mean and the three main directions of `rows` (fewer when the vectors span fewer).
pub fn principal_axes(rows: &[Vec<f64>]) -> (Vec<f64>, Vec<Vec<f64>>) {
    let d = rows.first().map_or(0, Vec::len);
    let n = rows.len().max(1) as f64;
    let mean: Vec<f64> = (0..d)
        .map(|i| rows.iter().map(|r| r[i]).sum::<f64>() / n)
        .collect();
    let mut cov = vec![vec![0.0; d]; d];
    for r in rows {
        for i in 0..d {
            for j in 0..d {
                cov[i][j] += (r[i] - mean[i]) * (r[j] - mean[j]) / n;
            }
        }
    }
    let mut axes: Vec<Vec<f64>> = Vec::new();
    for k in 0..3.min(d) {
        let mut v: Vec<f64> = (0..d).map(|i| if i == k { 1.0 } else { 0.5 }).collect();
        for _ in 0..100 {
            let mut next: Vec<f64> = (0..d)
                .map(|i| (0..d).map(|j| cov[i][j] * v[j]).sum())
                .collect();
            for axis in &axes {
                let dot: f64 = next.iter().zip(axis).map(|(a, b)| a * b).sum();
                for (x, a) in next.iter_mut().zip(axis) {
                    *x -= dot * a;
                }
            }
            let norm = next.iter().map(|x| x * x).sum::<f64>().sqrt();
            if norm < 1e-12 {
                break;
            }
            v = next.iter().map(|x| x / norm).collect();
        }
        // The largest component positive: the same direction from epoch to epoch.
        let big = v
            .iter()
            .copied()
            .max_by(|a, b| a.abs().total_cmp(&b.abs()))
            .unwrap_or(1.0);
        if big < 0.0 {
            v.iter_mut().for_each(|x| *x = -*x);
        }
        axes.push(v);
    }
    (mean, axes)
}

/// Paints the space into `rect`, turned by (yaw, pitch) radians.
#[allow(clippy::too_many_arguments)]
pub fn paint_space(
    painter: &Painter,
    rect: Rect,
    story: &AttnStory,
    slot: &AttnSlot,
    pair: usize,
    positions: bool,
    (yaw, pitch): (f32, f32),
    s: f32,
) {
    let Some(newest) = story.slots.last() else {
        return;
    };
    let newest = vectors(story, newest, positions);
    let (mean, axes) = principal_axes(&newest);
    let project = |v: &[f64]| -> [f32; 3] {
        let mut out = [0.0f32; 3];
        for (k, axis) in axes.iter().enumerate() {
            out[k] = v
                .iter()
                .zip(&mean)
                .zip(axis)
                .map(|((x, m), a)| (x - m) * a)
                .sum::<f64>() as f32;
        }
        out
    };
    let scale = newest
        .iter()
        .map(|v| {
            let p = project(v);
            (p[0] * p[0] + p[1] * p[1] + p[2] * p[2]).sqrt()
        })
        .fold(1e-6f32, f32::max);
    let (sy, cy) = yaw.sin_cos();
    let (sp, cp) = pitch.sin_cos();
    let half = rect.width().min(rect.height()) * 0.42;
    let to_screen = |p: [f32; 3]| -> (Pos2, f32) {
        let [x, y, z] = p.map(|c| c / scale);
        let (x1, z1) = (x * cy + z * sy, -x * sy + z * cy);
        let (y1, z2) = (y * cp - z1 * sp, y * sp + z1 * cp);
        let depth = 1.0 / (1.0 + 0.25 * z2);
        (
            pos2(
                rect.center().x + x1 * half * depth,
                rect.center().y - y1 * half * depth,
            ),
            depth,
        )
    };
    // The axes' cross at the centre.
    for k in 0..3 {
        let mut e = [0.0f32; 3];
        e[k] = scale * 0.8;
        let (a, _) = to_screen([0.0; 3]);
        let (b, _) = to_screen(e);
        painter.line_segment([a, b], Stroke::new(1.0 * s, Color32::from_gray(70)));
    }
    let p = story.pairs.get(pair);
    let mut marks: Vec<(f32, Pos2, usize)> = Vec::new();
    for (i, v) in vectors(story, slot, positions).iter().enumerate() {
        let (at, depth) = to_screen(project(v));
        marks.push((depth, at, i));
    }
    marks.sort_by(|a, b| a.0.total_cmp(&b.0));
    let vocab = story.dims.vocab;
    // Every word is named in a small vocabulary; in a large one, the selected place's words
    // and the model's top guesses (the other dots stay unnamed).
    let guesses: Vec<u32> = top_words(slot, pair, 5).iter().map(|g| g.0).collect();
    let named = |i: usize| {
        vocab <= 40
            || p.is_some_and(|p| p.context.contains(&(i as u32)) || p.target == i as u32)
            || guesses.contains(&(i as u32))
    };
    for (depth, at, i) in marks {
        let r = 7.0 * s * depth;
        if i < vocab {
            let color = word_text(i);
            let in_context = p.is_some_and(|p| p.context.contains(&(i as u32)));
            let is_target = p.is_some_and(|p| p.target == i as u32);
            glow_dot(painter, at, r, color, if in_context { 1.0 } else { 0.55 });
            if is_target {
                painter.circle_stroke(at, r * 1.9, Stroke::new(2.0 * s, ACCENT));
            }
            if named(i) {
                painter.text(
                    at + vec2(r + 4.0 * s, -r),
                    Align2::LEFT_BOTTOM,
                    &story.vocab[i],
                    FontId::proportional(20.0 * s),
                    color,
                );
            }
        } else {
            let back = i - vocab;
            let d = r * 0.9;
            let diamond = vec![
                at + vec2(0.0, -d),
                at + vec2(d, 0.0),
                at + vec2(0.0, d),
                at + vec2(-d, 0.0),
            ];
            painter.add(egui::Shape::convex_polygon(
                diamond,
                Color32::from_gray(200),
                Stroke::NONE,
            ));
            note(
                painter,
                at + vec2(d + 4.0 * s, 0.0),
                Align2::LEFT_CENTER,
                &tr!("attn-position-n", n = back),
                16.0 * s,
            );
        }
    }
}

/// Paints the network view of `pair` at `slot` into `rect`: the context words, the query of
/// the word it stands on, each word's key and value, the mix, and the output's top words.
pub fn paint_network(
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
    let params: Vec<f64> = slot.params.iter().map(|&x| f64::from(x)).collect();
    if params.len() < story.dims.param_count() {
        return;
    }
    let fwd = attend(&story.dims, &params, p);
    let l = p.context.len();
    let cols = [0.08, 0.29, 0.52, 0.70, 0.82].map(|f| rect.left() + rect.width() * f);
    let heads = [
        tr!("attn-words"),
        tr!("attn-keys"),
        tr!("attn-values"),
        tr!("attn-mix"),
        tr!("attn-output"),
    ];
    let centred: Vec<(f32, String)> = cols.iter().copied().zip(heads.iter().cloned()).collect();
    let head_size = super::paint::fitting_size(painter, &centred, 16.0 * s, 6.0 * s);
    for (i, (x, head)) in centred.iter().enumerate() {
        // The last heading ends at the panel's edge; the others centre on their column.
        if i + 1 == heads.len() {
            super::paint::label_within(
                painter,
                cols[i - 1] + 4.0 * s,
                rect.right(),
                rect.top(),
                egui::Align::Min,
                head,
                head_size,
                crate::ui::kit::DIM,
            );
        } else {
            note(
                painter,
                pos2(*x, rect.top()),
                Align2::CENTER_TOP,
                head,
                head_size,
            );
        }
    }
    let top = rect.top() + 26.0 * s;
    let row_h = (rect.bottom() - top) / (l as f32 + 1.0);
    let row_y = |i: usize| top + row_h * (i as f32 + 0.5);
    let dot = (row_h * 0.16).clamp(2.0 * s, 6.0 * s);
    let shown = |v: &[f64]| v.len().min(12);
    let scale_of = |vs: &[&Vec<f64>]| {
        vs.iter()
            .flat_map(|v| v.iter())
            .fold(1e-9f64, |m, x| m.max(x.abs()))
    };
    let k_scale = scale_of(&fwd.k.iter().chain([&fwd.q]).collect::<Vec<_>>());
    let v_scale = scale_of(&fwd.v.iter().collect::<Vec<_>>());
    // A row of neurons centred at (x, y).
    let neurons = |values: &[f64], x: f32, y: f32, scale: f64| {
        let n = shown(values);
        let step = dot * 2.6;
        let x0 = x - step * (n as f32 - 1.0) / 2.0;
        for (i, &v) in values.iter().take(n).enumerate() {
            let (color, k) = signed_color(v, scale);
            glow_dot(painter, pos2(x0 + step * i as f32, y), dot, color, k);
        }
    };
    // The query sits above the keys, fed by the word the model stands on.
    let query_y = row_y(0);
    let mix_y = row_y(l.div_ceil(2));
    for (sidx, &word) in p.context.iter().enumerate() {
        let y = row_y(sidx + 1);
        let a = fwd.weights[sidx] as f32;
        let color = word_text(word as usize);
        let line = |from: Pos2, to: Pos2, k: f32| {
            painter.line_segment(
                [from, to],
                Stroke::new((0.6 + 6.0 * k) * s, ACCENT.gamma_multiply(0.15 + 0.85 * k)),
            );
        };
        line(pos2(cols[1], query_y), pos2(cols[1], y), a);
        line(pos2(cols[2], y), pos2(cols[3], mix_y), a);
        // The word, left-aligned in the room before the keys, smaller when it is long.
        let room = cols[1] - dot * 2.6 * 3.0 - rect.left();
        let galley = painter.layout_no_wrap(
            story.word(word).to_owned(),
            FontId::proportional(19.0 * s),
            color,
        );
        let size = 19.0 * s * (room / galley.size().x.max(1.0)).clamp(0.6, 1.0);
        painter.with_clip_rect(rect).text(
            pos2(rect.left(), y),
            Align2::LEFT_CENTER,
            story.word(word),
            FontId::proportional(size),
            color,
        );
        neurons(&fwd.k[sidx], cols[1], y, k_scale);
        neurons(&fwd.v[sidx], cols[2], y, v_scale);
        painter.text(
            pos2(cols[2], y + dot * 1.4),
            Align2::CENTER_TOP,
            percent(a),
            FontId::proportional(14.0 * s),
            Color32::from_gray(170),
        );
    }
    neurons(&fwd.q, cols[1], query_y, k_scale);
    note(
        painter,
        pos2(
            cols[1] + dot * 2.6 * shown(&fwd.q) as f32 / 2.0 + 6.0 * s,
            query_y,
        ),
        Align2::LEFT_CENTER,
        &tr!("attn-query"),
        15.0 * s,
    );
    let y_scale = fwd.y.iter().fold(1e-9f64, |m, x| m.max(x.abs()));
    neurons(&fwd.y, cols[3], mix_y, y_scale);
    let top_words = top_words(slot, pair, l.clamp(3, 5));
    for (i, (w, pw)) in top_words.iter().enumerate() {
        let y = top + (rect.bottom() - top) * (i as f32 + 0.5) / top_words.len() as f32;
        painter.line_segment(
            [pos2(cols[3] + 30.0 * s, mix_y), pos2(cols[4] - 12.0 * s, y)],
            Stroke::new(
                (0.6 + 4.0 * pw) * s,
                Color32::from_gray(90).gamma_multiply(0.4 + 0.6 * pw),
            ),
        );
        glow_dot(
            painter,
            pos2(cols[4] - 8.0 * s, y),
            6.0 * s,
            word_text(*w as usize),
            *pw,
        );
        painter.text(
            pos2(cols[4], y),
            Align2::LEFT_CENTER,
            story.word(*w),
            FontId::proportional(17.0 * s),
            word_text(*w as usize),
        );
    }
}
