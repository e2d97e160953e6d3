//! The control bar (timeline, playback, speed, learning rate, optimizer, progress) and the lesson
//! picker with the "your own text" box.
//!
//! How it works: the bar is one fixed card across the bottom of the screen. The timeline spans
//! epoch 0 to the lesson's length: the trained part is filled, milestones are marked with a tick
//! and a short label (the full sentence on hover), and clicking or dragging anywhere on it seeks
//! (the state pauses and snaps to a recorded epoch). Every control only pushes an [`Action`].

use std::sync::OnceLock;

use egui::{Align2, Color32, FontId, Order, Pos2, Rect, RichText, Sense, Stroke, Ui, vec2};

use super::kit::{
    ACCENT, CONTROL_BAR_HEIGHT_1080, DIM, apply_style, card_id, phase_color, popup_card,
};
use super::look::Look;
use super::narration::{
    MilestoneKind, PhaseParams, TrainingPhase, find_milestones, milestone_text,
};
use super::state::{Action, SPEED_RANGE, UiState};
use super::summary::{LessonInfo, LessonSummary};
use super::text::{check_text, text_count, text_too_long};
use crate::i18n::format::{percent, rate};
use crate::lesson::{Localized, OptimizerKind};
use crate::scene::plates::{Plate, paint_plate};
use crate::tr;

/// Learning rates offered in the picker (the lesson's own is added when missing).
pub const LEARNING_RATES: [f64; 8] = [0.001, 0.003, 0.01, 0.02, 0.03, 0.1, 0.3, 1.0];

/// The built-in lessons as (id, title), in key order (1 = the first).
pub fn lesson_choices() -> &'static [(String, Localized)] {
    static CHOICES: OnceLock<Vec<(String, Localized)>> = OnceLock::new();
    CHOICES.get_or_init(|| {
        crate::lesson::all_builtin_ids()
            .iter()
            .map(|id| {
                let title = crate::lesson::load_builtin(id)
                    .map_or_else(|_| Localized::new(*id), |l| l.title);
                (id.to_string(), title)
            })
            .collect()
    })
}

/// The lesson after `id` in the picker's order (the first after the last; the first after your
/// own text), as (id, title).
/// The lesson after `id` in the menu (the first after the last), as (id, title in the active
/// language).
pub fn next_lesson(id: &str) -> Option<(String, String)> {
    let choices = lesson_choices();
    let next = choices
        .iter()
        .position(|(c, _)| c == id)
        .map_or(0, |i| (i + 1) % choices.len());
    choices
        .get(next)
        .map(|(id, title)| (id.clone(), title.get().to_owned()))
}

pub(crate) fn control_bar(
    ctx: &egui::Context,
    state: &mut UiState,
    summary: &LessonSummary,
    info: &LessonInfo,
    s: f32,
    actions: &mut Vec<Action>,
) {
    let width = ctx.content_rect().width();
    egui::Area::new(card_id("controls"))
        .anchor(Align2::LEFT_BOTTOM, vec2(0.0, 0.0))
        .order(Order::Middle)
        .movable(false)
        .fade_in(false)
        .show(ctx, |ui| {
            let look = Look::of(ui.ctx());
            apply_style(ui.style_mut(), s, &look);
            // The bar's background is a plate, drawn by the scene under egui's meshes.
            let bar = egui::Frame::new()
                .inner_margin(egui::Margin::symmetric((24.0 * s) as i8, (10.0 * s) as i8))
                .show(ui, |ui| {
                    ui.set_width(width - 48.0 * s);
                    ui.set_height((CONTROL_BAR_HEIGHT_1080 - 20.0) * s);
                    timeline(ui, state, summary, info, s, actions);
                    ui.add_space(4.0 * s);
                    buttons_row(ui, state, summary, info, s, actions);
                });
            paint_plate(
                ui.ctx(),
                Plate {
                    rect: bar.response.rect,
                    radius: 0.0,
                    fill: look.panel,
                    stroke: Color32::TRANSPARENT,
                    stroke_width: 0.0,
                },
            );
        });
}

fn timeline(
    ui: &mut Ui,
    state: &UiState,
    summary: &LessonSummary,
    info: &LessonInfo,
    s: f32,
    actions: &mut Vec<Action>,
) {
    let total = info.total_epochs.max(summary.trained_epoch).max(1) as f32;
    let (rect, response) = ui.allocate_exact_size(
        vec2(ui.available_width(), 48.0 * s),
        Sense::click_and_drag(),
    );
    response.widget_info(|| {
        egui::WidgetInfo::slider(true, f64::from(state.playhead), tr!("timeline-hint"))
    });
    let painter = ui.painter_at(rect.expand(2.0 * s));
    // The progress read-out at the right end; the track ends where it starts (with room for the
    // playhead's knob), whatever the language and type size.
    let progress = UiState::progress(summary.trained_epoch, info.total_epochs);
    let progress_text = tr!(
        "progress",
        pct = percent(progress),
        epoch = summary.shown_epoch,
        total = info.total_epochs
    );
    let progress_galley = painter.layout_no_wrap(
        progress_text,
        FontId::proportional(22.0 * s),
        state.look().text,
    );
    let track_right =
        (rect.right() - progress_galley.size().x - 28.0 * s).max(rect.left() + rect.width() * 0.4);
    let track = Rect::from_min_max(
        Pos2::new(rect.left() + 12.0 * s, rect.top() + 8.0 * s),
        Pos2::new(track_right, rect.top() + 20.0 * s),
    );
    let x_of = |e: f32| track.left() + track.width() * (e / total).clamp(0.0, 1.0);
    painter.rect_filled(track, 6.0 * s, Color32::from_rgb(38, 46, 68));
    let trained = Rect::from_min_max(
        track.min,
        Pos2::new(x_of(summary.trained_epoch as f32), track.max.y),
    );
    painter.rect_filled(trained, 6.0 * s, Color32::from_rgb(46, 120, 190));
    let label_font = FontId::proportional(18.0 * s);
    let milestones = find_milestones(summary, info, &PhaseParams::default());
    let hover = response.hover_pos();
    let mut hovered_text = None;
    let mut label_right = f32::NEG_INFINITY;
    for m in &milestones {
        let x = x_of(m.epoch as f32);
        let (color, short) = match m.kind {
            MilestoneKind::Passed(p) => (ACCENT, percent(f32::from(p) / 100.0)),
            MilestoneKind::Favourite => (ACCENT, tr!("milestone-short-favourite")),
            MilestoneKind::Converged => (
                phase_color(TrainingPhase::Converged),
                TrainingPhase::Converged.name(),
            ),
            MilestoneKind::Diverged => (
                phase_color(TrainingPhase::Diverged),
                TrainingPhase::Diverged.name(),
            ),
            MilestoneKind::LearningStarted => (
                phase_color(TrainingPhase::Learning),
                TrainingPhase::Learning.name(),
            ),
        };
        painter.line_segment(
            [
                Pos2::new(x, track.top() - 6.0 * s),
                Pos2::new(x, track.bottom() + 8.0 * s),
            ],
            Stroke::new(3.0 * s, color),
        );
        let at = Pos2::new(x.max(track.left() + 30.0 * s), track.bottom() + 6.0 * s);
        if m.kind != MilestoneKind::LearningStarted {
            // Skip a label that would touch the previous one.
            let galley = painter.layout_no_wrap(short, label_font.clone(), color);
            let rect = Align2::CENTER_TOP.anchor_size(at, galley.size());
            if rect.left() > label_right {
                painter.galley(rect.min, galley, color);
                label_right = rect.right() + 8.0 * s;
            }
        }
        if hover.is_some_and(|p| (p.x - x).abs() < 10.0 * s) {
            hovered_text = Some(milestone_text(m, info));
        }
    }
    let at = Align2::RIGHT_CENTER.anchor_size(
        Pos2::new(rect.right(), track.center().y),
        progress_galley.size(),
    );
    painter.galley(at.min, progress_galley, state.look().text);
    let head = Pos2::new(x_of(state.playhead), track.center().y);
    painter.circle(
        head,
        12.0 * s,
        state.look().text,
        Stroke::new(3.0 * s, ACCENT),
    );
    if let Some(pos) = response.interact_pointer_pos()
        && (response.dragged() || response.clicked())
    {
        let epoch = (pos.x - track.left()) / track.width().max(1.0) * total;
        actions.push(Action::Seek(epoch.clamp(0.0, summary.trained_epoch as f32)));
    }
    let tip = hovered_text.or_else(|| {
        hover.map(|p| {
            let e = ((p.x - track.left()) / track.width().max(1.0) * total).clamp(0.0, total);
            tr!(
                "timeline-epoch",
                hint = tr!("timeline-hint"),
                epoch = e.round() as u32
            )
        })
    });
    if let Some(tip) = tip {
        response.on_hover_text(tip);
    }
}

/// Design pixels the whole buttons row needs (measured at 1920x1080 with the dark look).
const FULL_ROW_1080: f32 = 2000.0;

fn buttons_row(
    ui: &mut Ui,
    state: &mut UiState,
    summary: &LessonSummary,
    info: &LessonInfo,
    s: f32,
    actions: &mut Vec<Action>,
) {
    // How much the row leaves out: from the room (design pixels), and raised further when a
    // previous frame of the same screen, language and step found its two ends overlapping
    // (longer words in another language).
    let room = ui.available_width() / s;
    let base = [0.0, 300.0, 400.0, 500.0]
        .iter()
        .filter(|&&less| room < FULL_ROW_1080 - less)
        .count() as u8;
    let key = ui.scope_id().with((
        "row_density",
        ui.available_width() as u32,
        crate::i18n::language().code(),
        state.step,
        state.live,
    ));
    let learned: u8 = ui.data(|d| d.get_temp(key)).unwrap_or(0);
    let level = base.max(learned);
    // Narrow screens and large type: leave out the seed box and the speed figure.
    let compact = level >= 1;
    // 4:3 screens: the speed slider goes without its label too.
    let tight = level >= 2;
    // 5:4 screens: and the rate without its label, on a shorter slider.
    let narrow = level >= 3;
    // Large type on a 4:3 screen: the one-epoch steps stay on the arrow keys only.
    let minimal = level >= 4;
    // And when even that overlaps (long words, large type, a small screen): Reset and Lessons
    // as their symbols, the words on hover.
    let cramped = level >= 5;
    let (mut left_end, mut right_start) = (0.0, f32::INFINITY);
    ui.horizontal(|ui| {
        if narrow {
            ui.spacing_mut().slider_width = 90.0 * s;
        }
        let play = tr!(if state.playing { "pause" } else { "play" });
        if ui
            .add(
                egui::Button::new(RichText::new(play).strong()).min_size(vec2(120.0 * s, 44.0 * s)),
            )
            .clicked()
        {
            actions.push(Action::TogglePlay);
        }
        if !minimal
            && ui
                .button(tr!("step-back"))
                .on_hover_text(tr!("step-back-tip"))
                .clicked()
        {
            actions.push(Action::StepBack);
        }
        if !minimal
            && ui
                .button(tr!("step-forward"))
                .on_hover_text(tr!("step-forward-tip"))
                .clicked()
        {
            actions.push(Action::StepForward);
        }
        // Narrow rows on the Write step give Reset's room to the dial.
        let writing = state.step == super::state::Step::Write;
        let reset = if cramped {
            "⟲".to_owned()
        } else {
            tr!("reset")
        };
        if !(writing && tight)
            && ui
                .button(reset)
                .on_hover_text(tr!("help-reset.action"))
                .clicked()
        {
            actions.push(Action::Reset {
                new_seed: state.new_seed,
            });
        }
        if !compact {
            ui.checkbox(
                &mut state.new_seed,
                RichText::new(tr!("reset-new-seed")).size(20.0 * s),
            );
        }
        ui.separator();
        if state.step == super::state::Step::Write {
            // The Write step's own controls take the training settings' place.
            super::write_panel::write_controls(ui, state, info, s, compact, actions);
        } else {
            speed_and_rate(ui, state, info, s, (compact, tight, narrow), actions);
        }
        if !state.live && summary.trained_epoch > 0 && ui.button(tr!("live")).clicked() {
            actions.push(Action::GoLive);
        }
        left_end = ui.cursor().left();
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            let help = ui.button(" ? ");
            super::kit::name_button(&help, &tr!("help-title"));
            if help.clicked() {
                actions.push(Action::ToggleHelp);
            }
            if ui
                .add(
                    egui::Button::new(if cramped {
                        "☰".to_owned()
                    } else {
                        tr!("lessons")
                    })
                    .selected(state.lessons_open),
                )
                .on_hover_text(tr!("lessons"))
                .clicked()
            {
                state.lessons_open = !state.lessons_open;
            }
            // The math with this epoch's numbers.
            let math = if tight {
                "∑".to_owned()
            } else {
                tr!("math-open")
            };
            if ui
                .add(egui::Button::new(math).selected(state.math_open))
                .on_hover_text(tr!("help-math.action"))
                .clicked()
            {
                actions.push(Action::ToggleMath);
            }
            // The model writes, at any time (the fifth step).
            let writing = state.step == super::state::Step::Write;
            // The smallest rows keep the pen and say the rest on hover.
            let label = if minimal {
                "✎".to_owned()
            } else {
                tr!("write-open")
            };
            if ui
                .add(egui::Button::new(label).selected(writing))
                .on_hover_text(tr!("help-write.action"))
                .clicked()
            {
                actions.push(Action::GoToStep(super::state::Step::Write));
            }
            right_start = ui.min_rect().left();
        });
    });
    if left_end + ui.spacing().item_spacing.x > right_start && level < 5 {
        ui.data_mut(|d| d.insert_temp(key, level + 1));
        ui.ctx().request_repaint();
    }
}

/// Playback speed, learning rate and optimizer (every step but Write).
fn speed_and_rate(
    ui: &mut Ui,
    state: &mut UiState,
    info: &LessonInfo,
    s: f32,
    (compact, tight, narrow): (bool, bool, bool),
    actions: &mut Vec<Action>,
) {
    let mut speed = state.speed;
    let slider = egui::Slider::new(&mut speed, SPEED_RANGE.0..=SPEED_RANGE.1)
        .logarithmic(true)
        .show_value(false);
    if !tight {
        ui.label(RichText::new(tr!("speed")).color(DIM));
    }
    let response = ui.add(slider);
    // Named for a screen reader even where the row has no room for the word.
    response.widget_info(|| egui::WidgetInfo::slider(true, f64::from(speed), tr!("speed")));
    if response.changed() {
        actions.push(Action::SetSpeed(speed));
    }
    if !compact {
        let speed_text = tr!("speed-value", speed = format_speed(state.speed));
        ui.label(RichText::new(speed_text).size(20.0 * s));
    }
    ui.separator();
    lr_and_optimizer(ui, state, info, s, !narrow, actions);
    ui.separator();
}

/// A playback speed in epochs per second: one decimal below 10.
pub fn format_speed(speed: f32) -> String {
    crate::i18n::format::number(f64::from(speed), usize::from(speed < 10.0))
}

fn lr_and_optimizer(
    ui: &mut Ui,
    state: &mut UiState,
    info: &LessonInfo,
    s: f32,
    with_label: bool,
    actions: &mut Vec<Action>,
) {
    let mut rates: Vec<f64> = LEARNING_RATES.to_vec();
    for lr in info.lrs.iter().chain([&state.lr_choice]) {
        if !rates.iter().any(|r| (r - lr).abs() < 1e-12) {
            rates.push(*lr);
        }
    }
    rates.sort_by(f64::total_cmp);
    if with_label {
        ui.label(RichText::new(tr!("learning-rate")).color(DIM));
    }
    egui::ComboBox::from_id_salt("nextword_lr")
        .selected_text(rate(state.lr_choice))
        .width(90.0 * s)
        .show_ui(ui, |ui| {
            for r in rates {
                ui.selectable_value(&mut state.lr_choice, r, rate(r));
            }
        });
    egui::ComboBox::from_id_salt("nextword_optimizer")
        .selected_text(state.optimizer_choice.name())
        .width(130.0 * s)
        .show_ui(ui, |ui| {
            for kind in [
                OptimizerKind::Sgd,
                OptimizerKind::Momentum,
                OptimizerKind::Adam,
            ] {
                ui.selectable_value(&mut state.optimizer_choice, kind, kind.name());
            }
        });
    let changed =
        info.lrs.first() != Some(&state.lr_choice) || info.optimizer != state.optimizer_choice;
    // Without labels (the narrowest rows) Restart is its arrow; the tip says what it does.
    let restart = if with_label {
        tr!("restart")
    } else {
        "↻".to_owned()
    };
    if ui
        .add_enabled(changed, egui::Button::new(restart))
        .on_hover_text(tr!("restart-tip"))
        .clicked()
    {
        actions.push(Action::Restart {
            lr: state.lr_choice,
            optimizer: state.optimizer_choice,
        });
    }
}

pub(crate) fn lessons_popup(
    ctx: &egui::Context,
    state: &mut UiState,
    info: &LessonInfo,
    s: f32,
    actions: &mut Vec<Action>,
) {
    let offset = vec2(-24.0 * s, -(CONTROL_BAR_HEIGHT_1080 + 18.0) * s);
    popup_card(
        ctx,
        "lessons",
        Align2::RIGHT_BOTTOM,
        offset,
        600.0 * s,
        s,
        |ui| {
            ui.label(RichText::new(tr!("lessons")).size(30.0 * s).strong());
            for (i, (id, title)) in lesson_choices().iter().enumerate() {
                let current = *id == info.id;
                let label = RichText::new(format!("{}  {}", i + 1, title.get())).size(24.0 * s);
                if ui
                    .add(
                        egui::Button::new(label)
                            .selected(current)
                            .min_size(vec2(560.0 * s, 44.0 * s)),
                    )
                    .clicked()
                {
                    actions.push(Action::PickLesson(id.clone()));
                }
            }
            super::settings_rows::settings_rows(ui, state, s, actions);
            ui.add_space(10.0 * s);
            ui.label(RichText::new(tr!("your-text")).size(26.0 * s).strong());
            let edit = egui::TextEdit::multiline(&mut state.typed_text)
                .hint_text(tr!("your-text-hint"))
                .desired_rows(3)
                .desired_width(560.0 * s)
                .font(FontId::proportional(22.0 * s));
            if ui.add(edit).changed() {
                state.text_error = None;
            }
            ui.horizontal(|ui| {
                for attention in [false, true] {
                    let label = if attention {
                        tr!("train-text-attention")
                    } else {
                        tr!("train-text")
                    };
                    if ui.button(label).clicked() {
                        match check_text(&state.typed_text) {
                            Ok(_) => actions.push(Action::TrainText {
                                text: state.typed_text.clone(),
                                attention,
                            }),
                            Err(message) => state.text_error = Some(message),
                        }
                    }
                }
                let count_color = if text_too_long(&state.typed_text) {
                    Color32::from_rgb(255, 120, 110)
                } else {
                    DIM
                };
                ui.label(
                    RichText::new(text_count(&state.typed_text))
                        .color(count_color)
                        .size(18.0 * s),
                );
            });
            if let Some(message) = &state.text_error {
                ui.label(RichText::new(message).color(Color32::from_rgb(255, 150, 130)));
            }
        },
    );
}
