//! Reading the scene's views: step highlights, hover read-outs and click-to-select on the
//! prediction bars, the hidden-activation heatmap and the embedding-vector strip.
//!
//! How it works: the scene places its views with [`crate::scene::Layout`] (target pixels); the
//! overlay rebuilds the same layout from the egui screen size and pixels-per-point, so it knows
//! where each bar, cell and number sits without asking the GPU. [`hit_test`] turns a pointer
//! position into a [`HoverTarget`] (pure, tested), [`hover_text`] writes its value from the
//! frame's [`LessonSummary`], and a click selects the word or pair everywhere at once.

use egui::{Color32, FontId, Id, LayerId, Order, Pos2, Stroke, StrokeKind};

use super::kit::ACCENT;
use super::look::Look;
pub use super::state::HoverTarget;
use super::state::{Action, UiState};
use super::summary::{LessonInfo, LessonSummary};
use crate::i18n::format::{percent, signed};
use crate::scene::{Layout, Panel};
use crate::tr;

/// The scene layout for a screen of `size_points` at `ppp` pixels per point with `spec` (the
/// overlay's [`UiState::layout_spec`]): the same one the scene composes its frame with.
pub fn scene_layout(size_points: egui::Vec2, ppp: f32, spec: crate::scene::LayoutSpec) -> Layout {
    Layout::compose(
        (size_points.x * ppp).round().max(1.0) as u32,
        (size_points.y * ppp).round().max(1.0) as u32,
        spec,
    )
}

/// The row of each word in the prediction bars as the scene draws them for `state`'s pair
/// (`crate::scene::info::bar_rows`: all words in order, or the most probable ones when they do
/// not all fit).
pub fn shown_bar_rows(
    state: &UiState,
    summary: &LessonSummary,
    info: &LessonInfo,
    layout: &Layout,
) -> Vec<Option<u32>> {
    let ideal = info.ideal_probs(state.selected_pair);
    let probs = summary
        .probs_at_playhead
        .get(state.selected_pair as usize)
        .map(Vec::as_slice);
    crate::scene::info::bar_rows(&ideal, probs, crate::scene::info::bar_capacity(layout))
}

/// What is under `pixel` (target pixels), for a lesson with these sizes; `bar_rows` is the
/// prediction bars' word of each row ([`shown_bar_rows`]).
pub fn hit_test(
    layout: &Layout,
    pixel: glam::Vec2,
    info: &LessonInfo,
    bar_rows: &[Option<u32>],
) -> Option<HoverTarget> {
    let cell = |plot: crate::scene::Rect, cols: usize, rows: usize| {
        let cols = cols.max(1) as f32;
        let rows = rows.max(1) as f32;
        let c = ((pixel.x - plot.x) / plot.w * cols)
            .floor()
            .clamp(0.0, cols - 1.0);
        let r = ((pixel.y - plot.y) / plot.h * rows)
            .floor()
            .clamp(0.0, rows - 1.0);
        (c as u32, r as u32)
    };
    match layout.panel_at(pixel)? {
        Panel::Bars => {
            let shown = bar_rows.iter().flatten().count();
            let (_, row) = cell(layout.plot(Panel::Bars), 1, shown);
            let word = bar_rows.iter().position(|r| *r == Some(row))?;
            Some(HoverTarget::Bar { word: word as u32 })
        }
        Panel::Heatmap => {
            let (unit, pair) = cell(
                layout.plot(Panel::Heatmap),
                info.hidden,
                info.recorded.len(),
            );
            Some(HoverTarget::Cell { pair, unit })
        }
        Panel::Strip => {
            let (dim, _) = cell(layout.plot(Panel::Strip), info.embed_dim, 1);
            Some(HoverTarget::VectorDim { dim })
        }
        Panel::Network => network_neuron(layout.plot(Panel::Network), pixel, info),
        _ => None,
    }
}

/// The neuron under `pixel` in the network plot (the layout's network geometry).
fn network_neuron(
    plot: crate::scene::Rect,
    pixel: glam::Vec2,
    info: &LessonInfo,
) -> Option<HoverTarget> {
    use crate::scene::layout::network_geometry::column_at;
    let x = (pixel.x - plot.x) / plot.w.max(1.0);
    let column = column_at(x, 0.06)? as u32;
    let count =
        [info.context * info.embed_dim, info.hidden, info.vocab.len()][column as usize].max(1);
    let y = ((pixel.y - plot.y) / plot.h.max(1.0)).clamp(0.0, 0.999);
    let index = (y * count as f32).floor() as u32;
    Some(HoverTarget::Neuron { column, index })
}

/// The word the vector strip shows: the selected word, else the selected pair's target.
pub fn focus_word(state: &UiState, info: &LessonInfo) -> u32 {
    state.selected_word.unwrap_or_else(|| {
        info.recorded
            .get(state.selected_pair as usize)
            .map_or(0, |p| p.target)
    })
}

/// The read-out of `target` at the summary's epoch.
pub fn hover_text(
    target: HoverTarget,
    state: &UiState,
    summary: &LessonSummary,
    info: &LessonInfo,
) -> Option<String> {
    match target {
        HoverTarget::Bar { word } => {
            let p = summary
                .probs_at_playhead
                .get(state.selected_pair as usize)?
                .get(word as usize)?;
            let share = info
                .ideal_probs(state.selected_pair)
                .get(word as usize)
                .copied()
                .unwrap_or(0.0);
            Some(tr!(
                "hover-bar",
                word = info.word(word),
                context = info.context_text(state.selected_pair),
                p = percent(*p),
                share = percent(share)
            ))
        }
        HoverTarget::Cell { pair, unit } => {
            let v = summary
                .hidden_at_playhead
                .get(pair as usize)?
                .get(unit as usize)?;
            Some(tr!(
                "hover-neuron",
                unit = unit + 1,
                state = tr!(neuron_state(*v)),
                value = signed(*v, 2),
                context = info.context_text(pair)
            ))
        }
        HoverTarget::Neuron { column: 0, index } => {
            // Input neuron: a number of one context word's embedding.
            let pair = info.recorded.get(state.selected_pair as usize)?;
            let word = *pair.context.get(index as usize / info.embed_dim)?;
            let dim = index as usize % info.embed_dim;
            let v = summary
                .embedding_at_playhead
                .get(word as usize * info.embed_dim + dim)?;
            Some(tr!(
                "hover-dim",
                word = info.word(word),
                dim = dim + 1,
                count = info.embed_dim,
                value = signed(*v, 2)
            ))
        }
        HoverTarget::Neuron { column: 1, index } => {
            let pair = state.selected_pair;
            hover_text(
                HoverTarget::Cell { pair, unit: index },
                state,
                summary,
                info,
            )
        }
        HoverTarget::Neuron { index, .. } => {
            hover_text(HoverTarget::Bar { word: index }, state, summary, info)
        }
        HoverTarget::VectorDim { dim } => {
            let word = focus_word(state, info);
            let at = word as usize * info.embed_dim + dim as usize;
            let v = summary.embedding_at_playhead.get(at)?;
            Some(tr!(
                "hover-dim",
                word = info.word(word),
                dim = dim + 1,
                count = info.embed_dim,
                value = signed(*v, 2)
            ))
        }
    }
}

/// How a hidden neuron's activation reads in words (a tanh neuron spans -1 to +1).
pub fn neuron_state(v: f32) -> &'static str {
    if v.abs() < 0.1 {
        "neuron-silent"
    } else if v >= 0.9 {
        "neuron-full-on"
    } else if v <= -0.9 {
        "neuron-full-negative"
    } else if v > 0.0 {
        "neuron-partly-on"
    } else {
        "neuron-partly-negative"
    }
}

/// Selecting `word` everywhere: the word itself (clicking it again clears it) and the first
/// recorded pair whose context ends with it, so the bars and heatmap follow.
pub fn select_word_actions(state: &UiState, info: &LessonInfo, word: u32) -> Vec<Action> {
    if state.selected_word == Some(word) {
        return vec![Action::SelectWord(None)];
    }
    let mut actions = vec![Action::SelectWord(Some(word))];
    if let Some(pair) = info
        .recorded
        .iter()
        .position(|p| p.context.last() == Some(&word))
    {
        actions.push(Action::SelectPair(pair as u32));
    }
    actions
}

/// Hover read-outs and click selection over the scene's bars, heatmap, vector strip and network.
pub(crate) fn scene_hover(
    ctx: &egui::Context,
    layout: &Layout,
    state: &mut UiState,
    summary: &LessonSummary,
    info: &LessonInfo,
    s: f32,
    actions: &mut Vec<Action>,
) {
    let ppp = ctx.pixels_per_point();
    let over_overlay = ctx.is_pointer_over_egui();
    let pointer = ctx
        .input(|i| i.pointer.hover_pos())
        .filter(|_| !over_overlay);
    let hovered = pointer.and_then(|pos| {
        let rows = shown_bar_rows(state, summary, info, layout);
        let target = hit_test(
            layout,
            glam::Vec2::new(pos.x * ppp, pos.y * ppp),
            info,
            &rows,
        )?;
        Some((target, pos))
    });
    if !over_overlay && ctx.input(|i| i.pointer.primary_clicked()) {
        // A tap or click pins its read-out (or, on nothing, clears the pin).
        state.pinned_readout = hovered;
        if let Some((target, _)) = hovered {
            match target {
                HoverTarget::Bar { word } => actions.extend(select_word_actions(state, info, word)),
                HoverTarget::Cell { pair, .. } => actions.push(Action::SelectPair(pair)),
                // Clicking an output neuron selects its word, like its bar.
                HoverTarget::Neuron { column: 2, index } => {
                    actions.extend(select_word_actions(state, info, index))
                }
                HoverTarget::VectorDim { .. } | HoverTarget::Neuron { .. } => {}
            }
        }
    }
    // What the pointer is over wins; otherwise the pinned read-out, with its value live.
    if let Some((target, pos)) = hovered.or(state.pinned_readout)
        && let Some(text) = hover_text(target, state, summary, info)
    {
        paint_tooltip(ctx, pos, &text, s);
    }
}

/// A read-out box beside `pos`.
pub fn paint_tooltip(ctx: &egui::Context, pos: Pos2, text: &str, s: f32) {
    let painter = ctx.layer_painter(LayerId::new(
        Order::Tooltip,
        Id::unique("nextword_ui_readout"),
    ));
    let ink = Look::of(ctx).text;
    let galley = painter.layout_no_wrap(text.to_owned(), FontId::proportional(22.0 * s), ink);
    let pad = egui::vec2(12.0 * s, 8.0 * s);
    let screen = ctx.content_rect();
    let mut min = pos + egui::vec2(18.0 * s, 18.0 * s);
    let size = galley.size() + 2.0 * pad;
    min.x = min.x.min(screen.right() - size.x - 4.0);
    min.y = min.y.min(screen.bottom() - size.y - 4.0);
    let rect = egui::Rect::from_min_size(min, size);
    painter.rect(
        rect,
        8.0 * s,
        Color32::from_rgba_premultiplied(8, 10, 20, 240),
        Stroke::new(1.5 * s, ACCENT),
        StrokeKind::Inside,
    );
    painter.galley(rect.min + pad, galley, ink);
}
