//! Snapshot tests of the whole composition on the synthetic fixture history (deterministic mode,
//! 640x360, fixed cameras), and of a trained lesson with the lesson overlay on top (960x540, so
//! its text stays legible), as `nextword render` draws it. References live in tests/snapshots/; `UPDATE_SNAPSHOTS=1 cargo test
//! --test scene_snapshots` accepts new ones; failures write actual and diff PNGs under
//! target/snapshots-out/.

mod scene_support;

use nextword::scene::fixture::FixtureSpec;
use nextword::scene::headless::{HeadlessRenderer, LessonSession};
use nextword::scene::{OrbitCamera, SceneOptions};
use nextword::ui::{LessonUi, Step};
use scene_support::{Image, check_snapshot, gpu, render_fixture};

const SIZE: (u32, u32) = (640, 360);

#[test]
fn snapshot_epoch_0() {
    let gpu = gpu();
    let image = render_fixture(&gpu, FixtureSpec::default(), SIZE, |_, f| f.playhead = 0.0);
    check_snapshot("epoch0", &image);
}

#[test]
fn snapshot_epoch_120_side_camera() {
    let gpu = gpu();
    let image = render_fixture(&gpu, FixtureSpec::default(), SIZE, |_, f| {
        f.playhead = 120.0;
        f.camera = OrbitCamera::parse("90,30,3.2").unwrap();
        // Hover "sat": its ring and tooltip with the vector.
        f.hover_word = Some(2);
    });
    check_snapshot("epoch120_side", &image);
}

#[test]
fn snapshot_epoch_300_log_loss_raw_dims() {
    let gpu = gpu();
    let image = render_fixture(&gpu, FixtureSpec::default(), SIZE, |fixture, f| {
        f.playhead = 300.0;
        f.camera = OrbitCamera::parse("-40,15,4").unwrap();
        f.loss_log = true;
        f.raw_dims = true;
        f.pair = 1;
        f.word = fixture.info.recorded[1].target;
    });
    check_snapshot("epoch300_log_raw", &image);
}

#[test]
fn snapshot_is_deterministic() {
    let gpu = gpu();
    let a = render_fixture(&gpu, FixtureSpec::default(), (320, 180), |_, f| {
        f.playhead = 77.5
    });
    let b = render_fixture(&gpu, FixtureSpec::default(), (320, 180), |_, f| {
        f.playhead = 77.5
    });
    assert!(a.rgba == b.rgba, "two renders of the same frame differ");
}

/// cat-sat trained 60 epochs on the GPU, drawn with the overlay at `step`.
fn render_lesson_with_overlay(step: Step, size: (u32, u32)) -> Image {
    let gpu = gpu();
    let (device, queue) = (&gpu.device, &gpu.queue);
    let mut session = LessonSession::new(device, queue, "cat-sat").unwrap();
    session.trainer.train(device, queue, 60);
    let mut ui = LessonUi::new(&session).unwrap();
    ui.show_still(step, 60.0);
    ui.refresh_now(&session.trainer, device, queue);
    let mut frame = session.frame(60.0);
    ui.fill_frame(&mut frame, &session.trainer);
    let mut renderer = HeadlessRenderer::new(
        device,
        size,
        SceneOptions {
            deterministic: true,
        },
    );
    let hook = Some(|ctx: &egui::Context| {
        ui.ui(ctx);
    });
    let rgba = renderer
        .render_with_ui(device, queue, &session.inputs(), &frame, hook)
        .unwrap();
    Image {
        width: size.0,
        height: size.1,
        rgba,
    }
}

#[test]
fn snapshot_lesson_overlay_training_step() {
    let image = render_lesson_with_overlay(Step::Training, (960, 540));
    check_snapshot("overlay_cat_sat_training", &image);
}

#[test]
fn overlay_control_bar_is_drawn_below_the_views() {
    // The views keep above the control bar: its strip holds the bar's panel colour, not a card.
    let image = render_lesson_with_overlay(Step::Task, (640, 360));
    let bar_y = 360 - 20;
    let dark = (0..640).step_by(8).filter(|&x| image.luma(x, bar_y) < 60.0);
    assert!(
        dark.count() > 40,
        "the control bar strip should be mostly dark panel"
    );
}
