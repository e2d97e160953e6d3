//! Frames-per-second benchmark of the full scene, headless, with and without training running.
//!
//! How it works: for each size, a [`LessonSession`] is trained to the lesson's last epoch (the
//! "paused" case) or trained one more epoch every frame (the "training" case). Two loops run:
//! 1. throughput: each frame is ONE command buffer (training, the scene's compute and render
//!    passes, bloom, tonemap, egui labels, and the copy of the frame into a readback buffer),
//!    submitted, then the pixels are mapped; fps = frames / wall time;
//! 2. split: the same frame with a submit and a wait after each stage, so the wall time of each
//!    stage is measured alone: training compute, scene (scene compute + views), bloom, tonemap,
//!    labels (egui), readback (copy + map + unpad).
//!
//! `nextword bench` prints [`bench_scene`]'s text.

use std::time::{Duration, Instant};

use super::headless::LessonSession;
use super::target::{OFFSCREEN_FORMAT, OffscreenTarget};
use super::{Scene, SceneError, SceneOptions, headless_input};
use crate::gpu::GpuContext;

/// What to measure.
#[derive(Clone, Debug)]
pub struct BenchOptions {
    pub lesson: String,
    pub sizes: Vec<(u32, u32)>,
    /// Frames per measurement (after a few warm-up frames).
    pub frames: u32,
    /// Epochs trained per frame in the "training" case.
    pub epochs_per_frame: u32,
}

impl Default for BenchOptions {
    fn default() -> Self {
        Self {
            lesson: "cat-sat".into(),
            sizes: vec![(1280, 720), (1920, 1080)],
            frames: 60,
            epochs_per_frame: 1,
        }
    }
}

/// One measured case.
#[derive(Clone, Debug, Default)]
pub struct BenchRow {
    pub size: (u32, u32),
    pub training: bool,
    pub fps: f64,
    /// Mean milliseconds per stage in the split loop.
    pub train_ms: f64,
    pub scene_ms: f64,
    pub bloom_ms: f64,
    pub tonemap_ms: f64,
    pub labels_ms: f64,
    pub readback_ms: f64,
}

const WARMUP: u32 = 5;

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

/// Measures one size, with or without training.
pub fn bench_case(
    gpu: &GpuContext,
    options: &BenchOptions,
    size: (u32, u32),
    training: bool,
) -> Result<BenchRow, SceneError> {
    let (device, queue) = (&gpu.device, &gpu.queue);
    let mut session = LessonSession::new(device, queue, &options.lesson)?;
    if !training {
        session.trainer.train(device, queue, session.lesson.epochs);
    }
    let mut scene = Scene::new(device, OFFSCREEN_FORMAT, SceneOptions::default());
    let target = OffscreenTarget::new(device, size);
    let epochs = if training {
        options.epochs_per_frame
    } else {
        0
    };
    let mut row = BenchRow {
        size,
        training,
        ..Default::default()
    };

    // 1. Throughput: one submit per frame, pixels read back.
    let mut start = Instant::now();
    for i in 0..WARMUP + options.frames {
        if i == WARMUP {
            start = Instant::now();
        }
        scene.poll_summary(device);
        let mut encoder = device.create_command_encoder(&wgpu::CommandEncoderDescriptor {
            label: Some("bench::frame"),
        });
        if epochs > 0 {
            session.trainer.encode_train(queue, &mut encoder, epochs);
        }
        let frame = session.frame(session.trainer.epoch() as f32);
        scene.encode_frame(
            device,
            queue,
            &mut encoder,
            &session.inputs(),
            &frame,
            &target.view,
            &frame.layout(size),
            headless_input(size),
            |_| {},
        );
        target.encode_readback(&mut encoder);
        queue.submit([encoder.finish()]);
        scene.after_submit();
        target.read_rgba(device)?;
    }
    row.fps = f64::from(options.frames) / start.elapsed().as_secs_f64();

    // 2. Split: a submit and a wait after every stage.
    let mut totals = [0.0f64; 6];
    for i in 0..WARMUP + options.frames {
        let counted = i >= WARMUP;
        let t = Instant::now();
        if epochs > 0 {
            let mut encoder = device.create_command_encoder(&wgpu::CommandEncoderDescriptor {
                label: Some("bench::train"),
            });
            session.trainer.encode_train(queue, &mut encoder, epochs);
            queue.submit([encoder.finish()]);
            let _ = device.poll(wgpu::PollType::wait_indefinitely());
        }
        if counted {
            totals[0] += ms(t.elapsed());
        }
        let frame = session.frame(session.trainer.epoch() as f32);
        let mut stage_times = Vec::with_capacity(4);
        let mut s = Instant::now();
        scene.render_stages(
            device,
            queue,
            &session.inputs(),
            &frame,
            &target.view,
            size,
            |_| {
                stage_times.push(ms(s.elapsed()));
                s = Instant::now();
            },
        );
        if counted {
            for (slot, v) in stage_times.iter().enumerate() {
                totals[1 + slot] += v;
            }
        }
        let t = Instant::now();
        let mut encoder = device.create_command_encoder(&wgpu::CommandEncoderDescriptor {
            label: Some("bench::readback"),
        });
        target.encode_readback(&mut encoder);
        queue.submit([encoder.finish()]);
        target.read_rgba(device)?;
        if counted {
            totals[5] += ms(t.elapsed());
        }
        scene.poll_summary(device);
    }
    let n = f64::from(options.frames.max(1));
    [
        row.train_ms,
        row.scene_ms,
        row.bloom_ms,
        row.tonemap_ms,
        row.labels_ms,
        row.readback_ms,
    ] = totals.map(|x| x / n);
    Ok(row)
}

/// Runs every case and returns a printable table.
pub fn bench_scene(gpu: &GpuContext, options: &BenchOptions) -> Result<String, SceneError> {
    let mut text = format!(
        "scene benchmark: lesson {}, {} frames per case, adapter {}\n\
         fps: one submit per frame (training + scene + bloom + labels + pixel readback)\n\
         ms: the same stages submitted and waited for one by one (mean per frame)\n\n\
         {:<10} {:<12} {:>7} {:>9} {:>9} {:>9} {:>9} {:>9} {:>9}\n",
        options.lesson,
        options.frames,
        gpu.adapter_label(),
        "size",
        "training",
        "fps",
        "train ms",
        "scene ms",
        "bloom ms",
        "tonemap",
        "labels ms",
        "readbk ms"
    );
    for &size in &options.sizes {
        for training in [false, true] {
            let r = bench_case(gpu, options, size, training)?;
            let mode = if training {
                format!("{} ep/frame", options.epochs_per_frame)
            } else {
                "paused".into()
            };
            text += &format!(
                "{:<10} {:<12} {:>7.1} {:>9.2} {:>9.2} {:>9.2} {:>9.2} {:>9.2} {:>9.2}\n",
                format!("{}x{}", size.0, size.1),
                mode,
                r.fps,
                r.train_ms,
                r.scene_ms,
                r.bloom_ms,
                r.tonemap_ms,
                r.labels_ms,
                r.readback_ms
            );
        }
    }
    Ok(text)
}
