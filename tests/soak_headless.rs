//! Soak: the kiosk's attract path (attract state machine, lesson switches, resets, a visitor now
//! and then, training, the scene and the kiosk overlay) run headless for many frames, showing
//! flat memory: process RSS and wgpu's live buffers, textures, views and bind groups, and a
//! history that never grows past its capacity.
//!
//! `cargo test --test soak_headless` runs a short soak; `scripts/soak` (or
//! `SOAK_FRAMES=100000 cargo test --test soak_headless -- --ignored --nocapture`) the long one.

mod common;

use nextword::kiosk::soak::{ResourceSample, SoakOptions, SoakReport, run_soak};

/// Checks a soak: the history stayed within capacity, and after warm-up (the first `warm_up`
/// fraction of the samples: every lesson loaded once, so the GPU memory blocks for the biggest
/// exist) nothing grew beyond a small margin.
fn assert_flat(report: &SoakReport, rss_margin_kib: u64, warm_up: f64) {
    assert_eq!(report.over_capacity_frames, 0);
    let samples = &report.samples;
    assert!(samples.len() >= 4, "{} samples", samples.len());
    let from = (samples.len() as f64 * warm_up) as usize;
    let warm = samples[from];
    let last = *samples.last().unwrap();
    let peak = |f: fn(&ResourceSample) -> usize| samples[from..].iter().map(f).max().unwrap();
    eprintln!("warm: {warm}\nlast: {last}");
    assert!(
        last.rss_kib <= warm.rss_kib + rss_margin_kib,
        "RSS grew: {warm} -> {last}"
    );
    // GPU objects: the loaded lesson's trainer plus the scene's long-lived ones; a lesson switch
    // swaps trainers, so counts may differ by a lesson's few buffers, but never climb.
    for (what, f) in [
        (
            "buffers",
            (|s: &ResourceSample| s.buffers) as fn(&ResourceSample) -> usize,
        ),
        ("textures", |s| s.textures),
        ("texture views", |s| s.texture_views),
        ("bind groups", |s| s.bind_groups),
    ] {
        assert!(f(&last) <= f(&warm) + 16, "{what} grew: {warm} -> {last}");
        assert!(
            peak(f) <= f(&warm) + 32,
            "{what} peaked at {}: {warm}",
            peak(f)
        );
    }
    assert!(report.max_slots_filled > 0);
}

fn print_report(report: &SoakReport, frames: u64) {
    let first = report.samples.first().unwrap();
    let last = report.samples.last().unwrap();
    eprintln!(
        "soak: {frames} frames in {:.0} s ({:.0} fps); {} lesson loads, {} resets, {} countdown \
         updates, {} visitor taps; history max {}/{} slots",
        report.secs,
        frames as f64 / report.secs.max(1e-9),
        report.lesson_loads,
        report.resets,
        report.countdowns,
        report.visitor_taps,
        report.max_slots_filled,
        last.capacity
    );
    eprintln!("first: {first}\nlast:  {last}");
}

#[test]
fn short_soak_of_the_attract_loop_stays_flat() {
    let gpu = common::gpu();
    // The four lessons first load by frame ~1,300 (idle 12 s, then one every 8 s at 30 fps).
    let options = SoakOptions {
        frames: 4000,
        sample_every: 100,
        ..SoakOptions::default()
    };
    let report = run_soak(&gpu, &options, |_| {}).unwrap();
    print_report(&report, options.frames);
    assert!(report.lesson_loads >= 4, "{}", report.lesson_loads);
    assert!(report.resets >= 2 && report.visitor_taps >= 1 && report.countdowns >= 1);
    assert_flat(&report, 24 * 1024, 0.5);
}

/// The long soak: `SOAK_FRAMES` frames (default 100,000), figures printed as it goes.
#[test]
#[ignore = "long; run by scripts/soak"]
fn long_soak_of_the_attract_loop_stays_flat() {
    let frames = std::env::var("SOAK_FRAMES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(100_000);
    let gpu = common::gpu();
    eprintln!("soak on {}", gpu.adapter_label());
    let options = SoakOptions {
        frames,
        sample_every: (frames / 40).max(1),
        ..SoakOptions::default()
    };
    let report = run_soak(&gpu, &options, |s| eprintln!("{s}")).unwrap();
    print_report(&report, frames);
    assert_flat(&report, 32 * 1024, 0.25);
}
