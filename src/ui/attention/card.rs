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
    let foot = 96.0 * s;
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
        foot,
        &mut (state, actions),
        |ui, (state, _)| {
            if state.languages.len() > 1 {
                ui.horizontal_wrapped(|ui| {
                    for &lang in &state.languages {
                        let on = crate::i18n::language() == lang;
                        if ui.selectable_label(on, lang.native_name()).clicked() {
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
        },
        |ui, (state, actions)| {
            ui.horizontal(|ui| {
                let back = ui.add_enabled(state.step > 0, egui::Button::new(tr!("back")));
                if back.clicked() {
                    state.step -= 1;
                    state.auto_steps = false;
                }
                let play = if state.playing {
                    tr!("pause")
                } else {
                    tr!("play")
                };
                if ui.button(play).clicked() {
                    actions.push(AttnAction::TogglePlay);
                }
                let next =
                    ui.add_enabled(state.step + 1 < STEPS.len(), egui::Button::new(tr!("next")));
                if next.clicked() {
                    state.step += 1;
                    state.auto_steps = false;
                }
            });
            ui.label(egui::RichText::new(tr!("attn-hint")).small().color(DIM));
        },
    );
}
