//! Word labels shrink and grow with depth as the camera moves. egui rasterizes every distinct
//! font size into its atlas, so label sizes come in half-point steps: a long camera move at a
//! kiosk's resolution must leave the atlas small (it once grew toward 512 MiB in a kiosk window).

mod common;

use nextword::scene::SceneOptions;
use nextword::scene::headless::{HeadlessRenderer, LessonSession};

#[test]
fn a_camera_dolly_keeps_the_font_atlas_small() {
    let gpu = common::gpu();
    let (device, queue) = (&gpu.device, &gpu.queue);
    let mut session = LessonSession::new(device, queue, "cat-sat").unwrap();
    session.trainer.train(device, queue, 60);
    let mut renderer = HeadlessRenderer::new(device, (1280, 720), SceneOptions::default());
    let mut frame = session.frame(60.0);
    let start = frame.camera;
    let mut heights = Vec::new();
    for i in 0..240 {
        let t = i as f32 / 240.0;
        frame.camera.distance = start.distance * (0.45 + 0.9 * t);
        frame.camera.yaw = start.yaw + t * 2.5;
        renderer
            .render(device, queue, &session.inputs(), &frame)
            .unwrap();
        let [_, h] = renderer.scene.egui_ctx().fonts(|f| f.font_image_size());
        heights.push(h);
    }
    let tallest = heights.iter().copied().max().unwrap();
    // Measured: 64 rows with half-point steps; 512 rows and still growing with free sizes.
    assert!(
        tallest <= 128,
        "the font atlas grew to {tallest} rows over a camera move: {heights:?}"
    );
}
