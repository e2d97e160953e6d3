//! `nextword bench`'s full window frame: what the window does each frame, headless, timed.
//!
//! How it works: cat-sat plays on the training step as a visitor sees it (guided playback, the
//! overlay's numbers read back asynchronously a few times a second, as the window does). Each
//! frame trains what playback asks, then encodes the scene, its labels and the whole overlay
//! (lesson card with the narration, control bar, legend) into one command buffer and submits it
//! into an offscreen target of the window's format. Like a window presenting its frames, the
//! CPU may prepare frame n+1 while the GPU draws frame n, but never more than one ahead. It
//! prints frames per second and, per frame, the CPU's milliseconds (playback, readback
//! polling, overlay layout and tessellation, encoding) and the wait for the GPU.

use std::time::{Duration, Instant};

use crate::gpu::GpuContext;
use crate::scene::headless::LessonSession;
use crate::scene::target::{OFFSCREEN_FORMAT, OffscreenTarget};
use crate::scene::{Scene, SceneOptions, headless_input};
use crate::ui::{LessonUi, Step};

/// The window's interval between overlay readbacks while playing.
const READ_EVERY: Duration = Duration::from_millis(250);
const WARMUP: u32 = 10;

/// One measured size.
#[derive(Clone, Debug, Default)]
pub struct FrameFigures {
    pub size: (u32, u32),
    pub overlay: bool,
    pub fps: f64,
    pub cpu_ms: f64,
    pub gpu_wait_ms: f64,
}

/// Times `frames` full window frames at `size`.
pub fn bench_window_frame(
    gpu: &GpuContext,
    lesson: &str,
    size: (u32, u32),
    frames: u32,
    overlay: bool,
) -> anyhow::Result<FrameFigures> {
    let (device, queue) = (&gpu.device, &gpu.queue);
    let lesson = crate::lesson::load(lesson)?;
    // Within the window's training budget for this adapter, as the window trains.
    let budget = crate::app::budget::FrameBudget::for_device(gpu.adapter.get_info().device_type);
    let cap = crate::app::budget::window_epochs(&budget, &lesson).map_err(anyhow::Error::msg)?;
    let mut session = LessonSession::from_lesson(device, queue, lesson)?;
    let mut scene = Scene::new(device, OFFSCREEN_FORMAT, SceneOptions::default());
    let target = OffscreenTarget::new(device, size);
    let mut ui = LessonUi::new(&session)?;
    ui.state.step = Step::Training;
    ui.state.playing = true;
    let mut frame = session.frame(0.0);
    let (mut cpu, mut wait) = (Duration::ZERO, Duration::ZERO);
    let mut last_read = Instant::now() - READ_EVERY;
    let mut in_flight: Option<wgpu::SubmissionIndex> = None;
    let mut last = Instant::now();
    let mut start = Instant::now();
    for i in 0..WARMUP + frames {
        if i == WARMUP {
            start = Instant::now();
            (cpu, wait) = (Duration::ZERO, Duration::ZERO);
        }
        let t0 = Instant::now();
        let dt = (t0 - last).as_secs_f32();
        last = t0;
        // The window's update: playback, then the overlay's numbers (never waiting).
        scene.poll_summary(device);
        let need = ui.tick(dt, &session.trainer).min(cap);
        let may_read = last_read.elapsed() >= READ_EVERY;
        if may_read && ui.is_stale(&session.trainer) {
            last_read = Instant::now();
        }
        ui.refresh(&session.trainer, device, queue, may_read);
        let mut encoder = device.create_command_encoder(&wgpu::CommandEncoderDescriptor {
            label: Some("bench::window_frame"),
        });
        if need > 0 {
            session.trainer.encode_train(queue, &mut encoder, need);
        }
        ui.fill_frame(&mut frame, &session.trainer);
        let layout = frame.layout(size);
        scene.encode_frame(
            device,
            queue,
            &mut encoder,
            &session.inputs(),
            &frame,
            &target.view,
            &layout,
            headless_input(size),
            |ctx| {
                if overlay {
                    drop(ui.ui(ctx));
                }
            },
        );
        let t1 = Instant::now();
        // At most one frame in flight, as a swapchain allows.
        if let Some(previous) = in_flight.take() {
            let _ = device.poll(wgpu::PollType::Wait {
                submission_index: Some(previous),
                timeout: None,
            });
        }
        let t2 = Instant::now();
        in_flight = Some(queue.submit([encoder.finish()]));
        scene.after_submit();
        cpu += t1 - t0;
        wait += t2 - t1;
    }
    let _ = device.poll(wgpu::PollType::wait_indefinitely());
    let secs = start.elapsed().as_secs_f64();
    let n = f64::from(frames.max(1));
    Ok(FrameFigures {
        size,
        overlay,
        fps: n / secs,
        cpu_ms: cpu.as_secs_f64() * 1000.0 / n,
        gpu_wait_ms: wait.as_secs_f64() * 1000.0 / n,
    })
}

/// The table `nextword bench` prints.
pub fn window_frame_table(
    gpu: &GpuContext,
    lesson: &str,
    sizes: &[(u32, u32)],
    frames: u32,
) -> anyhow::Result<String> {
    let mut text = format!(
        "full window frame: {lesson} playing on the training step, overlay and labels, one frame \
         in flight, {frames} frames per case\n{:<10} {:<16} {:>7} {:>9} {:>12}\n",
        "size", "drawn", "fps", "cpu ms", "gpu wait ms"
    );
    for &size in sizes {
        for overlay in [true, false] {
            let f = bench_window_frame(gpu, lesson, size, frames, overlay)?;
            text += &format!(
                "{:<10} {:<16} {:>7.1} {:>9.2} {:>12.2}\n",
                format!("{}x{}", size.0, size.1),
                if overlay {
                    "scene + overlay"
                } else {
                    "scene only"
                },
                f.fps,
                f.cpu_ms,
                f.gpu_wait_ms
            );
        }
    }
    Ok(text)
}
