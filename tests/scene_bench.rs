//! The scene's fps benchmark as an ignored test (it takes a minute on a software adapter):
//! `cargo test --release --test scene_bench -- --ignored --nocapture`.
//! `NEXTWORD_BENCH_FRAMES` overrides the frames per case, `NEXTWORD_BENCH_SIZES` (e.g.
//! `1280x720,1920x1080`) the sizes.

use nextword::scene::bench::{BenchOptions, bench_scene};

#[test]
#[ignore = "benchmark; run with --ignored --nocapture"]
fn bench_full_scene() {
    let gpu = nextword::gpu::GpuContext::headless()
        .unwrap_or_else(|e| panic!("the benchmark needs a GPU adapter: {e}"));
    let mut options = BenchOptions::default();
    if let Some(frames) = std::env::var("NEXTWORD_BENCH_FRAMES")
        .ok()
        .and_then(|v| v.parse().ok())
    {
        options.frames = frames;
    }
    if let Ok(sizes) = std::env::var("NEXTWORD_BENCH_SIZES") {
        options.sizes = sizes
            .split(',')
            .filter_map(|s| s.split_once('x'))
            .filter_map(|(w, h)| Some((w.parse().ok()?, h.parse().ok()?)))
            .collect();
    }
    println!("{}", bench_scene(&gpu, &options).expect("benchmark"));
}
