//! The kiosk's own layer on top of the lesson overlay: the attract caption, the welcome, the
//! idle countdown (a big tap target that cancels it), and the blank screen of lecture mode.
//!
//! How it works: [`KioskOverlay`] is plain state updated from the attract loop's events
//! ([`KioskOverlay::apply`]); [`kiosk_overlay_ui`] draws it with egui inside the scene's egui
//! pass (the window calls it from the `ui` hook of `Scene::encode_frame`, after the lesson
//! overlay) and returns whether the visitor tapped the countdown. Texts are cleaned for display
//! ([`display_text`]): no control characters, a length cap. Sizes follow the screen height like
//! the lesson overlay (design sizes at 1080 lines) times the theme's text scale.

use egui::{Align2, Color32, FontId, Id, Order, RichText, Stroke, vec2};

use super::attract::KioskEvent;
use super::config::KioskStrings;
use super::theme::ThemeStyle;

/// What the kiosk layer shows.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct KioskOverlay {
    pub attract: bool,
    pub welcome: bool,
    /// Seconds left on the idle countdown, while it runs.
    pub countdown: Option<u32>,
    /// Lecture mode's blank screen: everything black.
    pub blank: bool,
    /// Calm motion: the invitation's edge holds still instead of breathing.
    pub calm_motion: bool,
}

impl KioskOverlay {
    pub fn apply(&mut self, event: &KioskEvent) {
        match event {
            KioskEvent::ShowWelcome => self.welcome = true,
            KioskEvent::HideWelcome => self.welcome = false,
            KioskEvent::ShowCountdown(n) => self.countdown = Some(*n),
            KioskEvent::HideCountdown => self.countdown = None,
            KioskEvent::StartAutoOrbit => self.attract = true,
            KioskEvent::StopAutoOrbit => self.attract = false,
            KioskEvent::ResetLesson | KioskEvent::NextLesson(_) => {}
        }
    }
}

/// `text` made safe to show: control characters become spaces, runs of spaces collapse, and at
/// most `max_chars` characters are kept (with an ellipsis).
pub fn display_text(text: &str, max_chars: usize) -> String {
    let mut out = String::with_capacity(text.len().min(max_chars * 4));
    let mut count = 0;
    let mut last_space = true;
    for c in text.chars() {
        let c = if c.is_control() || c.is_whitespace() {
            ' '
        } else {
            c
        };
        if c == ' ' && last_space {
            continue;
        }
        if count == max_chars {
            out.push('\u{2026}');
            return out;
        }
        last_space = c == ' ';
        out.push(c);
        count += 1;
    }
    out.trim_end().to_owned()
}

/// Draws the kiosk layer; returns true when the visitor tapped the countdown (which, like any
/// input, the window passes to `Attract::user_input`).
pub fn kiosk_overlay_ui(
    ctx: &egui::Context,
    state: &KioskOverlay,
    strings: &KioskStrings,
    theme: &ThemeStyle,
) -> bool {
    let r = ctx.content_rect();
    let s = (r.height() / 1080.0).max(0.3) * theme.text_scale;
    if state.blank {
        egui::Area::new(Id::unique("nextword_kiosk_blank"))
            .order(Order::Foreground)
            .fixed_pos(r.min)
            .show(ctx, |ui| {
                ui.painter().rect_filled(r, 0.0, Color32::BLACK);
                ui.allocate_space(r.size());
            });
        return false;
    }
    let banner = |id: &str, text: &str, align: Align2, offset: egui::Vec2, size: f32| {
        egui::Area::new(Id::unique(("nextword_kiosk", id)))
            .anchor(align, offset * s)
            .order(Order::Foreground)
            .interactable(false)
            .show(ctx, |ui| {
                egui::Frame::new()
                    .fill(theme.panel)
                    .stroke(Stroke::new(2.0 * s, theme.edge))
                    .corner_radius(18.0 * s)
                    .inner_margin(24.0 * s)
                    .show(ui, |ui| {
                        ui.set_max_width(r.width() * 0.7);
                        ui.label(
                            RichText::new(display_text(text, 240))
                                .font(FontId::proportional(size * s))
                                .color(theme.text),
                        );
                    });
            });
    };
    // The invitation, then the welcome, take the step card's place (the lesson's text waits
    // until a visitor has settled in); with the lesson overlay hidden they are banners.
    let step_card = step_card_rect(ctx);
    if state.attract {
        match step_card {
            Some(rect) => message_card(
                ctx,
                "attract",
                rect,
                &strings.attract(),
                theme,
                s,
                !state.calm_motion,
            ),
            None => banner(
                "attract",
                &strings.attract(),
                Align2::CENTER_BOTTOM,
                vec2(0.0, -200.0),
                40.0,
            ),
        }
    }
    // The countdown is the one message while it runs.
    if state.welcome && state.countdown.is_none() {
        match step_card {
            Some(rect) => message_card(ctx, "welcome", rect, &strings.welcome(), theme, s, false),
            None => banner(
                "welcome",
                &strings.welcome(),
                Align2::CENTER_TOP,
                vec2(0.0, 120.0),
                36.0,
            ),
        }
    }
    let Some(n) = state.countdown else {
        return false;
    };
    // A card in the middle: the seconds left, large, and the text; all of it is a tap target.
    let mut tapped = false;
    egui::Area::new(Id::unique("nextword_kiosk_countdown"))
        .anchor(Align2::CENTER_CENTER, vec2(0.0, 0.0))
        .order(Order::Foreground)
        .show(ctx, |ui| {
            // Its labels let a tap through to the card.
            ui.style_mut().interaction.selectable_labels = false;
            let card = egui::Frame::new()
                .fill(theme.panel.to_opaque())
                .stroke(Stroke::new(4.0 * s, theme.accent))
                .corner_radius(24.0 * s)
                .inner_margin(36.0 * s)
                .show(ui, |ui| {
                    ui.set_min_size(vec2(
                        theme.touch_target * 6.0 * s,
                        theme.touch_target * 2.0 * s,
                    ));
                    ui.set_max_width((theme.touch_target * 8.0 * s).min(r.width() * 0.8));
                    ui.vertical_centered(|ui| {
                        ui.label(
                            RichText::new(n.to_string())
                                .font(FontId::proportional(120.0 * s))
                                .color(theme.accent)
                                .strong(),
                        );
                        ui.label(
                            RichText::new(display_text(&strings.countdown_text(n), 240))
                                .font(FontId::proportional(40.0 * s))
                                .color(theme.text),
                        );
                    });
                })
                .response;
            tapped = card.interact(egui::Sense::click()).clicked();
        });
    tapped
}

/// How often the invitation's edge breathes (well under the 2 flashes a second that exhibit
/// guidelines allow; none with calm motion).
const BREATHS_PER_SEC: f64 = 0.38;

/// Where in its breath (0..1) the invitation's edge is at `time_secs`.
pub fn breath_phase(time_secs: f64) -> f32 {
    (time_secs * BREATHS_PER_SEC).fract() as f32
}

/// Where the lesson overlay drew its step card this frame, if it did.
fn step_card_rect(ctx: &egui::Context) -> Option<egui::Rect> {
    use crate::ui::kit::{card_id, visible_area_rect};
    visible_area_rect(ctx, Order::Middle, card_id("step"))
}

/// A kiosk message (`id`: the invitation or the welcome) filling `rect`, opaque so the card
/// below does not show through, with an accent edge (breathing when `breathe`); the type
/// shrinks until the text fits.
fn message_card(
    ctx: &egui::Context,
    id: &str,
    rect: egui::Rect,
    text: &str,
    theme: &ThemeStyle,
    s: f32,
    breathe: bool,
) {
    let text = display_text(text, 240);
    let margin = 28.0 * s;
    let wrap = (rect.width() - 2.0 * margin).max(1.0);
    let breath = if breathe {
        0.5 + 0.5 * (breath_phase(ctx.input(|i| i.time)) * std::f32::consts::TAU).sin()
    } else {
        1.0
    };
    egui::Area::new(Id::unique(("nextword_kiosk_card", id)))
        .fixed_pos(rect.min)
        .order(Order::Foreground)
        .interactable(false)
        .show(ctx, |ui| {
            let painter = ui.painter();
            let corner = 14.0 * s;
            painter.rect_filled(rect, corner, theme.panel.to_opaque());
            let edge = theme.accent.gamma_multiply(0.45 + 0.55 * breath);
            painter.rect_stroke(
                rect,
                corner,
                Stroke::new((2.0 + 2.0 * breath) * s, edge),
                egui::StrokeKind::Inside,
            );
            let mut size = 44.0 * s;
            let galley = loop {
                let galley =
                    painter.layout(text.clone(), FontId::proportional(size), theme.text, wrap);
                if galley.size().y <= rect.height() - 2.0 * margin || size <= 12.0 {
                    break galley;
                }
                size *= 0.9;
            };
            let at = rect.center() - galley.size() * 0.5;
            painter.galley(at, galley, theme.text);
            ui.allocate_space(rect.size());
        });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn display_text_cleans_and_caps() {
        assert_eq!(display_text("a\u{0}b\n\n\tc  d ", 100), "a b c d");
        assert_eq!(display_text("\u{1f44b} hallo", 100), "\u{1f44b} hallo");
        assert_eq!(display_text(&"x".repeat(10_000), 5), "xxxxx\u{2026}");
        assert_eq!(display_text("", 5), "");
    }

    #[test]
    fn events_drive_the_layer() {
        let mut o = KioskOverlay::default();
        for e in [
            KioskEvent::StartAutoOrbit,
            KioskEvent::StopAutoOrbit,
            KioskEvent::ShowWelcome,
            KioskEvent::ShowCountdown(3),
        ] {
            o.apply(&e);
        }
        assert_eq!((o.attract, o.welcome, o.countdown), (false, true, Some(3)));
        o.apply(&KioskEvent::HideCountdown);
        assert_eq!(o.countdown, None);
    }

    #[test]
    fn draws_every_state_without_a_window() {
        let ctx = egui::Context::default();
        let strings = KioskStrings::default();
        for theme in [super::super::Theme::Dark, super::super::Theme::Projector] {
            let state = KioskOverlay {
                attract: true,
                welcome: true,
                countdown: Some(5),
                blank: false,
                calm_motion: false,
            };
            let mut out = ctx.run_pass(crate::scene::headless_input((1920, 1080)), |ctx| {
                assert!(!kiosk_overlay_ui(ctx, &state, &strings, &theme.style()));
            });
            assert!(!out.shapes.is_empty());
            out.textures_delta.clear();
            let blank = KioskOverlay {
                blank: true,
                ..state
            };
            let mut out = ctx.run_pass(crate::scene::headless_input((640, 360)), |ctx| {
                kiosk_overlay_ui(ctx, &blank, &strings, &theme.style());
            });
            out.textures_delta.clear();
        }
    }

    #[test]
    fn a_tap_on_the_countdown_card_counts_and_it_hides_the_welcome() {
        let ctx = egui::Context::default();
        let strings = KioskStrings::default();
        let theme = super::super::Theme::Dark.style();
        let state = KioskOverlay {
            welcome: true,
            countdown: Some(5),
            ..KioskOverlay::default()
        };
        let centre = egui::pos2(960.0, 540.0);
        let pass = |events: Vec<egui::Event>| {
            let mut input = crate::scene::headless_input((1920, 1080));
            input.events = events;
            let mut tapped = false;
            let mut out = ctx.run_pass(input, |ctx| {
                tapped = kiosk_overlay_ui(ctx, &state, &strings, &theme);
            });
            out.textures_delta.clear();
            tapped
        };
        assert!(!pass(vec![]));
        let press = |pressed| egui::Event::PointerButton {
            pos: centre,
            button: egui::PointerButton::Primary,
            pressed,
            modifiers: egui::Modifiers::NONE,
        };
        // Over it, down, up: one event a pass, as a finger arrives.
        let mut tapped = false;
        for event in [egui::Event::PointerMoved(centre), press(true), press(false)] {
            tapped |= pass(vec![event]);
        }
        assert!(tapped, "a tap in the middle of the countdown card");
        let welcome = Id::unique(("nextword_kiosk", "welcome"));
        assert_eq!(
            crate::ui::kit::visible_area_rect(&ctx, Order::Foreground, welcome),
            None,
            "the welcome under the countdown"
        );
    }
}
