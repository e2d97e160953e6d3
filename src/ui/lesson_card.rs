//! The lesson card: the column beside the 3D view where the lesson speaks. On top the step's
//! title and its text; from training on, "What's happening now?" with the phase, the live number
//! and what it means; at the bottom, always at the same place, Back, the step dots and Next.
//!
//! How it works: the card fills the layout's lesson column ([`crate::scene::Layout::lesson`]),
//! so it never covers the 3D view. Its body is laid out top-down; what is longer than the column
//! (large type on a small screen) scrolls, so nothing is cut. The buttons are placed at fixed positions of
//! the card, so repeated clicks on Next land on Next; on the last step Next invites to the next
//! lesson. Every sentence comes from [`super::steps`] and
//! [`super::narration`].

use egui::{Color32, RichText, Sense, Stroke, Ui, vec2};

use super::controls;
use super::hover;
use super::kit::{ACCENT, ColumnLook, DIM, column_card, phase_color};
use super::look::Look;
use super::narration::{PhaseParams, narrate};
use super::state::{Action, Step, UiState};
use super::steps::step_sentences;
use super::summary::{LessonInfo, LessonSummary};
use crate::tr;

/// Height of the button row at 1080 lines.
const NAV_ROW_1080: f32 = 56.0;
/// The most word chips shown (then "+N").
const MAX_CHIPS: usize = 10;

/// The title of `step`.
pub fn step_title(step: Step) -> String {
    tr!(match step {
        Step::Task => "step-title-task",
        Step::Architecture => "step-title-network",
        Step::Training => "step-title-training",
        Step::Takeaways => "step-title-takeaways",
        Step::Write => "step-title-write",
    })
}

/// Whether the card tells what training is doing now: from step 3 on, or once training ran.
fn narrates(state: &UiState, summary: &LessonSummary) -> bool {
    state.step >= Step::Training || summary.trained_epoch > 0 && summary.shown_epoch > 0
}

/// Draws the card in `column` (points) and returns its rectangle.
pub fn lesson_card(
    ctx: &egui::Context,
    column: egui::Rect,
    state: &UiState,
    summary: &LessonSummary,
    info: &LessonInfo,
    s: f32,
    actions: &mut Vec<Action>,
) -> egui::Rect {
    let look = Look::of(ctx);
    let card_look = ColumnLook {
        fill: look.panel,
        stroke: look.edge,
        stroke_width: 1.5 * s,
    };
    column_card(
        ctx,
        "step",
        column,
        card_look,
        s,
        NAV_ROW_1080 * s,
        actions,
        |ui, actions| card_body(ui, state, summary, info, s, actions),
        |ui, actions| nav_row(ui, state, info, s, actions),
    )
}

/// Adds `text`, wrapped to the card.
fn line(ui: &mut Ui, text: RichText) {
    ui.add(egui::Label::new(text).wrap());
}

fn card_body(
    ui: &mut Ui,
    state: &UiState,
    summary: &LessonSummary,
    info: &LessonInfo,
    s: f32,
    actions: &mut Vec<Action>,
) {
    let look = Look::of(ui.ctx());
    ui.label(
        RichText::new(step_title(state.step))
            .size(32.0 * s)
            .strong(),
    );
    ui.add_space(2.0 * s);
    let bullets = state.step == Step::Takeaways;
    for sentence in step_sentences(state.step, info, summary) {
        let text = if bullets {
            format!("• {}", sentence.text)
        } else {
            sentence.text
        };
        line(ui, RichText::new(text).size(22.0 * s).color(look.text));
    }
    if state.step == Step::Write {
        ui.add_space(4.0 * s);
        super::write_panel::write_body(ui, state, info, s, actions);
        return;
    }
    if state.step == Step::Takeaways
        && let Some((_, title)) = controls::next_lesson(&info.id)
    {
        ui.add_space(6.0 * s);
        line(
            ui,
            RichText::new(tr!("next-lesson", title = title))
                .size(22.0 * s)
                .color(ACCENT)
                .strong(),
        );
    }
    if summary.is_empty() || !narrates(state, summary) {
        if !state.playing && summary.trained_epoch == 0 && state.step < Step::Takeaways {
            ui.add_space(8.0 * s);
            line(ui, RichText::new(tr!("now-press-play")).color(ACCENT));
        }
        return;
    }
    ui.add_space(10.0 * s);
    ui.separator();
    narration_block(ui, state, summary, info, s, actions);
}

fn narration_block(
    ui: &mut Ui,
    state: &UiState,
    summary: &LessonSummary,
    info: &LessonInfo,
    s: f32,
    actions: &mut Vec<Action>,
) {
    let n = narrate(summary, info, &PhaseParams::default(), state.selected_pair);
    let color = phase_color(n.phase);
    ui.label(RichText::new(tr!("now-heading")).size(24.0 * s).strong());
    ui.horizontal_wrapped(|ui| {
        let (rect, _) = ui.allocate_exact_size(vec2(14.0 * s, 14.0 * s), Sense::hover());
        ui.painter().circle_filled(rect.center(), 7.0 * s, color);
        ui.label(
            RichText::new(n.phase.name())
                .size(22.0 * s)
                .color(color)
                .strong(),
        );
    });
    if let Some(live) = &n.live {
        line(
            ui,
            RichText::new(&live.text)
                .size(24.0 * s)
                .color(ACCENT)
                .strong(),
        );
    }
    let text = Look::of(ui.ctx()).text;
    let lines = n
        .body
        .iter()
        .map(|b| RichText::new(&b.text).size(21.0 * s).color(text))
        .chain(n.milestone.iter().map(|(_, m)| {
            RichText::new(format!("★ {}", m.text))
                .size(20.0 * s)
                .color(ACCENT)
        }))
        .chain(
            n.extra
                .iter()
                .map(|e| RichText::new(&e.text).size(20.0 * s).color(DIM)),
        );
    for l in lines {
        line(ui, l);
    }
    ui.add_space(4.0 * s);
    word_chips(ui, state, summary, info, s, actions);
}

/// A nav button sized to its words exactly: rounding must not wrap them onto two lines.
fn one_line(button: egui::Button<'_>) -> egui::Button<'_> {
    button.wrap_mode(egui::TextWrapMode::Extend)
}

/// Back, the step dots and Next, at fixed places of the card. On the last step Next becomes
/// the invitation to the next lesson.
fn nav_row(ui: &mut Ui, state: &UiState, info: &LessonInfo, s: f32, actions: &mut Vec<Action>) {
    let rect = ui.max_rect();
    let height = rect.height().min(48.0 * s);
    let first = state.step == Step::Task;
    let last = state.step == Step::Write;
    let next_lesson = controls::next_lesson(&info.id).filter(|_| last);
    let button_width = |text: &str, ui: &Ui| {
        let galley = egui::WidgetText::from(RichText::new(text).strong()).into_galley(
            ui,
            Some(egui::TextWrapMode::Extend),
            f32::INFINITY,
            egui::TextStyle::Button,
        );
        galley.size().x + 2.0 * ui.spacing().button_padding.x
    };
    let back_name = tr!("back");
    let next_name = match &next_lesson {
        Some(_) => tr!("next-lesson-short"),
        None => tr!("next"),
    };
    // Where both words do not fit side by side (large type, long words), the buttons show their
    // arrows alone; a screen reader still hears their names.
    let fits =
        button_width(&back_name, ui) + button_width(&next_name, ui) + 8.0 * s <= rect.width();
    let (back_text, next_text) = if fits {
        (back_name.clone(), next_name.clone())
    } else {
        ("◀".to_owned(), "▶".to_owned())
    };
    let back_w = button_width(&back_text, ui).max(height);
    let next_w = button_width(&next_text, ui).max(height);
    let y = rect.center().y - height / 2.0;
    let back = egui::Rect::from_min_size(egui::pos2(rect.left(), y), vec2(back_w, height));
    let next =
        egui::Rect::from_min_size(egui::pos2(rect.right() - next_w, y), vec2(next_w, height));
    let back_button = ui
        .add_enabled_ui(!first, |ui| {
            ui.put(back, one_line(egui::Button::new(back_text)))
        })
        .inner;
    super::kit::name_button(&back_button, &back_name);
    if back_button.clicked() {
        actions.push(Action::PreviousStep);
    }
    match next_lesson {
        Some((id, title)) => {
            let invite = one_line(egui::Button::new(
                RichText::new(next_text).strong().color(Color32::BLACK),
            ))
            .fill(ACCENT);
            let response = ui
                .put(next, invite)
                .on_hover_text(tr!("next-lesson", title = title));
            super::kit::name_button(&response, &next_name);
            if response.clicked() {
                actions.push(Action::PickLesson(id));
            }
        }
        None => {
            let button = one_line(egui::Button::new(RichText::new(next_text).strong()));
            let response = ui.add_enabled_ui(!last, |ui| ui.put(next, button)).inner;
            super::kit::name_button(&response, &next_name);
            if response.clicked() {
                actions.push(Action::NextStep);
            }
        }
    }
    // The steps as dots between the buttons, the current one bright; a tap goes to its step.
    let dots = Step::ALL.len() as f32;
    let spacing = 24.0 * s;
    let room = next.left() - back.right();
    if room < spacing * (dots + 0.5) {
        return;
    }
    let x0 = (back.right() + next.left()) / 2.0 - spacing * (dots - 1.0) / 2.0;
    for (i, step) in Step::ALL.iter().enumerate() {
        let centre = egui::pos2(x0 + spacing * i as f32, rect.center().y);
        let hit = egui::Rect::from_center_size(centre, vec2(spacing, height));
        // On a touch exhibit the dots only show where the lesson is: too small to tap, so Back
        // and Next (15 mm and more) are the way through.
        let sense = if state.touch_exhibit {
            Sense::hover()
        } else {
            Sense::click()
        };
        let response = ui.interact(hit, ui.scope_id().with(("step_dot", i)), sense);
        let current = *step == state.step;
        let r = if current { 8.0 } else { 6.0 } * s;
        let painter = ui.painter();
        if current {
            painter.circle_filled(centre, r, ACCENT);
        } else {
            painter.circle_stroke(centre, r, Stroke::new(2.0 * s, DIM));
        }
        let tip = tr!("step-of", n = i + 1, total = Step::ALL.len());
        if response.on_hover_text(tip).clicked() {
            actions.push(Action::GoToStep(*step));
        }
    }
}

fn chips_label(s: f32) -> RichText {
    RichText::new(tr!("words")).color(DIM).size(20.0 * s)
}

fn chip_text(word: &str, w: usize, s: f32) -> RichText {
    RichText::new(word)
        .color(crate::scene::palette::word_text(w))
        .size(20.0 * s)
}

/// "+N" after the chips, for the words beyond [`MAX_CHIPS`].
fn more_chips_label(info: &LessonInfo) -> Option<RichText> {
    let more = info.vocab.len().checked_sub(MAX_CHIPS).filter(|&n| n > 0)?;
    Some(RichText::new(format!("+{more}")).color(DIM))
}

/// The vocabulary as coloured chips: a tap selects the word everywhere (linked selection).
fn word_chips(
    ui: &mut Ui,
    state: &UiState,
    summary: &LessonSummary,
    info: &LessonInfo,
    s: f32,
    actions: &mut Vec<Action>,
) {
    let probs = summary.probs_at_playhead.get(state.selected_pair as usize);
    ui.horizontal_wrapped(|ui| {
        ui.label(chips_label(s));
        for (w, word) in info.vocab.iter().enumerate().take(MAX_CHIPS) {
            let selected = state.selected_word == Some(w as u32);
            let color = crate::scene::palette::word_text(w);
            let mut button = egui::Button::new(chip_text(word, w, s)).selected(selected);
            if selected {
                button = button.stroke(Stroke::new(2.5 * s, color));
            }
            let mut response = ui.add(button);
            if probs.is_some_and(|p| p.get(w).is_some()) {
                let target = super::state::HoverTarget::Bar { word: w as u32 };
                if let Some(tip) = hover::hover_text(target, state, summary, info) {
                    response = response.on_hover_text(tip);
                }
            }
            if response.clicked() {
                actions.extend(hover::select_word_actions(state, info, w as u32));
            }
        }
        if let Some(more) = more_chips_label(info) {
            ui.label(more);
        }
    });
}
