//! A high-resolution still for slides: the headless renderer draws 3840x2160 (4K UHD) within the
//! adapter's texture limits, with the scene and its labels scaled up, not a blank frame.

mod common;

use nextword::scene::SceneOptions;
use nextword::scene::headless::{HeadlessRenderer, LessonSession};

#[test]
fn renders_a_4k_still() {
    let gpu = common::gpu();
    let (device, queue) = (&gpu.device, &gpu.queue);
    assert!(device.limits().max_texture_dimension_2d >= 3840);
    let (w, h) = (3840, 2160);
    let mut session = LessonSession::new(device, queue, "cat-sat").unwrap();
    session.trainer.train(device, queue, 300);
    let mut renderer = HeadlessRenderer::new(
        device,
        (w, h),
        SceneOptions {
            deterministic: true,
        },
    );
    assert_eq!(renderer.size(), (w, h));
    let rgba = renderer
        .render(device, queue, &session.inputs(), &session.frame(300.0))
        .unwrap();
    assert_eq!(rgba.len(), (w * h * 4) as usize);
    // Bright pixels (points, labels, glow) exist across the frame, not only in one corner.
    let bright_in = |x0: u32, x1: u32| {
        (0..h).step_by(4).any(|y| {
            (x0..x1).step_by(4).any(|x| {
                let i = ((y * w + x) * 4) as usize;
                rgba[i..i + 3].iter().map(|&c| u32::from(c)).sum::<u32>() > 600
            })
        })
    };
    assert!(bright_in(0, w / 2) && bright_in(w / 2, w));
}
