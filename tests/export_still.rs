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

/// The attention screen drawn headless from the GPU history: every region has marks (no blank
/// panel), the strip and heatmap change between the untrained and the trained model, and the
/// history's epoch 300 is the lesson's story (attention on the animal >= 0.8, P(thing) >= 0.95).
#[test]
fn renders_the_attention_screen_from_the_gpu_history() {
    use nextword::scene::canvas::Canvas;
    use nextword::scene::target::{OFFSCREEN_FORMAT, OffscreenTarget};
    use nextword::ui::attention::headless::render_frame;
    use nextword::ui::attention::{AttnLayout, AttnSession, AttnViewState};
    let gpu = common::gpu();
    let (device, queue) = (&gpu.device, &gpu.queue);
    let lesson = nextword::lesson::load("attention").unwrap();
    let mut session = AttnSession::new(device, lesson).unwrap();
    let (w, h) = (1280u32, 720u32);
    let mut canvas = Canvas::new(device, OFFSCREEN_FORMAT, true);
    let target = OffscreenTarget::new(device, (w, h));
    let look = nextword::ui::Look::DARK;
    let mut frames = Vec::new();
    for epoch in [0u32, 300] {
        session.train_to(device, queue, epoch);
        session.read_now(device, queue);
        assert_eq!(session.story.last_epoch(), epoch);
        let mut view = AttnViewState::new(&session.story, Default::default());
        let rgba = render_frame(
            &gpu,
            &mut canvas,
            &target,
            &session,
            &mut view,
            look,
            epoch as f32,
        )
        .unwrap();
        frames.push((rgba, view.pair));
    }
    let s = nextword::ui::kit::design_scale(w as f32, h as f32);
    let screen = egui::Rect::from_min_size(egui::Pos2::ZERO, egui::vec2(w as f32, h as f32));
    let layout = AttnLayout::of(screen, s);
    let pixel = |rgba: &[u8], x: u32, y: u32| {
        let i = ((y * w + x) * 4) as usize;
        [rgba[i], rgba[i + 1], rgba[i + 2]]
    };
    let bright = |rgba: &[u8], r: egui::Rect| {
        let mut n = 0;
        for y in (r.top() as u32..r.bottom() as u32).step_by(2) {
            for x in (r.left() as u32..r.right() as u32).step_by(2) {
                n +=
                    usize::from(pixel(rgba, x, y).iter().map(|&c| u32::from(c)).sum::<u32>() > 380);
            }
        }
        n
    };
    let differs = |r: egui::Rect| {
        (r.top() as u32..r.bottom() as u32).step_by(2).any(|y| {
            (r.left() as u32..r.right() as u32)
                .step_by(2)
                .any(|x| pixel(&frames[0].0, x, y) != pixel(&frames[1].0, x, y))
        })
    };
    for (i, region) in layout.all().iter().enumerate() {
        assert!(bright(&frames[1].0, *region) > 20, "region {i} is blank");
    }
    assert!(differs(layout.strip) && differs(layout.heatmap) && differs(layout.loss));
    // The trained history tells the lesson's story in the featured "on the" pair.
    let story = &session.story;
    let pair = frames[1].1;
    let slot = story.slot_at(300.0).unwrap();
    let animal = story.pairs[pair].context.len() - 4;
    assert!(slot.attention[pair][animal] >= 0.8);
    assert!(slot.probs[pair][story.pairs[pair].target as usize] >= 0.95);
}
