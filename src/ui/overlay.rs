//! The overlay itself: the lesson card, the control bar, lessons, help, the keyboard.
//!
//! How it works: [`overlay_ui`] runs once per frame inside the scene's egui pass, after the scene
//! has installed the frame's [`Layout`]. It reads the keyboard, then paints the lesson card in the
//! layout's lesson column ([`super::lesson_card`]) and the control bar with the timeline along
//! the bottom, so no card ever sits over the 3D view; the lessons and help cards open on request
//! (opaque, above everything but tooltips). It returns the [`Action`]s the user asked for; the
//! caller applies them ([`UiState::apply_all`]) and executes the rest. Sizes follow the screen:
//! design sizes are for 1080 lines and scale with the height (and the [`Look`]'s scale, for a
//! projector at the back of a room). Styles are set per card, so the scene's labels keep theirs.

use egui::{Align2, Color32, FontId, Id, Order, RichText, Stroke, vec2};

use super::controls;
use super::highlight::{self, highlighted_views};
use super::hover;
use super::kit::{ACCENT, apply_style, card_frame, card_id, ui_scale};
use super::lesson_card::lesson_card;
use super::look::Look;
use super::math_card::math_card;
use super::state::{Action, UiState, action_for_key};
use super::summary::{LessonInfo, LessonSummary};
use crate::engine::history::EpochSlots;
use crate::scene::Layout;
use crate::tr;

/// The frame's layout: the one the scene installed, else one computed for this screen.
pub fn frame_layout(ctx: &egui::Context, state: &UiState) -> Layout {
    Layout::of(ctx).unwrap_or_else(|| {
        hover::scene_layout(
            ctx.content_rect().size(),
            ctx.pixels_per_point(),
            state.layout_spec(),
        )
    })
}

/// A layout rectangle (target pixels) in egui points.
pub fn to_points(r: crate::scene::Rect, ppp: f32) -> egui::Rect {
    egui::Rect::from_min_size(egui::pos2(r.x / ppp, r.y / ppp), vec2(r.w / ppp, r.h / ppp))
}

/// Draws the overlay and returns what the user asked for this frame (keys included). Apply them
/// with [`UiState::apply_all`] and execute the ones it hands back.
pub fn overlay_ui(
    ctx: &egui::Context,
    state: &mut UiState,
    summary: &LessonSummary,
    info: &LessonInfo,
) -> Vec<Action> {
    state.look().install(ctx);
    let mut actions = keyboard_actions(ctx, state);
    let s = ui_scale(ctx);
    if state.ui_hidden {
        hidden_hint(ctx, s);
    } else {
        let layout = frame_layout(ctx, state);
        let ppp = ctx.pixels_per_point();
        highlight::outline_views(ctx, &layout, highlighted_views(state.step), s);
        let column = to_points(layout.lesson, ppp);
        if state.math_open {
            math_card(ctx, column, state, summary, info, s, &mut actions);
        } else {
            lesson_card(ctx, column, state, summary, info, s, &mut actions);
        }
        controls::control_bar(ctx, state, summary, info, s, &mut actions);
        if state.lessons_open {
            controls::lessons_popup(ctx, state, info, s, &mut actions);
        }
        hover::scene_hover(ctx, &layout, state, summary, info, s, &mut actions);
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
                        Action::CloseHelp
                            if !state.help_visible && !state.lessons_open && !state.math_open =>
                        {
                            None
                        }
                        a => Some(a),
                    }
                }
                _ => None,
            })
            .collect()
    })
}

/// The help card's rows: each message's text is the keys, its `.action` attribute what they do.
const HELP_ROWS: [&str; 19] = [
    "help-play",
    "help-forward",
    "help-back",
    "help-ends",
    "help-reset",
    "help-lessons",
    "help-steps",
    "help-write",
    "help-math",
    "help-select",
    "help-speed",
    "help-camera",
    "help-fullscreen",
    "help-hide",
    "help-screenshot",
    "help-calm",
    "help-text-size",
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
                .fill(Color32::from_rgb(6, 8, 16))
                .stroke(Stroke::new(2.0 * s, ACCENT))
                .show(ui, |ui| {
                    // One column of keys where the screen is tall enough, two side by side where
                    // it is wide enough, else one column that scrolls (a row is about 50 design
                    // pixels; title, button and margins about 150).
                    let screen = ctx.content_rect();
                    let one_column = HELP_ROWS.len() as f32 * 50.0 * s + 150.0 * s;
                    let tall = one_column <= screen.height() * 0.92;
                    let wide = 1240.0 * s <= screen.width() * 0.9;
                    let columns = if !tall && wide { 2 } else { 1 };
                    let per_column = HELP_ROWS.len().div_ceil(columns);
                    ui.set_width(620.0 * s * columns as f32);
                    ui.label(RichText::new(tr!("help-title")).size(34.0 * s).strong());
                    egui::ScrollArea::vertical()
                        .max_height(screen.height() * 0.92 - 150.0 * s)
                        .show(ui, |ui| {
                            egui::Grid::new("nextword_help_keys")
                                .num_columns(2 * columns)
                                .spacing(vec2(28.0 * s, 10.0 * s))
                                .show(ui, |ui| {
                                    for row in 0..per_column {
                                        for column in 0..columns {
                                            let Some(id) = HELP_ROWS.get(row + column * per_column)
                                            else {
                                                continue;
                                            };
                                            ui.label(RichText::new(tr!(id)).color(ACCENT).strong());
                                            ui.label(tr!(&format!("{id}.action")));
                                        }
                                        ui.end_row();
                                    }
                                });
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
        FontId::proportional(18.0 * s),
        Color32::from_rgba_unmultiplied(200, 208, 224, 90),
    );
}
