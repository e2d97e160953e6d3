//! The attention screen's card, in its own column: the step's title and text, then the
//! narration of the selected place at the shown epoch (or, on the writing step, what the
//! untrained and the shown model write), and the buttons: Back, Play/Pause, Next.

use egui::Rect;

use super::story::{AttnStory, narrate};
use super::write::write_from;
use super::{AttnAction, AttnViewState, STEPS, WRITE_STEP};
use crate::engine::attention_history::AttnSlot;
use crate::tr;
use crate::ui::kit::{self, ACCENT, DIM};
use crate::ui::look::Look;

/// What the body shows besides the step's text.
fn body(ui: &mut egui::Ui, story: &AttnStory, slot: &AttnSlot, state: &mut AttnViewState) {
    if state.step != WRITE_STEP {
        ui.label(egui::RichText::new(tr!("attn-now")).small().color(DIM));
        for line in narrate(story, slot, state.pair) {
            ui.label(line.text);
        }
        return;
    }
    let untrained = story.slots.first();
    for (heading, slot) in [
        (tr!("write-untrained"), untrained),
        (tr!("write-trained", epoch = slot.epoch), Some(slot)),
    ] {
        let Some(written) = slot.and_then(|s| write_from(story, s, state.write_seed)) else {
            continue;
        };
        ui.label(egui::RichText::new(heading).small().color(DIM));
        ui.label(
            egui::RichText::new(written.text(story))
                .strong()
                .color(ACCENT),
        );
        if slot.is_some_and(|s| s.epoch > 0) {
            let looked: Vec<String> = written
                .words
                .iter()
                .map(|&(word, at)| {
                    tr!(
                        "attn-write-looked",
                        word = story.word(word),
                        at = story.word(at)
                    )
                })
                .collect();
            ui.label(egui::RichText::new(looked.join(" · ")).small());
        }
    }
    if ui.button(tr!("write-again")).clicked() {
        state.write_seed = state.write_seed.wrapping_add(1);
    }
}

/// Shows the card in `column`.
#[allow(clippy::too_many_arguments)]
pub fn step_card(
    ctx: &egui::Context,
    column: Rect,
    story: &AttnStory,
    slot: &AttnSlot,
    state: &mut AttnViewState,
    s: f32,
    look: &Look,
    actions: &mut Vec<AttnAction>,
) {
    let step = state.step.min(STEPS.len() - 1);
    let title = STEPS[step].0;
    let text = super::step_text_id(step, story.ghost.is_some());
    let start = story.pairs.first().map_or("", |p| story.word(p.context[0]));
    let foot_height = 52.0 * s;
    kit::column_card(
        ctx,
        "attention step",
        column,
        kit::ColumnLook {
            fill: look.panel,
            stroke: look.edge,
            stroke_width: 1.5 * s,
        },
        s,
        foot_height,
        &mut (state, actions),
        |ui, (state, actions)| {
            if state.mode.languages.len() > 1 || state.mode.lessons_button {
                ui.horizontal_wrapped(|ui| {
                    if state.mode.lessons_button {
                        let lessons = egui::RichText::new(tr!("lessons")).small().strong();
                        if ui.button(lessons).clicked() {
                            actions.push(AttnAction::Lessons);
                        }
                    }
                    let languages = if state.mode.languages.len() > 1 {
                        state.mode.languages.clone()
                    } else {
                        Vec::new()
                    };
                    for &lang in &languages {
                        let on = crate::i18n::language() == lang;
                        let name = egui::RichText::new(lang.native_name()).small();
                        if ui.selectable_label(on, name).clicked() {
                            crate::i18n::set_language(lang);
                        }
                    }
                });
            }
            ui.label(
                egui::RichText::new(tr!("step-of", n = step + 1, total = STEPS.len()))
                    .small()
                    .color(DIM),
            );
            ui.label(egui::RichText::new(tr!(title)).heading().color(ACCENT));
            ui.label(tr!(text, window = story.dims.window, start = start));
            ui.separator();
            body(ui, story, slot, state);
            if state.mode.show_keys {
                ui.add_space(6.0 * s);
                ui.label(egui::RichText::new(tr!("attn-hint")).small().color(DIM));
            }
        },
        |ui, (state, actions)| foot(ui, state, actions, s),
    );
}

/// Width of a button showing `text`.
fn button_width(ui: &egui::Ui, text: &str) -> f32 {
    let galley = egui::WidgetText::from(text).into_galley(
        ui,
        Some(egui::TextWrapMode::Extend),
        f32::INFINITY,
        egui::TextStyle::Button,
    );
    galley.size().x + 2.0 * ui.spacing().button_padding.x
}

/// Back, Play/Pause and Next in one row that never leaves the card: where their words do not
/// fit (large type, long words), they show their signs alone and keep their names for screen
/// readers; then the keys.
fn foot(ui: &mut egui::Ui, state: &mut AttnViewState, actions: &mut Vec<AttnAction>, s: f32) {
    let names = [
        tr!("back"),
        if state.playing {
            tr!("pause")
        } else {
            tr!("play")
        },
        tr!("next"),
    ];
    let gap = ui.spacing().item_spacing.x;
    let room = ui.available_width();
    let wide: f32 = names.iter().map(|n| button_width(ui, n)).sum::<f32>() + 2.0 * gap;
    let signs = ["◀", if state.playing { "❚❚" } else { "▶" }, "▶"].map(str::to_owned);
    let shown = if wide <= room { names.clone() } else { signs };
    let height = ui.spacing().interact_size.y.max(40.0 * s);
    let rects: Vec<Rect> = {
        let top = ui.cursor().min;
        let mut x = top.x;
        shown
            .iter()
            .map(|t| {
                let w = button_width(ui, t).max(height);
                let r = Rect::from_min_size(egui::pos2(x, top.y), egui::vec2(w, height));
                x += w + gap;
                r
            })
            .collect()
    };
    let enabled = [state.step > 0, true, state.step + 1 < STEPS.len()];
    for i in 0..3 {
        let button = egui::Button::new(shown[i].as_str()).wrap_mode(egui::TextWrapMode::Extend);
        let response = ui
            .add_enabled_ui(enabled[i], |ui| ui.put(rects[i], button))
            .inner;
        kit::name_button(&response, &names[i]);
        if response.clicked() {
            match i {
                0 => {
                    state.step -= 1;
                    state.auto_steps = false;
                }
                1 => actions.push(AttnAction::TogglePlay),
                _ => {
                    state.step += 1;
                    state.auto_steps = false;
                }
            }
        }
    }
}
