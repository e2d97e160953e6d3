//! The math card: the forward pass of the selected pair with the shown epoch's real numbers, and
//! on request one step back (a gradient). It takes the lesson column's place while open (key M
//! or the ∑ button), so the 3D view stays free.
//!
//! How it works: the numbers come from [`super::math::MathView`]; each line is the formula, a
//! plain sentence of what it is, and the values (signed, two decimals; for a big vocabulary
//! the likeliest words and the right one).

use egui::{Color32, RichText, Ui};

use super::kit::{ACCENT, ColumnLook, DIM, column_card};
use super::look::Look;
use super::math::MathView;
use super::state::{Action, UiState};
use super::summary::{LessonInfo, LessonSummary};
use crate::i18n::format::{loss, number, percent, signed};
use crate::scene::palette::word_text;
use crate::tr;

/// Most words listed with their logit and probability (then the right word, if not among them).
const MAX_WORDS: usize = 5;

/// Draws the card in `column` (points).
pub fn math_card(
    ctx: &egui::Context,
    column: egui::Rect,
    state: &UiState,
    summary: &LessonSummary,
    info: &LessonInfo,
    s: f32,
    actions: &mut Vec<Action>,
) {
    let look = ColumnLook {
        fill: Look::of(ctx).panel.to_opaque(),
        stroke: ACCENT,
        stroke_width: 2.0 * s,
    };
    column_card(
        ctx,
        "math",
        column,
        look,
        s,
        0.0,
        actions,
        |ui, actions| body(ui, state, summary, info, s, actions),
        |_, _| {},
    );
}

fn words(info: &LessonInfo, ids: &[u32]) -> String {
    ids.iter()
        .map(|&w| info.word(w))
        .collect::<Vec<_>>()
        .join(" ")
}

fn vector(values: &[f64]) -> String {
    values
        .iter()
        .map(|&v| signed(v as f32, 2))
        .collect::<Vec<_>>()
        .join("  ")
}

fn body(
    ui: &mut Ui,
    state: &UiState,
    summary: &LessonSummary,
    info: &LessonInfo,
    s: f32,
    actions: &mut Vec<Action>,
) {
    ui.horizontal(|ui| {
        ui.label(RichText::new(tr!("math-title")).size(30.0 * s).strong());
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            if ui.button(tr!("math-close")).clicked() {
                actions.push(Action::ToggleMath);
            }
        });
    });
    let Some(m) = MathView::new(info, summary, state.selected_pair) else {
        ui.label(RichText::new(tr!("math-waiting")).color(DIM));
        return;
    };
    let context = words(info, &m.context);
    let target = info.word(m.target).to_owned();
    let text = Look::of(ui.ctx()).text;
    let wrapped = |ui: &mut Ui, t: RichText| {
        ui.add(egui::Label::new(t).wrap());
    };
    wrapped(
        ui,
        RichText::new(tr!(
            "math-pair",
            context = context.as_str(),
            target = target.as_str(),
            epoch = m.epoch
        ))
        .size(21.0 * s)
        .color(DIM),
    );
    // The outcome first, then how the network gets there.
    wrapped(
        ui,
        RichText::new(tr!(
            "math-result",
            target = target.as_str(),
            p = percent(m.p_target as f32),
            loss = loss(m.loss as f32)
        ))
        .size(22.0 * s)
        .color(ACCENT)
        .strong(),
    );
    if state.math_gradient {
        let g = &m.gradient;
        wrapped(
            ui,
            RichText::new(tr!(
                "math-grad",
                unit = g.unit + 1,
                target = target.as_str(),
                h = signed(g.h as f32, 3),
                p = number(g.p, 3),
                g = signed(g.value as f32, 3)
            ))
            .size(20.0 * s)
            .color(text),
        );
        let meaning = if g.value.abs() < 5e-4 {
            "math-grad-zero"
        } else if g.value < 0.0 {
            "math-grad-negative"
        } else {
            "math-grad-positive"
        };
        wrapped(
            ui,
            RichText::new(tr!(meaning, target = target.as_str()))
                .size(19.0 * s)
                .color(DIM),
        );
    } else if ui.button(tr!("math-grad-button")).clicked() {
        actions.push(Action::ShowGradient);
    }
    ui.separator();
    let row = |ui: &mut Ui, formula: String, meaning: String, values: String| {
        ui.label(RichText::new(formula).size(21.0 * s).strong().color(text));
        ui.add(egui::Label::new(RichText::new(meaning).size(18.0 * s).color(DIM)).wrap());
        ui.add(
            egui::Label::new(RichText::new(values).monospace().size(19.0 * s).color(text)).wrap(),
        );
        ui.add_space(2.0 * s);
    };
    row(
        ui,
        "x".to_owned(),
        tr!("math-x", context = context.as_str(), n = m.pass.x.len()),
        vector(&m.pass.x),
    );
    row(
        ui,
        "z = x · w1 + b1".to_owned(),
        tr!("math-z"),
        vector(&m.pass.z),
    );
    let act = info.activation.name();
    row(
        ui,
        format!("h = {act}(z)"),
        tr!(match info.activation {
            crate::lesson::Activation::Tanh => "math-h-tanh",
            crate::lesson::Activation::Relu => "math-h-relu",
        }),
        vector(&m.pass.h),
    );
    word_rows(ui, &m, info, s);
}

/// The logits and probabilities, word by word: every word of a small vocabulary, else the
/// likeliest and the right one.
fn word_rows(ui: &mut Ui, m: &MathView, info: &LessonInfo, s: f32) {
    ui.label(
        RichText::new("logits = h · w2 + b2")
            .size(21.0 * s)
            .strong(),
    );
    ui.label(RichText::new("p = softmax(logits)").size(21.0 * s).strong());
    ui.add(egui::Label::new(RichText::new(tr!("math-logits")).size(18.0 * s).color(DIM)).wrap());
    let probs = &m.pass.probs;
    let mut order: Vec<usize> = (0..probs.len()).collect();
    order.sort_by(|&a, &b| probs[b].total_cmp(&probs[a]).then(a.cmp(&b)));
    let mut shown: Vec<usize> = order.into_iter().take(MAX_WORDS).collect();
    if !shown.contains(&(m.target as usize)) {
        shown.pop();
        shown.push(m.target as usize);
    }
    egui::Grid::new("nextword_math_words")
        .num_columns(3)
        .spacing(egui::vec2(16.0 * s, 2.0 * s))
        .show(ui, |ui| {
            for w in shown {
                let right = w == m.target as usize;
                let name = RichText::new(info.word(w as u32))
                    .size(19.0 * s)
                    .color(word_text(w));
                ui.label(if right {
                    name.strong().underline()
                } else {
                    name
                });
                let mono =
                    |t: String, c: Color32| RichText::new(t).monospace().size(19.0 * s).color(c);
                ui.label(mono(signed(m.pass.logits[w] as f32, 2), DIM));
                ui.label(mono(
                    percent(probs[w] as f32),
                    if right { ACCENT } else { DIM },
                ));
                ui.end_row();
            }
        });
}
