//! The overlay itself: step card, narration card, control bar, lessons, help, keyboard.
//!
//! How it works: [`overlay_ui`] runs once per frame inside the scene's egui pass. It reads the
//! keyboard, then paints fixed, translucent cards around the edges of the 3D view (narration top
//! left, the step card bottom left, the control bar with the timeline along the bottom, lessons
//! bottom right) so the centre stays clear, and returns the [`Action`]s the user asked for. The
//! caller applies them ([`UiState::apply_all`]) and executes the rest. Sizes follow the screen:
//! design sizes are for 1080 lines (body 24, headings 34) and scale with the height, for a
//! projector at the back of a room. Styles are set per card, so the scene's labels keep theirs.

use egui::{Align2, Color32, FontId, Id, Order, RichText, Stroke, Ui, vec2};

use super::controls;
use super::highlight::{self, highlighted_views};
use super::hover;
use super::kit::{
    ACCENT, CARD_MARGIN, CONTROL_BAR_HEIGHT_1080, DIM, apply_style, card, card_frame, card_id,
    phase_color, ui_scale,
};
use super::look::Look;
use super::narration::{PhaseParams, narrate};
use super::state::{Action, Step, UiState, action_for_key};
use super::steps::step_sentences;
use super::summary::{LessonInfo, LessonSummary};
use crate::engine::history::EpochSlots;
use crate::i18n::format::percent;
use crate::tr;

/// The narration card's width at 1080 lines on a wide screen.
const NARRATION_WIDTH_1080: f32 = 460.0;

/// Draws the overlay and returns what the user asked for this frame (keys included). Apply them
/// with [`UiState::apply_all`] and execute the ones it hands back.
pub fn overlay_ui(
    ctx: &egui::Context,
    state: &mut UiState,
    summary: &LessonSummary,
    info: &LessonInfo,
) -> Vec<Action> {
    state.look.install(ctx);
    let mut actions = keyboard_actions(ctx, state);
    let s = ui_scale(ctx);
    if state.ui_hidden {
        state.hero_lens = crate::scene::Lens::default();
        hidden_hint(ctx, s);
    } else {
        highlight::outline_views(ctx, highlighted_views(state.step), s);
        let ppp = ctx.pixels_per_point();
        let to_pixels = |r: egui::Rect| {
            crate::scene::Rect::new(
                r.min.x * ppp,
                r.min.y * ppp,
                r.width() * ppp,
                r.height() * ppp,
            )
        };
        let hero = hover::scene_layout(
            ctx.content_rect().size(),
            ppp,
            state.look.control_bar_1080(),
        )
        .plot(crate::scene::Panel::Embedding);
        // On narrow screens (4:3, 5:4) the card takes at most about half the 3D view's width,
        // so the words keep a column of their own beside it.
        let narration_width = (NARRATION_WIDTH_1080 * s).min(hero.w / ppp * 0.48);
        let narration = narration_card(ctx, state, summary, info, s, narration_width, &mut actions);
        let step = step_card(ctx, state, summary, info, s, &mut actions);
        // The narration card may grow down to just above the step card (next frame).
        state.narration_room = (step.top() - narration.top() - 12.0 * s).max(0.0);
        state.hero_lens =
            crate::scene::Lens::fitting(hero, &[to_pixels(narration), to_pixels(step)]);
        controls::control_bar(ctx, state, summary, info, s, &mut actions);
        if state.lessons_open {
            controls::lessons_popup(ctx, state, info, s, &mut actions);
        }
        hover::scene_hover(ctx, state, summary, info, s, &mut actions);
    }
    if state.help_visible {
        help_overlay(ctx, s, &mut actions);
    }
    actions
}

impl UiState {
    /// Applies every action's UI side and returns those the window must execute.
    pub fn apply_all(
        &mut self,
        actions: Vec<Action>,
        grid: &EpochSlots,
        total_epochs: u32,
    ) -> Vec<Action> {
        actions
            .into_iter()
            .filter(|a| {
                self.apply(a, grid, total_epochs);
                a.needs_window()
            })
            .collect()
    }
}

/// Key presses this frame, mapped to actions (none while a text box has the keyboard).
fn keyboard_actions(ctx: &egui::Context, state: &UiState) -> Vec<Action> {
    let typing = ctx.egui_wants_keyboard_input();
    ctx.input(|i| {
        i.events
            .iter()
            .filter_map(|e| match e {
                egui::Event::Key {
                    key,
                    pressed: true,
                    modifiers,
                    ..
                } if !modifiers.ctrl && !modifiers.command && !modifiers.alt => {
                    if typing && *key != egui::Key::Escape {
                        return None;
                    }
                    match action_for_key(*key, modifiers.shift)? {
                        Action::CloseHelp if !state.help_visible && !state.lessons_open => None,
                        a => Some(a),
                    }
                }
                _ => None,
            })
            .collect()
    })
}

fn narration_card(
    ctx: &egui::Context,
    state: &UiState,
    summary: &LessonSummary,
    info: &LessonInfo,
    s: f32,
    width: f32,
    actions: &mut Vec<Action>,
) -> egui::Rect {
    // Below the 3D view's title row (header 76 + its title text at 1080 lines).
    let offset = vec2(36.0 * s, 120.0 * s);
    card(ctx, "narration", Align2::LEFT_TOP, offset, width, s, |ui| {
        ui.horizontal(|ui| {
            ui.label(RichText::new(tr!("now-heading")).size(28.0 * s).strong());
        });
        if summary.is_empty() {
            ui.label(tr!("now-press-play"));
            return;
        }
        let n = narrate(summary, info, &PhaseParams::default(), state.selected_pair);
        let color = phase_color(n.phase);
        ui.horizontal(|ui| {
            let (rect, _) = ui.allocate_exact_size(vec2(16.0 * s, 16.0 * s), egui::Sense::hover());
            ui.painter().circle_filled(rect.center(), 8.0 * s, color);
            ui.label(
                RichText::new(n.phase.name())
                    .size(26.0 * s)
                    .color(color)
                    .strong(),
            );
        });
        if let Some(live) = &n.live {
            ui.label(
                RichText::new(&live.text)
                    .size(30.0 * s)
                    .color(ACCENT)
                    .strong(),
            );
        }
        for sentence in &n.body {
            ui.label(RichText::new(&sentence.text).color(Look::of(ui.ctx()).text));
        }
        // The rest only while it fits above the step card (large type, small screens).
        let room = state.narration_room - 2.0 * CARD_MARGIN * s;
        let mut optional: Vec<RichText> = n
            .extra
            .iter()
            .map(|l| RichText::new(&l.text).color(DIM))
            .collect();
        if let Some((_, m)) = &n.milestone {
            optional.push(
                RichText::new(format!("★ {}", m.text))
                    .color(ACCENT)
                    .size(20.0 * s),
            );
        }
        if !state.playing && summary.trained_epoch == 0 {
            optional.push(RichText::new(tr!("now-press-play")).color(DIM));
        }
        for line in optional {
            let galley = egui::WidgetText::from(line).into_galley(
                ui,
                Some(egui::TextWrapMode::Wrap),
                ui.available_width(),
                egui::TextStyle::Body,
            );
            if !fits(ui, galley.size().y, room) {
                return;
            }
            ui.label(galley);
        }
        if fits(ui, chips_height(ui, info, s), room) {
            word_chips(ui, state, summary, info, s, actions);
        }
    })
}

/// Height of one row of word chips, design pixels.
const CHIP_ROW_1080: f32 = 44.0;

/// Whether `height` more (after the usual spacing) keeps `ui`'s content within `room`.
fn fits(ui: &Ui, height: f32, room: f32) -> bool {
    ui.min_rect().height() + ui.spacing().item_spacing.y + height <= room
}

/// The most word chips the narration card shows (then "+N").
const MAX_CHIPS: usize = 10;

/// The chip row's label and the text of word `w`'s chip.
fn chips_label(s: f32) -> RichText {
    RichText::new(tr!("words")).color(DIM).size(20.0 * s)
}
fn chip_text(word: &str, w: usize, s: f32) -> RichText {
    RichText::new(word)
        .color(crate::scene::palette::word_text(w))
        .size(22.0 * s)
}

/// "+N" after the chips, for the words beyond [`MAX_CHIPS`].
fn more_chips_label(info: &LessonInfo) -> Option<RichText> {
    let more = info.vocab.len().checked_sub(MAX_CHIPS).filter(|&n| n > 0)?;
    Some(RichText::new(format!("+{more}")).color(DIM))
}

/// The height the word chips take once wrapped to `ui`'s width (narrow cards wrap them).
fn chips_height(ui: &Ui, info: &LessonInfo, s: f32) -> f32 {
    let width_of = |text: RichText| {
        egui::WidgetText::from(text)
            .into_galley(
                ui,
                Some(egui::TextWrapMode::Extend),
                f32::INFINITY,
                egui::TextStyle::Button,
            )
            .size()
            .x
    };
    let pad = 2.0 * ui.spacing().button_padding.x;
    let mut widths = vec![width_of(chips_label(s))];
    widths.extend(
        info.vocab
            .iter()
            .enumerate()
            .take(MAX_CHIPS)
            .map(|(w, word)| width_of(chip_text(word, w, s)) + pad),
    );
    widths.extend(more_chips_label(info).map(width_of));
    let (available, gap) = (ui.available_width(), ui.spacing().item_spacing.x);
    let (mut rows, mut x) = (1, 0.0);
    for w in widths {
        if x > 0.0 && x + w > available {
            rows += 1;
            x = 0.0;
        }
        x += w + gap;
    }
    rows as f32 * CHIP_ROW_1080 * s
}

/// The vocabulary as coloured chips: click one to select it everywhere (linked selection).
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
            if let Some(p) = probs.and_then(|p| p.get(w)) {
                let tip = tr!(
                    "hover-bar",
                    word = word,
                    context = info.context_text(state.selected_pair),
                    p = percent(*p)
                );
                response = response.on_hover_text(tip);
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

/// The title of `step`.
pub fn step_title(step: Step) -> String {
    tr!(match step {
        Step::Task => "step-title-task",
        Step::Architecture => "step-title-network",
        Step::Training => "step-title-training",
        Step::Takeaways => "step-title-takeaways",
    })
}

fn step_card(
    ctx: &egui::Context,
    state: &UiState,
    summary: &LessonSummary,
    info: &LessonInfo,
    s: f32,
    actions: &mut Vec<Action>,
) -> egui::Rect {
    // As wide as the 3D view and as short as possible, so its centre stays clear.
    let ppp = ctx.pixels_per_point();
    let hero = hover::scene_layout(
        ctx.content_rect().size(),
        ppp,
        state.look.control_bar_1080(),
    )
    .card(crate::scene::Panel::Embedding);
    let offset = vec2(
        hero.x / ppp + 16.0 * s,
        -(CONTROL_BAR_HEIGHT_1080 + 14.0) * s,
    );
    let width = (hero.w / ppp - 72.0 * s).max(480.0 * s);
    card(ctx, "step", Align2::LEFT_BOTTOM, offset, width, s, |ui| {
        ui.horizontal(|ui| {
            ui.label(
                RichText::new(step_title(state.step))
                    .size(34.0 * s)
                    .strong(),
            );
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                let first = state.step == Step::Task;
                let last = state.step == Step::Takeaways;
                if ui
                    .add_enabled(!last, egui::Button::new(tr!("next")))
                    .clicked()
                {
                    actions.push(Action::NextStep);
                }
                let n = state.step.index() + 1;
                let total = Step::ALL.len();
                ui.label(
                    RichText::new(tr!("step-of", n = n, total = total))
                        .color(DIM)
                        .size(20.0 * s),
                );
                if ui
                    .add_enabled(!first, egui::Button::new(tr!("back")))
                    .clicked()
                {
                    actions.push(Action::PreviousStep);
                }
            });
        });
        let sentences = step_sentences(state.step, info, summary);
        let bullets = state.step == Step::Takeaways;
        for sentence in sentences {
            let line = if bullets {
                format!("• {}", sentence.text)
            } else {
                sentence.text
            };
            ui.label(RichText::new(line).size(if bullets { 22.0 } else { 24.0 } * s));
        }
        if state.step == Step::Takeaways
            && let Some((id, title)) = controls::next_lesson(&info.id)
        {
            let invite =
                egui::Button::new(RichText::new(tr!("next-lesson", title = title)).strong())
                    .fill(ACCENT.gamma_multiply(0.35));
            if ui.add(invite).clicked() {
                actions.push(Action::PickLesson(id));
            }
        }
    })
}

/// The help card's rows: each message's text is the keys, its `.action` attribute what they do.
const HELP_ROWS: [&str; 15] = [
    "help-play",
    "help-forward",
    "help-back",
    "help-ends",
    "help-reset",
    "help-lessons",
    "help-steps",
    "help-select",
    "help-speed",
    "help-camera",
    "help-fullscreen",
    "help-hide",
    "help-screenshot",
    "help-help",
    "help-quit",
];

fn help_overlay(ctx: &egui::Context, s: f32, actions: &mut Vec<Action>) {
    egui::Area::new(card_id("help"))
        .anchor(Align2::CENTER_CENTER, vec2(0.0, 0.0))
        .order(Order::Foreground)
        .fade_in(false)
        .show(ctx, |ui| {
            let look = Look::of(ui.ctx());
            apply_style(ui.style_mut(), s, &look);
            card_frame(s, &look)
                .fill(Color32::from_rgba_premultiplied(6, 8, 16, 245))
                .stroke(Stroke::new(2.0 * s, ACCENT))
                .show(ui, |ui| {
                    ui.set_width(620.0 * s);
                    ui.label(RichText::new(tr!("help-title")).size(34.0 * s).strong());
                    egui::Grid::new("nextword_help_keys")
                        .num_columns(2)
                        .spacing(vec2(28.0 * s, 10.0 * s))
                        .show(ui, |ui| {
                            for id in HELP_ROWS {
                                ui.label(RichText::new(tr!(id)).color(ACCENT).strong());
                                ui.label(tr!(&format!("{id}.action")));
                                ui.end_row();
                            }
                        });
                    ui.add_space(8.0 * s);
                    if ui.button(tr!("help-close")).clicked() {
                        actions.push(Action::CloseHelp);
                    }
                });
        });
}

fn hidden_hint(ctx: &egui::Context, s: f32) {
    let r = ctx.content_rect();
    ctx.layer_painter(egui::LayerId::new(
        Order::Foreground,
        Id::unique("nextword_ui_hint"),
    ))
    .text(
        r.right_bottom() + vec2(-16.0 * s, -12.0 * s),
        Align2::RIGHT_BOTTOM,
        tr!("hidden-hint"),
        FontId::proportional(16.0 * s),
        Color32::from_rgba_unmultiplied(200, 208, 224, 90),
    );
}
