//! Pixel-property tests of the scene on the synthetic fixture history:
//! - the loss panel's lit pixels follow the loss history's shape;
//! - bloom on vs off differs only around bright objects;
//! - writing different values into the history buffers on the GPU changes the frame (the views
//!   read the engine's buffers, not a CPU copy);
//! - the PCA basis moves continuously as the history grows (no sign flips or jumps).

mod scene_support;

use nextword::scene::fixture::{FixtureSpec, SyntheticHistory};
use nextword::scene::headless::HeadlessRenderer;
use nextword::scene::uniforms::DERIVED_HEADER;
use nextword::scene::{Layout, Panel, Rect, SceneOptions};
use scene_support::{Image, fixture_frame, gpu, inputs, render, render_fixture};

/// Keep in sync with PAD in shaders/scene/loss_curve.wgsl.
const LOSS_PAD: f32 = 0.06;

fn one_run() -> FixtureSpec {
    FixtureSpec {
        runs: 1,
        ..FixtureSpec::default()
    }
}

/// Pixels of `rect` (clamped to the image) where `a` and `b` differ by more than `tol`.
fn differing(a: &Image, b: &Image, rect: Rect, tol: u8) -> usize {
    let (x0, y0) = (rect.x.max(0.0) as u32, rect.y.max(0.0) as u32);
    let (x1, y1) = (
        (rect.right() as u32).min(a.width),
        (rect.bottom() as u32).min(a.height),
    );
    (y0..y1)
        .flat_map(|y| (x0..x1).map(move |x| (x, y)))
        .filter(|&(x, y)| a.diff(b, x, y) > tol)
        .count()
}

#[test]
fn loss_panel_follows_the_loss_history() {
    let gpu = gpu();
    let size = (1280, 720);
    let fixture = SyntheticHistory::new(&gpu.device, one_run());
    let mut renderer = HeadlessRenderer::new(
        &gpu.device,
        size,
        SceneOptions {
            deterministic: true,
        },
    );
    let mut frame = fixture_frame(&fixture, 300.0);
    frame.labels = false;
    frame.bloom.enabled = false;
    let image = render(&gpu, &mut renderer, &fixture, &frame);
    let plot = Layout::new(size.0, size.1).plot(Panel::Loss);
    let h = fixture.layout;
    let losses: Vec<f32> = (0..h.slots_filled)
        .map(|s| fixture.loss_values[h.loss_index(0, s)])
        .collect();
    let max = losses.iter().copied().fold(0.0, f32::max);
    let mut checked = 0;
    let mut bad = Vec::new();
    let (x0, x1) = (
        (plot.x + plot.w * 0.03) as u32,
        (plot.right() - plot.w * 0.04) as u32,
    );
    for x in x0..x1 {
        // Expected: the history interpolated at this column's epoch, mapped like loss_y_px().
        let epoch = ((x as f32 + 0.5 - plot.x) / plot.w * 300.0).clamp(0.0, 300.0);
        let s = epoch / h.stride as f32;
        let (a, t) = (s.floor() as usize, s.fract());
        let loss = losses[a] + (losses[(a + 1).min(losses.len() - 1)] - losses[a]) * t;
        let expected = plot.y + plot.h * (1.0 - (LOSS_PAD + (1.0 - 2.0 * LOSS_PAD) * loss / max));
        // Found: the brightest row of the column inside the plot.
        let (y0, y1) = (plot.y.ceil() as u32, plot.bottom() as u32);
        let found = (y0..y1)
            .max_by(|&p, &q| image.luma(x, p).total_cmp(&image.luma(x, q)))
            .unwrap();
        assert!(
            image.luma(x, found) > 120.0,
            "column {x}: the curve is not lit (max luma {})",
            image.luma(x, found)
        );
        checked += 1;
        if (found as f32 + 0.5 - expected).abs() > 2.5 {
            bad.push((x, found, expected));
        }
    }
    assert!(checked > 150, "checked only {checked} columns");
    assert!(
        bad.len() * 50 <= checked,
        "{} of {checked} columns off the loss history, e.g. (x, found, expected) {:?}",
        bad.len(),
        &bad[..bad.len().min(8)]
    );
}

#[test]
fn bloom_changes_pixels_only_around_bright_objects() {
    let gpu = gpu();
    let size = (640, 360);
    let render_with = |bloom: bool| {
        render_fixture(&gpu, FixtureSpec::default(), size, |_, f| {
            f.labels = false;
            f.bloom.enabled = bloom;
        })
    };
    let (off, on) = (render_with(false), render_with(true));
    let (w, h) = (size.0 as i32, size.1 as i32);
    // Bright objects: pixels with a channel near full without bloom (white cores, saturated glow).
    let bright: Vec<bool> = (0..h)
        .flat_map(|y| (0..w).map(move |x| (x, y)))
        .map(|(x, y)| off.px(x as u32, y as u32)[..3].iter().any(|&c| c > 200))
        .collect();
    // Distance (Chebyshev, capped) from the nearest bright pixel, by repeated dilation.
    let radius = 40;
    let mut dist = vec![i32::MAX; (w * h) as usize];
    for (i, &b) in bright.iter().enumerate() {
        if b {
            dist[i] = 0;
        }
    }
    for step in 1..=radius {
        let prev = dist.clone();
        for y in 0..h {
            for x in 0..w {
                let i = (y * w + x) as usize;
                if prev[i] != i32::MAX {
                    continue;
                }
                let near = [
                    (-1, 0),
                    (1, 0),
                    (0, -1),
                    (0, 1),
                    (-1, -1),
                    (1, 1),
                    (-1, 1),
                    (1, -1),
                ]
                .iter()
                .any(|(dx, dy)| {
                    let (nx, ny) = (x + dx, y + dy);
                    nx >= 0
                        && ny >= 0
                        && nx < w
                        && ny < h
                        && prev[(ny * w + nx) as usize] == step - 1
                });
                if near {
                    dist[i] = step;
                }
            }
        }
    }
    let mut changed = 0;
    let mut far_changed = Vec::new();
    for y in 0..h {
        for x in 0..w {
            let d = on.diff(&off, x as u32, y as u32);
            if d > 12 {
                changed += 1;
                if dist[(y * w + x) as usize] > radius {
                    far_changed.push((x, y, d));
                }
            }
        }
    }
    assert!(
        bright.iter().filter(|b| **b).count() > 50,
        "the fixture frame has no bright objects"
    );
    assert!(changed > 500, "bloom changed only {changed} pixels");
    assert!(
        far_changed.is_empty(),
        "bloom changed {} pixels more than {radius} px from any bright object, e.g. {:?}",
        far_changed.len(),
        &far_changed[..far_changed.len().min(8)]
    );
}

#[test]
fn writing_the_history_buffers_on_the_gpu_changes_the_frame() {
    let gpu = gpu();
    let size = (640, 360);
    let fixture = SyntheticHistory::new(&gpu.device, one_run());
    let mut renderer = HeadlessRenderer::new(
        &gpu.device,
        size,
        SceneOptions {
            deterministic: true,
        },
    );
    let mut frame = fixture_frame(&fixture, 200.0);
    frame.labels = false;
    // Without glow, a view's pixels depend on its own buffers only.
    frame.bloom.enabled = false;
    let layout = Layout::new(size.0, size.1);
    let before = render(&gpu, &mut renderer, &fixture, &frame);
    assert!(
        before.rgba == render(&gpu, &mut renderer, &fixture, &frame).rgba,
        "re-rendering changed the frame by itself"
    );

    // Zero the loss and probabilities of the later half of the history, on the GPU.
    let h = fixture.layout;
    let half = h.slots_filled / 2;
    let mut encoder = gpu.device.create_command_encoder(&Default::default());
    let start = |i: usize| (i * 4) as u64;
    encoder.clear_buffer(
        &fixture.loss,
        start(h.loss_index(0, half)),
        Some(start(
            h.loss_index(0, h.slots_filled) - h.loss_index(0, half),
        )),
    );
    let (p0, p1) = (
        h.probs_index(0, half, 0, 0),
        h.probs_index(0, h.slots_filled, 0, 0),
    );
    encoder.clear_buffer(&fixture.probs, start(p0), Some(start(p1 - p0)));
    gpu.queue.submit([encoder.finish()]);
    let after = render(&gpu, &mut renderer, &fixture, &frame);
    let loss_changed = differing(&before, &after, layout.plot(Panel::Loss), 24);
    let bars_changed = differing(&before, &after, layout.plot(Panel::Bars), 24);
    let hero_changed = differing(&before, &after, layout.plot(Panel::Embedding), 0);
    assert!(
        loss_changed > 200,
        "loss plot: only {loss_changed} pixels changed"
    );
    assert!(
        bars_changed > 100,
        "bars: only {bars_changed} pixels changed"
    );
    assert_eq!(
        hero_changed, 0,
        "the embedding view changed although embeddings were not touched"
    );

    // Now move one word's embedding (all slots) far away: the 3D view must change.
    let mut data = Vec::new();
    for slot in 0..h.capacity {
        let i = h.embedding_index(0, slot, 2, 0);
        data.push((i, vec![3.0f32; h.embed_dim as usize]));
    }
    for (i, values) in data {
        gpu.queue.write_buffer(
            &fixture.history_params,
            start(i),
            bytemuck::cast_slice(&values),
        );
    }
    gpu.queue.submit([]);
    let moved = render(&gpu, &mut renderer, &fixture, &frame);
    let hero_changed = differing(&after, &moved, layout.plot(Panel::Embedding), 24);
    assert!(
        hero_changed > 200,
        "embedding view: only {hero_changed} pixels changed"
    );
}

#[test]
fn pca_basis_moves_continuously_as_the_history_grows() {
    let gpu = gpu();
    let mut fixture = SyntheticHistory::new(&gpu.device, one_run());
    let full = fixture.layout.slots_filled;
    let mut renderer = HeadlessRenderer::new(
        &gpu.device,
        (320, 180),
        SceneOptions {
            deterministic: true,
        },
    );
    let dim = fixture.layout.embed_dim as usize;
    let mut previous: Option<Vec<f32>> = None;
    let mut scale_prev = None;
    for filled in 4..=full {
        fixture.layout.slots_filled = filled;
        let epoch = fixture.layout.epoch_of_slot(filled - 1) as f32;
        let frame = fixture_frame(&fixture, epoch);
        renderer.scene.prepare_blocking(
            &gpu.device,
            &gpu.queue,
            &inputs(&fixture),
            &frame,
            &frame.layout((320, 180)),
        );
        let derived = nextword::gpu::read_buffer_f32(
            &gpu.device,
            &gpu.queue,
            renderer.scene.derived_buffer(),
            0,
            DERIVED_HEADER + 4 * dim,
        );
        let axes = derived[DERIVED_HEADER..DERIVED_HEADER + 3 * dim].to_vec();
        for k in 0..3 {
            let v = &axes[k * dim..(k + 1) * dim];
            let norm: f32 = v.iter().map(|x| x * x).sum::<f32>().sqrt();
            assert!(
                (norm - 1.0).abs() < 1e-3,
                "axis {k} not unit at {filled} slots: {norm}"
            );
            if let Some(prev) = &previous {
                let dot: f32 = v
                    .iter()
                    .zip(&prev[k * dim..(k + 1) * dim])
                    .map(|(a, b)| a * b)
                    .sum();
                assert!(
                    dot > 0.9,
                    "axis {k} jumped between {} and {filled} slots (dot {dot})",
                    filled - 1
                );
            }
        }
        let scale = derived[0];
        assert!(scale.is_finite() && scale > 0.0);
        if let Some(s) = scale_prev {
            let ratio: f32 = scale / s;
            assert!(
                (0.8..1.25).contains(&ratio),
                "scale jumped by {ratio} at {filled} slots"
            );
        }
        scale_prev = Some(scale);
        previous = Some(axes);
    }
}
