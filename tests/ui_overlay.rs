//! The overlay drawn headless: every step and lesson without a panic, keys reaching it, the 3D
//! view free of cards on every screen and look, no text under 12 pixels at 720 lines, Back and
//! Next at a fixed place, and (on the GPU) PNGs of the overlay to look at.
//!
//! The PNGs land in `target/ui-frames/` (overlay only, over the scene's background colour).

use egui::{Event, Key, Modifiers, Pos2, RawInput, Rect, vec2};
use nextword::lesson::{Lesson, builtin_ids, load_builtin};
use nextword::model::{Dims, init_params, train_reference};
use nextword::scene::Panel;
use nextword::ui::hover::scene_layout;
use nextword::ui::{Action, LessonInfo, LessonSummary, Look, Step, UiState, overlay_ui};

const SIZE: (f32, f32) = (1920.0, 1080.0);

fn context() -> egui::Context {
    let ctx = egui::Context::default();
    ctx.set_fonts(nextword::scene::palette::fonts());
    ctx
}

fn input(events: Vec<Event>, size: (f32, f32)) -> RawInput {
    let mut input = RawInput {
        screen_rect: Some(Rect::from_min_size(Pos2::ZERO, vec2(size.0, size.1))),
        time: Some(0.0),
        events,
        ..Default::default()
    };
    if let Some(v) = input.viewports.get_mut(&egui::ViewportId::ROOT) {
        v.native_pixels_per_point = Some(1.0);
    }
    input
}

/// The lesson trained on the CPU reference, summarised at `playhead`.
fn lesson_at(lesson: &Lesson, playhead: f32) -> (LessonInfo, LessonSummary) {
    let corpus = lesson.corpus().unwrap();
    let dims = Dims::from_spec(corpus.vocab.len(), &lesson.model);
    let records = train_reference(
        dims,
        lesson.model.activation,
        lesson.optimizer,
        lesson.lr_per_run()[0],
        init_params(&dims, lesson.seed_of_run(0)),
        &corpus.pairs,
        playhead.ceil() as u32,
    );
    let info = LessonInfo::from_lesson(lesson, &corpus);
    let summary = LessonSummary::from_records(&info, &records, playhead);
    (info, summary)
}

/// [`run_sized`] on a 1920x1080 screen.
fn run(
    ctx: &egui::Context,
    state: &mut UiState,
    summary: &LessonSummary,
    info: &LessonInfo,
    events: Vec<Event>,
) -> (egui::FullOutput, Vec<Action>) {
    run_sized(ctx, state, summary, info, events, SIZE)
}

/// Three passes (fonts load on the first, areas settle on the second); returns the last's output
/// and actions, with every pass's texture changes.
fn run_sized(
    ctx: &egui::Context,
    state: &mut UiState,
    summary: &LessonSummary,
    info: &LessonInfo,
    events: Vec<Event>,
    size: (f32, f32),
) -> (egui::FullOutput, Vec<Action>) {
    let mut first = ctx.run_pass(input(vec![], size), |ctx| {
        overlay_ui(ctx, state, summary, info);
    });
    // A second quiet pass lets areas that changed size settle.
    let settle = ctx.run_pass(input(vec![], size), |ctx| {
        overlay_ui(ctx, state, summary, info);
    });
    first.textures_delta.append(settle.textures_delta.clone());
    settle.drop_without_applying_deltas();
    let mut actions = Vec::new();
    let mut full = ctx.run_pass(input(events, size), |ctx| {
        actions = overlay_ui(ctx, state, summary, info);
    });
    let mut deltas = std::mem::take(&mut first.textures_delta);
    deltas.append(std::mem::take(&mut full.textures_delta));
    full.textures_delta = deltas;
    (full, actions)
}

fn key(key: Key, shift: bool) -> Event {
    Event::Key {
        key,
        physical_key: None,
        pressed: true,
        repeat: false,
        modifiers: Modifiers {
            shift,
            ..Default::default()
        },
    }
}

#[test]
fn overlay_draws_every_step_of_every_lesson() {
    for id in builtin_ids() {
        let lesson = load_builtin(id).unwrap();
        let (info, summary) = lesson_at(&lesson, 90.0);
        for step in Step::ALL {
            let ctx = context();
            let mut state = UiState {
                step,
                ..Default::default()
            };
            let (full, actions) = run(&ctx, &mut state, &summary, &info, vec![]);
            assert!(actions.is_empty(), "{id} {step:?}: {actions:?}");
            assert!(
                full.shapes.len() > 20,
                "{id} {step:?}: {} shapes",
                full.shapes.len()
            );
            full.drop_without_applying_deltas();
        }
    }
}

#[test]
fn overlay_handles_empty_history_help_lessons_and_hidden_ui() {
    let lesson = load_builtin("cat-sat").unwrap();
    let (info, _) = lesson_at(&lesson, 0.0);
    let ctx = context();
    let mut state = UiState {
        help_visible: true,
        lessons_open: true,
        typed_text: "🎉".repeat(3000),
        text_error: Some("too long".to_owned()),
        ..Default::default()
    };
    let (full, _) = run(&ctx, &mut state, &LessonSummary::default(), &info, vec![]);
    assert!(!full.shapes.is_empty());
    full.drop_without_applying_deltas();
    state.ui_hidden = true;
    let (full, _) = run(&ctx, &mut state, &LessonSummary::default(), &info, vec![]);
    assert!(!full.shapes.is_empty(), "the hint stays");
    full.drop_without_applying_deltas();
}

#[test]
fn keys_reach_the_overlay() {
    let lesson = load_builtin("cat-sat").unwrap();
    let (info, summary) = lesson_at(&lesson, 10.0);
    let ctx = context();
    let mut state = UiState::default();
    let events = vec![
        key(Key::Space, false),
        key(Key::ArrowRight, false),
        key(Key::R, true),
        key(Key::Num2, false),
        key(Key::Escape, false), // nothing open: ignored
    ];
    let (full, actions) = run(&ctx, &mut state, &summary, &info, events);
    full.drop_without_applying_deltas();
    assert_eq!(
        actions,
        vec![
            Action::TogglePlay,
            Action::StepForward,
            Action::Reset { new_seed: true },
            Action::PickLessonIndex(1),
        ]
    );
}

/// The screens the layout is held to: 16:9 in two sizes and 4:3.
const SCREENS: [(f32, f32); 3] = [(1280.0, 720.0), (1920.0, 1080.0), (1024.0, 768.0)];

/// The rectangles of the overlay's cards this frame (lesson card, control bar, popups).
fn card_rects(ctx: &egui::Context) -> Vec<(String, Rect)> {
    ["step", "controls", "lessons", "help", "notice"]
        .iter()
        .filter_map(|name| {
            let id = nextword::ui::kit::card_id(name);
            let shown = nextword::ui::kit::visible_area_rect(ctx, egui::Order::Middle, id)
                .or_else(|| nextword::ui::kit::visible_area_rect(ctx, egui::Order::Foreground, id));
            shown.map(|r| (name.to_string(), r))
        })
        .collect()
}

#[test]
fn the_3d_view_keeps_its_area_free_of_cards_on_every_screen_and_look() {
    let lesson = load_builtin("cat-sat").unwrap();
    let (info, summary) = lesson_at(&lesson, 60.0);
    let projector = nextword::kiosk::Theme::Projector.style().look();
    for look in [Look::default(), projector] {
        for size in SCREENS {
            for step in Step::ALL {
                let ctx = context();
                let mut state = UiState {
                    step,
                    theme_look: look,
                    ..Default::default()
                };
                let (full, _) = run_sized(&ctx, &mut state, &summary, &info, vec![], size);
                full.drop_without_applying_deltas();
                let layout = scene_layout(vec2(size.0, size.1), 1.0, state.layout_spec());
                let hero = layout.card(Panel::Embedding);
                let hero = Rect::from_min_size(Pos2::new(hero.x, hero.y), vec2(hero.w, hero.h));
                let case = format!("{size:?} {look:?} {step:?}");
                for (name, card) in card_rects(&ctx) {
                    let overlap = card.intersect(hero);
                    assert!(
                        overlap.width() <= 1.0 || overlap.height() <= 1.0,
                        "{case}: the {name} card {card:?} covers the 3D view {hero:?}"
                    );
                }
                // At 16:9 the 3D view keeps at least 45% of the screen; 4:3 a readable third.
                let share = hero.area() / (size.0 * size.1);
                let want = if size.0 / size.1 > 1.7 { 0.45 } else { 0.3 };
                assert!(
                    share >= want,
                    "{case}: the 3D view has {share:.3} of the screen"
                );
            }
        }
    }
}

#[test]
fn back_and_next_stay_put_across_steps_and_lessons() {
    let mut places: Vec<(String, Rect)> = vec![];
    for id in builtin_ids() {
        let lesson = load_builtin(id).unwrap();
        let (info, summary) = lesson_at(&lesson, 60.0);
        for step in &Step::ALL[..3] {
            let ctx = context();
            let mut state = UiState {
                step: *step,
                ..Default::default()
            };
            let (full, _) = run(&ctx, &mut state, &summary, &info, vec![]);
            // The "Next ▶" button: the filled rectangle around its text.
            let mut next = None;
            each_shape(&full.shapes, |shape| {
                if let egui::Shape::Text(t) = shape
                    && t.galley.text() == "Next ▶"
                {
                    next = Some(t.visual_bounding_rect());
                }
            });
            full.drop_without_applying_deltas();
            let next = next.unwrap_or_else(|| panic!("{id} {step:?}: no Next button"));
            places.push((format!("{id} {step:?}"), next));
        }
    }
    let (first_case, first) = &places[0];
    for (case, at) in &places[1..] {
        assert!(
            (at.center() - first.center()).length() < 1.0,
            "Next moved: {first_case} {first:?}, {case} {at:?}"
        );
    }
}

#[test]
fn no_text_is_smaller_than_twelve_pixels_at_720_lines() {
    let projector = nextword::kiosk::Theme::Projector.style().look();
    for id in ["cat-sat", "similar-words"] {
        let lesson = load_builtin(id).unwrap();
        let (info, summary) = lesson_at(&lesson, 60.0);
        for look in [Look::default(), projector] {
            for size in SCREENS {
                for step in Step::ALL {
                    let ctx = context();
                    let mut state = UiState {
                        step,
                        theme_look: look,
                        lessons_open: step == Step::Takeaways,
                        ..Default::default()
                    };
                    let (full, _) = run_sized(&ctx, &mut state, &summary, &info, vec![], size);
                    let (sizes, _) = text_sizes_and_fills(&full.shapes);
                    full.drop_without_applying_deltas();
                    // 12 pixels at 720 lines, scaled with the screen.
                    let least = 12.0 * (size.1 / 720.0).min(size.0 / 1173.0) - 0.01;
                    let smallest = sizes.iter().copied().fold(f32::INFINITY, f32::min);
                    assert!(
                        smallest >= least,
                        "{id} {size:?} {look:?} {step:?}: text of {smallest} px (least {least})"
                    );
                }
            }
        }
    }
}

/// Calls `f` with every shape in `shapes`, nested lists flattened.
fn each_shape(shapes: &[egui::epaint::ClippedShape], mut f: impl FnMut(&egui::Shape)) {
    fn walk(shape: &egui::Shape, f: &mut impl FnMut(&egui::Shape)) {
        match shape {
            egui::Shape::Vec(inner) => inner.iter().for_each(|s| walk(s, f)),
            other => f(other),
        }
    }
    for clipped in shapes {
        walk(&clipped.shape, &mut f);
    }
}

/// Filled rectangles among `shapes` (button and box backgrounds), on screen.
fn filled_rects(shapes: &[egui::epaint::ClippedShape]) -> Vec<Rect> {
    let mut out = vec![];
    each_shape(shapes, |shape| {
        if let egui::Shape::Rect(r) = shape
            && r.fill.a() > 0
        {
            out.push(r.rect);
        }
    });
    out
}

#[test]
fn the_control_row_fits_common_screens_in_both_looks() {
    let lesson = load_builtin("cat-sat").unwrap();
    let (info, summary) = lesson_at(&lesson, 60.0);
    let projector = nextword::kiosk::Theme::Projector.style().look();
    let sizes = [
        (1920.0, 1080.0),
        (1280.0, 720.0),
        (1366.0, 768.0),
        (1440.0, 900.0),
        (1280.0, 800.0),
        (1024.0, 768.0),
        (1280.0, 1024.0),
        (1600.0, 1200.0),
        (800.0, 600.0),
    ];
    for (look, step, lang) in [Look::default(), projector]
        .into_iter()
        .flat_map(|l| [(l, Step::Training), (l, Step::Write)])
        .flat_map(|(l, step)| nextword::i18n::Lang::ALL.map(|lang| (l, step, lang)))
    {
        let _lang = nextword::i18n::LanguageGuard::new(lang);
        for size in sizes {
            let ctx = context();
            let mut state = UiState {
                step,
                theme_look: look,
                ..Default::default()
            };
            let (full, _) = run_sized(&ctx, &mut state, &summary, &info, vec![], size);
            let s = nextword::ui::kit::ui_scale(&ctx);
            // The buttons row: the last 64 design pixels of the screen; the bar's own
            // background spans the screen and is left out.
            let mut row: Vec<Rect> = filled_rects(&full.shapes)
                .into_iter()
                .filter(|r| r.center().y > size.1 - 64.0 * s && r.width() < size.0 * 0.5)
                .collect();
            full.drop_without_applying_deltas();
            // A part inside a control's span (the slider's handle on its rail) is that control.
            let parts = row.clone();
            row.retain(|r| {
                !parts.iter().any(|o| {
                    o != r
                        && o.left() <= r.left()
                        && r.right() <= o.right()
                        && o.width() > r.width()
                })
            });
            row.sort_by(|a, b| a.left().total_cmp(&b.left()));
            assert!(row.len() >= 6, "{size:?}: row {row:?}");
            // Neighbouring controls keep egui's item spacing apart, and all stay on screen.
            let spacing = 12.0 * s;
            for pair in row.windows(2) {
                assert!(
                    pair[1].left() - pair[0].right() >= spacing - 1.0,
                    "{size:?} {look:?} {step:?} {lang:?}: controls {:?} and {:?} crowd each other",
                    pair[0],
                    pair[1]
                );
            }
            assert!(row.last().unwrap().right() <= size.0, "{size:?}: {row:?}");
        }
    }
}

/// Font sizes and rectangle fills among `shapes`.
fn text_sizes_and_fills(shapes: &[egui::epaint::ClippedShape]) -> (Vec<f32>, Vec<egui::Color32>) {
    let (mut sizes, mut fills) = (vec![], vec![]);
    each_shape(shapes, |shape| match shape {
        egui::Shape::Text(text) => sizes.extend(
            text.galley
                .job
                .sections
                .iter()
                .map(|s| s.format.font_id.size),
        ),
        egui::Shape::Rect(rect) => fills.push(rect.fill),
        _ => {}
    });
    (sizes, fills)
}

#[test]
fn the_projector_look_has_larger_type_opaque_panels_and_a_clear_centre() {
    let lesson = load_builtin("cat-sat").unwrap();
    let (info, summary) = lesson_at(&lesson, 60.0);
    let projector = nextword::kiosk::Theme::Projector.style().look();
    let mut measured = vec![];
    for look in [Look::default(), projector] {
        let ctx = context();
        let mut state = UiState {
            step: Step::Training,
            theme_look: look,
            ..Default::default()
        };
        let (full, _) = run(&ctx, &mut state, &summary, &info, vec![]);
        let (sizes, mut fills) = text_sizes_and_fills(&full.shapes);
        full.drop_without_applying_deltas();
        // The big cards' backgrounds are plates the scene draws under egui's meshes.
        fills.extend(
            nextword::scene::plates::take_plates(&ctx)
                .iter()
                .map(|p| p.fill),
        );
        let body = sizes.iter().copied().fold(0.0f32, f32::max);
        measured.push((body, fills));
        // The 3D view's centre stays clear.
        let plot =
            scene_layout(vec2(SIZE.0, SIZE.1), 1.0, state.layout_spec()).plot(Panel::Embedding);
        let p = Pos2::new(plot.x + plot.w / 2.0, plot.y + plot.h / 2.0);
        assert!(
            ctx.layer_id_at(p)
                .is_none_or(|l| l.order == egui::Order::Background),
            "{look:?}: the overlay covers the picture's centre {p:?}"
        );
    }
    let (dark, proj) = (&measured[0], &measured[1]);
    assert!(
        (proj.0 / dark.0 - projector.scale).abs() < 0.01,
        "largest type {} (projector) vs {} (dark)",
        proj.0,
        dark.0
    );
    assert!(
        proj.1.contains(&egui::Color32::BLACK),
        "no opaque black card"
    );
    assert!(!dark.1.contains(&egui::Color32::BLACK));
}

/// Renders the overlay for each step and lesson into PNGs (needs a GPU adapter).
#[test]
fn overlay_frames_render_to_png() {
    let gpu = nextword::gpu::GpuContext::headless().expect("a GPU adapter (mesa-vulkan-drivers)");
    let (device, queue) = (&gpu.device, &gpu.queue);
    let size = (SIZE.0 as u32, SIZE.1 as u32);
    let target = nextword::scene::target::OffscreenTarget::new(device, size);
    let format = nextword::scene::target::OFFSCREEN_FORMAT;
    let mut renderer =
        egui_wgpu::Renderer::new(device, format, egui_wgpu::RendererOptions::PREDICTABLE);
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("target/ui-frames");
    std::fs::create_dir_all(&dir).unwrap();
    let mut frames = vec![];
    let cat = load_builtin("cat-sat").unwrap();
    for (i, step) in Step::ALL.iter().enumerate() {
        frames.push((
            format!("cat-sat-step{}", i + 1),
            cat.clone(),
            *step,
            [0.0, 5.0, 60.0, 300.0, 300.0][i],
            false,
        ));
    }
    for id in &builtin_ids()[1..] {
        frames.push((
            id.to_string(),
            load_builtin(id).unwrap(),
            Step::Training,
            120.0,
            false,
        ));
    }
    frames.push((
        "cat-sat-help".into(),
        cat.clone(),
        Step::Training,
        40.0,
        true,
    ));
    let ctx = context();
    for (name, lesson, step, playhead, help) in frames {
        let (info, summary) = lesson_at(&lesson, playhead);
        let mut state = UiState {
            step,
            help_visible: help,
            lessons_open: help,
            playhead,
            ..Default::default()
        };
        state.selected_pair = info.featured_pair;
        let (mut full, _) = run(&ctx, &mut state, &summary, &info, vec![]);
        let primitives = ctx.tessellate(std::mem::take(&mut full.shapes), full.pixels_per_point);
        for (id, deltas) in &full.textures_delta.set {
            for delta in deltas {
                renderer.update_texture(device, queue, *id, delta);
            }
        }
        let screen = egui_wgpu::ScreenDescriptor {
            size_in_pixels: [size.0, size.1],
            pixels_per_point: full.pixels_per_point,
        };
        let mut encoder = device.create_command_encoder(&Default::default());
        renderer.update_buffers(device, queue, &mut encoder, &primitives, &screen);
        {
            let mut pass = encoder
                .begin_render_pass(&wgpu::RenderPassDescriptor {
                    label: Some("ui_overlay::frame"),
                    color_attachments: &[Some(wgpu::RenderPassColorAttachment {
                        view: &target.view,
                        depth_slice: None,
                        resolve_target: None,
                        ops: wgpu::Operations {
                            load: wgpu::LoadOp::Clear(nextword::scene::palette::BACKGROUND),
                            store: wgpu::StoreOp::Store,
                        },
                    })],
                    depth_stencil_attachment: None,
                    timestamp_writes: None,
                    occlusion_query_set: None,
                    multiview_mask: None,
                })
                .forget_lifetime();
            renderer.render(&mut pass, &primitives, &screen);
        }
        target.encode_readback(&mut encoder);
        queue.submit([encoder.finish()]);
        for id in &full.textures_delta.free {
            renderer.free_texture(id);
        }
        full.textures_delta.clear();
        let rgba = target.read_rgba(device).unwrap();
        let bright = rgba
            .chunks(4)
            .filter(|p| p[0] > 200 && p[1] > 200 && p[2] > 200)
            .count();
        nextword::scene::target::write_png(&dir.join(format!("{name}.png")), size.0, size.1, &rgba)
            .unwrap();
        assert!(
            bright > 2000,
            "{name}: only {bright} bright pixels (no text?)"
        );
    }
}

#[test]
fn the_kiosk_invitation_and_welcome_take_the_step_cards_place() {
    use nextword::kiosk::KioskOverlay;
    let lesson = load_builtin("cat-sat").unwrap();
    let (info, summary) = lesson_at(&lesson, 60.0);
    for (name, overlay) in [
        (
            "attract",
            KioskOverlay {
                attract: true,
                ..Default::default()
            },
        ),
        (
            "welcome",
            KioskOverlay {
                welcome: true,
                ..Default::default()
            },
        ),
    ] {
        kiosk_message_takes_the_step_cards_place(name, &overlay, &info, &summary);
    }
}

/// Checks that the kiosk's message `name` lies exactly over the step card, in both themes and
/// at two screen shapes, and is a banner of its own while the lesson overlay is hidden.
fn kiosk_message_takes_the_step_cards_place(
    name: &str,
    overlay: &nextword::kiosk::KioskOverlay,
    info: &LessonInfo,
    summary: &LessonSummary,
) {
    use nextword::kiosk::{KioskStrings, Theme, kiosk_overlay_ui};
    let message = egui::Id::unique(("nextword_kiosk_card", name));
    let banner = egui::Id::unique(("nextword_kiosk", name));
    for theme in [Theme::Dark, Theme::Projector] {
        for size in [(1920.0, 1080.0), (1024.0, 768.0)] {
            for ui_hidden in [false, true] {
                let ctx = context();
                let mut state = UiState {
                    theme_look: theme.style().look(),
                    ui_hidden,
                    ..Default::default()
                };
                for _ in 0..3 {
                    let out = ctx.run_pass(input(vec![], size), |ctx| {
                        overlay_ui(ctx, &mut state, summary, info);
                        kiosk_overlay_ui(ctx, overlay, &KioskStrings::default(), &theme.style());
                    });
                    out.drop_without_applying_deltas();
                }
                let shown =
                    |id| nextword::ui::kit::visible_area_rect(&ctx, egui::Order::Foreground, id);
                let case = format!("{name}: {theme:?} {size:?} hidden ui {ui_hidden}");
                if ui_hidden {
                    // No step card: the message is a banner of its own.
                    assert_eq!(shown(message), None, "{case}");
                    assert!(shown(banner).is_some(), "{case}");
                } else {
                    // Exactly over the step card (and drawn above it: the foreground order), so
                    // no step text shows beside it.
                    let step = ctx
                        .memory(|m| m.area_rect(nextword::ui::kit::card_id("step")))
                        .unwrap();
                    let over = shown(message).unwrap_or_else(|| panic!("{case}: none"));
                    assert!(
                        (over.min - step.min).length() < 1.0
                            && (over.max - step.max).length() < 1.0,
                        "{case}: message {over:?}, step card {step:?}"
                    );
                }
            }
        }
    }
}

/// Every text among `shapes`.
fn texts(shapes: &[egui::epaint::ClippedShape]) -> Vec<String> {
    let mut out = vec![];
    each_shape(shapes, |shape| {
        if let egui::Shape::Text(text) = shape {
            out.push(text.galley.text().to_owned());
        }
    });
    out
}

#[test]
fn a_tap_pins_its_readout_until_the_next_tap() {
    let lesson = load_builtin("cat-sat").unwrap();
    let (info, summary) = lesson_at(&lesson, 60.0);
    let ctx = context();
    let mut state = UiState::default();
    let bars = scene_layout(vec2(SIZE.0, SIZE.1), 1.0, state.layout_spec()).plot(Panel::Bars);
    // The middle of the third bar ("sat"), then an empty spot of the 3D view's title row.
    let rows = info.vocab.len() as f32;
    let on_bar = Pos2::new(bars.x + bars.w * 0.5, bars.y + bars.h * 2.5 / rows);
    let empty = Pos2::new(SIZE.0 * 0.35, 8.0);
    let tap = |at: Pos2| {
        vec![
            Event::PointerMoved(at),
            Event::PointerButton {
                pos: at,
                button: egui::PointerButton::Primary,
                pressed: true,
                modifiers: Modifiers::NONE,
            },
            Event::PointerButton {
                pos: at,
                button: egui::PointerButton::Primary,
                pressed: false,
                modifiers: Modifiers::NONE,
            },
        ]
    };
    // The read-out of the "sat" bar, as the overlay writes it.
    let readout = nextword::ui::hover::hover_text(
        nextword::ui::hover::HoverTarget::Bar { word: 2 },
        &state,
        &summary,
        &info,
    )
    .unwrap();
    let mut shows_readout = |events: Vec<Event>| {
        let out = ctx.run_pass(input(events, SIZE), |ctx| {
            overlay_ui(ctx, &mut state, &summary, &info);
        });
        let shown = texts(&out.shapes).contains(&readout);
        out.drop_without_applying_deltas();
        shown
    };
    assert!(!shows_readout(vec![]));
    assert!(shows_readout(tap(on_bar)), "no read-out on the tapped bar");
    // The finger lifts: no hover any more, the read-out stays.
    assert!(
        shows_readout(vec![Event::PointerGone]),
        "gone with the finger"
    );
    assert!(shows_readout(vec![]));
    // A tap on nothing clears it.
    shows_readout(tap(empty));
    assert!(!shows_readout(vec![Event::PointerGone]), "still pinned");
}

/// A made-up lesson of `words` words for the scene's labels, its points in a tight cluster.
fn clustered_scene(words: usize) -> (nextword::scene::SceneInfo, nextword::scene::Summary) {
    use nextword::lesson::Pair;
    let vocab: Vec<String> = (0..words).map(|i| format!("word{i}")).collect();
    let pairs: Vec<Pair> = (0..words as u32 - 1)
        .map(|i| Pair {
            context: vec![i],
            target: i + 1,
        })
        .collect();
    let info = nextword::scene::SceneInfo {
        title: "Labels".into(),
        vocab,
        context: 1,
        embed_dim: 8,
        hidden: 4,
        off_w1: 0,
        off_b1: 0,
        off_w2: 0,
        off_b2: 0,
        param_count: 0,
        recorded: pairs.clone(),
        pairs,
        run_labels: vec![],
        total_epochs: 300,
    };
    // A spiral of points within a small ball: many would collide without decluttering.
    let positions = (0..words)
        .map(|i| {
            let t = i as f32 * 0.7;
            glam::Vec3::new(0.3 * t.cos(), 0.02 * i as f32 - 0.2, 0.3 * t.sin())
                * (0.4 + 0.6 * (i as f32 / words as f32))
        })
        .collect();
    let summary = nextword::scene::Summary {
        epoch: 40,
        loss: 0.5,
        loss_min: 0.2,
        loss_max: 1.6,
        positions,
        probs: vec![1.0 / words as f32; words],
        focus_vector: vec![0.1; 8],
        hidden: vec![0.2; 4],
        ..Default::default()
    };
    (info, summary)
}

#[test]
fn the_scenes_labels_are_readable_and_never_overlap() {
    for words in [5, 23, 400] {
        let (info, summary) = clustered_scene(words);
        for text_scale in [1.0, 1.2] {
            for size in SCREENS {
                let mut frame = nextword::scene::SceneFrame::new(40.0);
                frame.spec = nextword::scene::LayoutSpec {
                    bottom_1080: 120.0 * text_scale,
                    lesson_column: true,
                    text_scale,
                };
                frame.total_epochs = 300;
                let layout = frame.layout((size.0 as u32, size.1 as u32));
                let ctx = context();
                let first = ctx.run_pass(input(vec![], size), |ctx| {
                    nextword::scene::labels::paint(
                        ctx,
                        &info,
                        &frame,
                        &layout,
                        Some(&summary),
                        1.0,
                    );
                });
                first.drop_without_applying_deltas();
                let out = ctx.run_pass(input(vec![], size), |ctx| {
                    nextword::scene::labels::paint(
                        ctx,
                        &info,
                        &frame,
                        &layout,
                        Some(&summary),
                        1.0,
                    );
                });
                let case = format!("{words} words {size:?} text x{text_scale}");
                let least = 12.0 * (size.1 / 720.0).min(size.0 / 1173.0) - 0.01;
                let hero = layout.plot(Panel::Embedding);
                let mut labels: Vec<Rect> = vec![];
                each_shape(&out.shapes, |shape| {
                    if let egui::Shape::Text(t) = shape {
                        for s in &t.galley.job.sections {
                            assert!(
                                s.format.font_id.size >= least,
                                "{case}: {:?} in {} px",
                                t.galley.text(),
                                s.format.font_id.size
                            );
                        }
                        // Word labels (not their dark halo copies, drawn in the halo colour).
                        let r = t.visual_bounding_rect();
                        let in_hero =
                            r.min.x >= hero.x && r.max.x <= hero.right() && r.min.y > hero.y + 40.0;
                        if info.vocab.iter().any(|w| w == t.galley.text())
                            && in_hero
                            && t.override_text_color.is_none()
                        {
                            labels.push(r);
                        }
                    }
                });
                out.drop_without_applying_deltas();
                assert!(!labels.is_empty(), "{case}: no word label");
                for (i, a) in labels.iter().enumerate() {
                    for b in &labels[i + 1..] {
                        let o = a.intersect(*b);
                        assert!(
                            o.width() <= 0.5 || o.height() <= 0.5,
                            "{case}: labels {a:?} and {b:?} overlap"
                        );
                    }
                }
            }
        }
    }
}

#[test]
fn every_number_of_a_frame_comes_from_one_epoch() {
    use nextword::engine::HistoryReadout;
    use nextword::i18n::format::{number, percent};
    use nextword::scene::headless::LessonSession;
    let gpu = nextword::gpu::GpuContext::headless().expect("a GPU adapter (mesa-vulkan-drivers)");
    let (device, queue) = (&gpu.device, &gpu.queue);
    let mut session = LessonSession::new(device, queue, "cat-sat").unwrap();
    session.trainer.train(device, queue, 60);
    let mut ui = nextword::ui::LessonUi::new(&session).unwrap();
    // Playing fast, between two recorded epochs.
    ui.state.step = Step::Training;
    ui.state.playing = true;
    ui.state.playhead = 37.6;
    ui.refresh_now(&session.trainer, device, queue);
    let mut frame = session.frame(37.6);
    ui.fill_frame(&mut frame, &session.trainer);
    let history = HistoryReadout::read(&session.trainer, device, queue);
    let layout_h = session.trainer.layout();
    let slot = layout_h.slot_of_epoch(37).unwrap();
    // The scene draws its numbers from that slot, and moves the 3D view no further than the next.
    assert_eq!(frame.number_slot(&layout_h), slot);
    assert!((37.0..38.0).contains(&frame.playhead), "{}", frame.playhead);
    let size = (1280u32, 720u32);
    let layout = frame.layout(size);
    let ctx = context();
    let mut texts_seen = vec![];
    for pass in 0..2 {
        let out = ctx.run_pass(input(vec![], (size.0 as f32, size.1 as f32)), |ctx| {
            layout.install(ctx);
            nextword::scene::labels::paint(ctx, &session.info, &frame, &layout, None, 1.0);
            ui.ui(ctx);
        });
        if pass == 1 {
            texts_seen = texts(&out.shapes);
        }
        out.drop_without_applying_deltas();
    }
    let all = texts_seen.join(" | ");
    let has = |s: &str| texts_seen.iter().any(|t| t.contains(s));
    // The header: epoch and loss.
    assert!(has("epoch 37 / 300"), "{all}");
    let loss = history.loss(0, slot);
    assert!(
        has(&format!("loss {}", number(f64::from(loss), 3))),
        "{all}"
    );
    // The bars: every word's percentage after "cat" at epoch 37.
    let pair = ui.state.selected_pair;
    for p in history.probs(0, slot, pair) {
        assert!(has(&percent(*p)), "bar {} missing: {all}", percent(*p));
    }
    // The narration's live number and the timeline.
    let sat = history.probs(0, slot, pair)[2];
    assert!(
        has(&format!("P(sat | cat) is {} at epoch 37", percent(sat))),
        "{all}"
    );
    assert!(has("epoch 37 of 300"), "{all}");
}

#[test]
fn the_math_card_shows_the_engine_numbers_and_agrees_with_the_reference() {
    use nextword::model::{ReferenceRun, gradients, pass};
    use nextword::scene::headless::LessonSession;
    use nextword::ui::math::MathView;
    let gpu = nextword::gpu::GpuContext::headless().expect("a GPU adapter (mesa-vulkan-drivers)");
    let (device, queue) = (&gpu.device, &gpu.queue);
    for id in ["cat-sat", "context"] {
        let mut session = LessonSession::new(device, queue, id).unwrap();
        session.trainer.train(device, queue, 40);
        let mut ui = nextword::ui::LessonUi::new(&session).unwrap();
        ui.show_still(Step::Training, 40.0);
        ui.refresh_now(&session.trainer, device, queue);
        let info = &ui.info;
        let dims = info.dims();
        let lesson = &session.lesson;
        let mut reference = ReferenceRun::new(
            dims,
            info.activation,
            info.optimizer,
            info.lrs[0],
            init_params(&dims, lesson.seed),
        );
        let corpus = lesson.corpus().unwrap();
        for _ in 0..40 {
            reference.step(&corpus.pairs);
        }
        for (pair, p) in info.recorded.iter().enumerate() {
            let m = MathView::new(info, &ui.summary, pair as u32).expect("the numbers");
            assert_eq!((m.epoch, m.target), (40, p.target));
            let want = pass(&dims, info.activation, reference.params(), &p.context);
            for (name, got, want) in [
                ("x", &m.pass.x, &want.x),
                ("z", &m.pass.z, &want.z),
                ("h", &m.pass.h, &want.h),
                ("logits", &m.pass.logits, &want.logits),
                ("p", &m.pass.probs, &want.probs),
            ] {
                assert_eq!(got.len(), want.len());
                for (g, w) in got.iter().zip(want) {
                    assert!((g - w).abs() < 2e-4, "{id} pair {pair} {name}: {g} vs {w}");
                }
            }
            // The probability the card ends with is the one the engine recorded for the frame.
            let engine = ui.summary.probs_at_playhead[pair][p.target as usize];
            assert!(
                (m.p_target - f64::from(engine)).abs() < 1e-5,
                "{id} pair {pair}"
            );
            assert!((m.loss + m.p_target.ln()).abs() < 1e-12);
            // The gradient shown is the backward pass's for this pair and that weight.
            let params: Vec<f64> = ui
                .summary
                .params_at_playhead
                .iter()
                .map(|&x| f64::from(x))
                .collect();
            let (_, grads) = gradients(&dims, info.activation, &params, std::slice::from_ref(p));
            let o = dims.offsets();
            let at = o.w2 + m.gradient.unit * dims.vocab + p.target as usize;
            assert!(
                (m.gradient.value - grads[at]).abs() < 1e-9,
                "{id} pair {pair}: {} vs {}",
                m.gradient.value,
                grads[at]
            );
        }
    }
}

/// Every node a screen reader gets from one frame of the overlay: (role, its words, clickable,
/// bounds).
fn accessibility_nodes(
    ctx: &egui::Context,
    state: &mut UiState,
    summary: &LessonSummary,
    info: &LessonInfo,
    size: (f32, f32),
) -> Vec<(
    egui::accesskit::Role,
    String,
    bool,
    Option<egui::accesskit::Rect>,
)> {
    ctx.enable_accesskit();
    let (mut out, _) = run_sized(ctx, state, summary, info, vec![], size);
    out.textures_delta.clear();
    let update = out
        .platform_output
        .accesskit_update
        .expect("egui gives AccessKit a tree once enabled");
    update
        .nodes
        .iter()
        .map(|(_, node)| {
            let words = [node.label(), node.value(), node.description()]
                .into_iter()
                .flatten()
                .collect::<Vec<_>>()
                .join(" ");
            (
                node.role(),
                words,
                node.supports_action(egui::accesskit::Action::Click),
                node.bounds(),
            )
        })
        .collect()
}

#[test]
fn a_screen_reader_finds_the_step_the_narration_and_the_buttons() {
    use egui::accesskit::Role;
    let lesson = load_builtin("similar-words").unwrap();
    let (info, summary) = lesson_at(&lesson, 40.0);
    let ctx = context();
    let mut state = UiState {
        step: Step::Training,
        playhead: 40.0,
        ..UiState::default()
    };
    let nodes = accessibility_nodes(&ctx, &mut state, &summary, &info, SIZE);
    let has = |role: Option<Role>, needle: &str| {
        nodes
            .iter()
            .any(|(r, words, ..)| role.is_none_or(|want| *r == want) && words.contains(needle))
    };
    // The step's title and its text, and the narration with this epoch's numbers.
    assert!(has(None, "3 · Training"), "step title");
    assert!(has(None, "nudges all its numbers"), "step text");
    assert!(has(None, "What's happening now?"), "narration heading");
    assert!(has(None, "P(the | to) is 99% at epoch 40"), "narration");
    // The main buttons, each by name.
    for name in ["Play", "Back", "Next", "Lessons", "Reset", "Math", "Keys"] {
        assert!(has(Some(Role::Button), name), "button {name}");
    }
    // Every control a finger or a switch can use has a name.
    for (role, words, click, _) in &nodes {
        if *click && !matches!(role, Role::Label | Role::ScrollBar) {
            assert!(!words.trim().is_empty(), "a {role:?} without a name");
        }
    }
    assert!(has(Some(Role::Slider), "Speed") && has(Some(Role::Slider), "replay"));
    // The tree can tell: with AccessKit off there is none.
    ctx.disable_accesskit();
    let (mut out, _) = run(&ctx, &mut state, &summary, &info, vec![]);
    out.textures_delta.clear();
    assert!(out.platform_output.accesskit_update.is_none());
}

#[test]
fn on_a_touch_exhibit_every_tap_target_is_fifteen_millimetres() {
    use nextword::ui::comfort::{
        MAX_TOUCH_SCALE, TOUCH_TARGET_MM, smallest_target_mm, touch_scale,
    };
    // A 24-inch touch screen at 1920x1080 (531 mm wide), a 55-inch one, and a 15.6-inch laptop
    // (there the overlay stops growing at its cap, and targets are as large as that allows).
    let screens: [(f32, (f32, f32)); 3] = [
        (531.0, (1920.0, 1080.0)),
        (1210.0, (1920.0, 1080.0)),
        (344.0, (1366.0, 768.0)),
    ];
    for (mm, size) in screens {
        let lesson = load_builtin("cat-sat").unwrap();
        let (info, summary) = lesson_at(&lesson, 60.0);
        let ctx = context();
        let mut state = UiState {
            step: Step::Training,
            playhead: 60.0,
            touch_exhibit: true,
            ..UiState::default()
        };
        state.comfort.touch_scale = touch_scale(mm, (size.0 as u32, size.1 as u32));
        let px_per_mm = size.0 / mm;
        let scale = state.comfort.touch_scale;
        let design_to_px = (size.1 / 1080.0).min(size.0 / 1100.0);
        let want_mm = if scale < MAX_TOUCH_SCALE {
            TOUCH_TARGET_MM
        } else {
            smallest_target_mm(scale * design_to_px, mm, size.0 as u32)
        };
        let nodes = accessibility_nodes(&ctx, &mut state, &summary, &info, size);
        let mut targets = 0;
        for (role, words, click, bounds) in &nodes {
            use egui::accesskit::Role;
            let Some(b) = bounds.filter(|_| *click) else {
                continue;
            };
            // Text is selectable, not a target; scroll bars also scroll by dragging the text.
            if matches!(role, Role::Label | Role::TextRun | Role::ScrollBar) {
                continue;
            }
            let side_mm = ((b.x1 - b.x0).min(b.y1 - b.y0) as f32) / px_per_mm;
            assert!(
                side_mm >= want_mm - 0.5,
                "{mm} mm screen: {role:?} {words:?} is {side_mm:.1} mm"
            );
            targets += 1;
        }
        assert!(targets >= 8, "{targets} targets");
    }
}
