//! The attention lesson's screen: every view of ATTENTION.md's model at one recorded epoch,
//! beside a card that tells the lesson in steps and narrates the selected place in the text.
//!
//! How it works: [`attention_ui`] lays the screen out in fixed regions that never overlap (the
//! views on the left, the card in its own column on the right): the sentence strip with the
//! attention arcs on top, the 3D space and the query/key/value network in the middle, the
//! heatmap, the loss chart with its "without attention" ghost and the next-word bars at the
//! bottom. Every number of a frame comes from the one recorded epoch at or before the playhead
//! ([`AttnStory::slot_at`]). Keys and buttons become [`AttnAction`]s for the window to apply
//! (play, epochs, restart); the choices that only change what is shown (the pair, the step,
//! the position vectors) are applied to [`AttnViewState`] here.

pub mod card;
pub mod charts;
pub mod headless;
pub mod paint;
pub mod session;
pub mod space;
pub mod story;
pub mod strip;
pub mod write;

use egui::{Align2, Key, Rect, pos2, vec2};

pub use session::AttnSession;
pub use story::{AttnStory, narrate};

use crate::tr;
use crate::ui::kit::{self, ACCENT};
use crate::ui::look::Look;

/// The steps of the lesson: (title id, text id).
pub const STEPS: [(&str, &str); 6] = [
    ("attn-step-title-puzzle", "attn-step-puzzle"),
    ("attn-step-title-query", "attn-step-query"),
    ("attn-step-title-value", "attn-step-value"),
    ("attn-step-title-watch", "attn-step-watch"),
    ("attn-step-title-llm", "attn-step-llm"),
    ("attn-step-title-write", "attn-step-write"),
];

/// The step text that says what it says without the ghost line (when the MLP on the text was
/// too much work to train beside it).
pub fn step_text_id(step: usize, has_ghost: bool) -> &'static str {
    match (step, has_ghost) {
        (0, false) => "attn-step-puzzle-no-ghost",
        _ => STEPS[step.min(STEPS.len() - 1)].1,
    }
}

/// The step where the model writes.
pub const WRITE_STEP: usize = 5;

/// What the screen shows besides the epoch.
#[derive(Clone, Debug, PartialEq)]
pub struct AttnViewState {
    /// The selected pair (a place in the text).
    pub pair: usize,
    pub step: usize,
    /// Show the position vectors in the 3D space.
    pub positions: bool,
    /// The 3D space's turn and tilt, radians.
    pub yaw: f32,
    pub pitch: f32,
    /// The visitor turned the space by hand this frame (the window holds its own turning).
    pub dragged: bool,
    /// Training runs (the window's clock).
    pub playing: bool,
    /// The steps follow the training ([`auto_step`]) until the visitor picks one.
    pub auto_steps: bool,
    /// The seed the model writes with (Again draws anew).
    pub write_seed: u64,
    /// How the screen is set up where it is shown.
    pub mode: ScreenMode,
}

/// How the screen is set up where it is shown (a window, a lecture, an exhibit): it stays when
/// the lesson starts over.
#[derive(Clone, Debug, PartialEq)]
pub struct ScreenMode {
    /// The languages a visitor may pick on the card (none shown when there is one).
    pub languages: Vec<crate::i18n::Lang>,
    /// A presenter's clicker drives the steps: the arrow keys move steps, not places, and the
    /// steps do not follow the training.
    pub presenter: bool,
    /// The card lists the keys (not on an exhibit's touch screen).
    pub show_keys: bool,
    /// The card offers the other lessons (not on an exhibit of this lesson alone).
    pub lessons_button: bool,
}

impl Default for ScreenMode {
    /// A window: every language, the keys listed, the other lessons offered.
    fn default() -> Self {
        Self {
            languages: crate::i18n::Lang::ALL.to_vec(),
            presenter: false,
            show_keys: true,
            lessons_button: true,
        }
    }
}

impl AttnViewState {
    /// The screen on `story`'s featured place, at step 1, playing, set up as `mode` says.
    pub fn new(story: &AttnStory, mode: ScreenMode) -> Self {
        Self {
            pair: story.featured_pair(),
            step: 0,
            positions: false,
            yaw: 0.6,
            pitch: 0.38,
            dragged: false,
            playing: true,
            auto_steps: !mode.presenter,
            write_seed: 1,
            mode,
        }
    }
}

/// What the window does for the screen.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum AttnAction {
    TogglePlay,
    /// Show this epoch (paused).
    ShowEpoch(u32),
    Restart,
    /// Back to the other lessons (the MLP lessons' screen, its menu open).
    Lessons,
}

/// The regions of the screen (points).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct AttnLayout {
    pub header: Rect,
    pub strip: Rect,
    pub space: Rect,
    pub network: Rect,
    pub heatmap: Rect,
    pub loss: Rect,
    pub bars: Rect,
    pub card: Rect,
}

impl AttnLayout {
    /// The regions of a `screen` at scale `s`: none overlaps another.
    pub fn of(screen: Rect, s: f32) -> Self {
        let m = 12.0 * s;
        let card_w = (screen.width() * 0.3).clamp(300.0 * s, 560.0 * s);
        let card = Rect::from_min_max(
            pos2(screen.right() - card_w - m, screen.top() + m),
            pos2(screen.right() - m, screen.bottom() - m),
        );
        let left = Rect::from_min_max(
            screen.min + vec2(m, m),
            pos2(card.left() - m, screen.bottom() - m),
        );
        let header_h = 46.0 * s;
        let rest = left.height() - header_h - 3.0 * m;
        let (strip_h, middle_h) = (rest * 0.30, rest * 0.38);
        let bottom_h = rest - strip_h - middle_h;
        let header = Rect::from_min_size(left.min, vec2(left.width(), header_h));
        let strip = Rect::from_min_size(
            pos2(left.left(), header.bottom()),
            vec2(left.width(), strip_h),
        );
        // The heatmap is tall (a row per place in the text) at the left; the space and the
        // network share the middle, the loss and the bars the bottom.
        let mid_y = strip.bottom() + m;
        let heat_w = (left.width() * 0.3).max(200.0 * s);
        let heatmap = Rect::from_min_max(
            pos2(left.left(), mid_y),
            pos2(left.left() + heat_w, left.bottom()),
        );
        let right_x = heatmap.right() + m;
        let half = (left.right() - right_x - m) / 2.0;
        let space = Rect::from_min_size(pos2(right_x, mid_y), vec2(half, middle_h));
        let network = Rect::from_min_size(pos2(space.right() + m, mid_y), vec2(half, middle_h));
        let bottom_y = space.bottom() + m;
        let loss = Rect::from_min_size(pos2(right_x, bottom_y), vec2(half, bottom_h));
        let bars = Rect::from_min_size(pos2(loss.right() + m, bottom_y), vec2(half, bottom_h));
        Self {
            header,
            strip,
            space,
            network,
            heatmap,
            loss,
            bars,
            card,
        }
    }

    pub fn all(&self) -> [Rect; 8] {
        [
            self.header,
            self.strip,
            self.space,
            self.network,
            self.heatmap,
            self.loss,
            self.bars,
            self.card,
        ]
    }
}

/// The step the lesson is at when the steps follow the training: the puzzle before it starts,
/// query and key while attention forms, value, the heatmap, then (trained) real models, then the
/// model writes; `since_end` counts seconds since the playhead reached the lesson's end.
pub fn auto_step(playhead: f32, total: u32, started: bool, since_end: f32) -> usize {
    let t = playhead / total.max(1) as f32;
    match () {
        _ if !started => 0,
        _ if t < 0.15 => 1,
        _ if t < 0.35 => 2,
        _ if t < 1.0 => 3,
        _ if since_end < 20.0 => 4,
        _ => WRITE_STEP,
    }
}

/// The recorded epoch before or after `epoch`.
fn neighbour_epoch(story: &AttnStory, epoch: u32, later: bool) -> Option<u32> {
    if later {
        story.slots.iter().map(|s| s.epoch).find(|&e| e > epoch)
    } else {
        story
            .slots
            .iter()
            .rev()
            .map(|s| s.epoch)
            .find(|&e| e < epoch)
    }
}

/// Draws the screen at `playhead` and returns what the window should do.
pub fn attention_ui(
    ctx: &egui::Context,
    story: &AttnStory,
    state: &mut AttnViewState,
    playhead: f32,
) -> Vec<AttnAction> {
    let mut actions = Vec::new();
    let Some(slot) = story.slot_at(playhead) else {
        return actions;
    };
    let n = story.pairs.len();
    state.pair = state.pair.min(n.saturating_sub(1));
    ctx.input(|i| {
        if i.key_pressed(Key::Space) {
            actions.push(AttnAction::TogglePlay);
        }
        if i.key_pressed(Key::ArrowRight) || i.key_pressed(Key::ArrowLeft) {
            let later = i.key_pressed(Key::ArrowRight);
            if let Some(e) = neighbour_epoch(story, slot.epoch, later) {
                actions.push(AttnAction::ShowEpoch(e));
            }
        }
        if !state.mode.presenter {
            if i.key_pressed(Key::ArrowDown) && state.pair + 1 < n {
                state.pair += 1;
            }
            if i.key_pressed(Key::ArrowUp) {
                state.pair = state.pair.saturating_sub(1);
            }
            if i.key_pressed(Key::W) {
                state.step = WRITE_STEP;
                state.auto_steps = false;
            }
        }
        if i.key_pressed(Key::P) {
            state.positions = !state.positions;
        }
        if i.key_pressed(Key::R) {
            actions.push(AttnAction::Restart);
        }
        let clicker = state.mode.presenter;
        if i.key_pressed(Key::PageDown) || (clicker && i.key_pressed(Key::ArrowDown)) {
            state.step = (state.step + 1).min(STEPS.len() - 1);
            state.auto_steps = false;
        }
        if i.key_pressed(Key::PageUp) || (clicker && i.key_pressed(Key::ArrowUp)) {
            state.step = state.step.saturating_sub(1);
            state.auto_steps = false;
        }
    });
    let s = kit::ui_scale(ctx);
    let look = Look::of(ctx);
    let layout = AttnLayout::of(ctx.content_rect(), s);
    egui::Area::new(kit::card_id("attention views"))
        .fixed_pos(pos2(0.0, 0.0))
        .order(egui::Order::Background)
        .fade_in(false)
        .interactable(true)
        .show(ctx, |ui| {
            let painter = ui.painter().clone();
            // The epoch on the right; the title in the room left of it (smaller when long).
            let epoch = painter.text(
                layout.header.right_center(),
                Align2::RIGHT_CENTER,
                story::epoch_line(slot),
                egui::FontId::proportional(26.0 * s),
                ACCENT,
            );
            let room = epoch.left() - layout.header.left() - 16.0 * s;
            let title = story.title.get();
            let wide = painter
                .layout_no_wrap(
                    title.to_owned(),
                    egui::FontId::proportional(30.0 * s),
                    look.text,
                )
                .size()
                .x;
            let size = 30.0 * s * (room / wide.max(1.0)).clamp(0.5, 1.0);
            painter
                .with_clip_rect(Rect::from_min_max(
                    layout.header.min,
                    pos2(epoch.left() - 8.0 * s, layout.header.bottom()),
                ))
                .text(
                    layout.header.left_center(),
                    Align2::LEFT_CENTER,
                    title,
                    egui::FontId::proportional(size),
                    look.text,
                );
            let inner = paint::panel(
                &painter,
                layout.strip,
                &tr!("attn-panel-strip"),
                s,
                look.text,
            );
            strip::paint_strip(&painter, inner, story, slot, state.pair, s);
            let inner = paint::panel(
                &painter,
                layout.space,
                &tr!("attn-panel-space"),
                s,
                look.text,
            );
            let hint = if state.positions {
                tr!("attn-positions-on")
            } else {
                tr!("attn-positions-off")
            };
            paint::note(
                &painter,
                layout.space.right_bottom() + vec2(-12.0 * s, -8.0 * s),
                Align2::RIGHT_BOTTOM,
                &hint,
                16.0 * s,
            );
            // A drag turns the space (and pauses the window's turning for a while).
            let drag = ui.interact(
                inner,
                egui::Id::unique("nextword attention space"),
                egui::Sense::drag(),
            );
            drag.widget_info(|| {
                egui::WidgetInfo::labeled(egui::Role::Figure, true, tr!("attn-panel-space"))
            });
            if drag.dragged() {
                let delta = drag.drag_delta();
                state.yaw += delta.x * 0.01;
                state.pitch = (state.pitch + delta.y * 0.01).clamp(-1.2, 1.2);
                state.dragged = true;
            }
            space::paint_space(
                &painter.with_clip_rect(inner),
                inner,
                story,
                slot,
                state.pair,
                state.positions,
                (state.yaw, state.pitch),
                s,
            );
            let inner = paint::panel(
                &painter,
                layout.network,
                &tr!("attn-panel-network"),
                s,
                look.text,
            );
            space::paint_network(
                &painter.with_clip_rect(inner),
                inner,
                story,
                slot,
                state.pair,
                s,
            );
            let inner = paint::panel(
                &painter,
                layout.heatmap,
                &tr!("attn-panel-heat"),
                s,
                look.text,
            );
            if let Some(j) = strip::heatmap(ui, inner, story, slot, state.pair, s) {
                state.pair = j;
            }
            let inner = paint::panel(&painter, layout.loss, &tr!("attn-panel-loss"), s, look.text);
            // The chart ends at the shown epoch, as every other number of the frame.
            charts::paint_loss(&painter, inner, story, slot.epoch as f32, s);
            let inner = paint::panel(&painter, layout.bars, &tr!("attn-panel-bars"), s, look.text);
            charts::paint_bars(&painter, inner, story, slot, state.pair, s);
        });
    card::step_card(ctx, layout.card, story, slot, state, s, &look, &mut actions);
    actions
}

#[cfg(test)]
mod tests;
