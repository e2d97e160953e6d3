//! The soak driver: the kiosk's attract path run headless for many frames, sampling process
//! memory and wgpu's live GPU objects, to show that nothing grows over days.
//!
//! How it works: a fake clock advances `1 / fps` seconds per frame and drives the real
//! [`Attract`] state machine; its events load lessons (a new [`LessonSession`], the old one
//! dropped), reset the camera, orbit it, and show the kiosk overlay. A simulated visitor taps now
//! and then, so the welcome, the countdown and the reset run too. Each frame is encoded like the
//! window's: training first (`epochs_per_frame`, never stopping at the lesson's end, so the
//! history keeps compacting), then the scene and egui (the lesson overlay, which re-reads the
//! history every [`READOUT_EVERY_FRAMES`] frames as the window does a few times a second, and
//! the kiosk overlay) into one offscreen texture, one submit, then a wait (the window is paced by
//! presenting). Every
//! `sample_every` frames [`ResourceSample`] records the RSS (`/proc/self/status`) and the counts
//! of live buffers, textures, views and bind groups from `Instance::generate_report`.

use crate::gpu::GpuContext;
use crate::scene::headless::LessonSession;
use crate::scene::target::OffscreenTarget;
use crate::scene::{OrbitCamera, Scene, SceneOptions, headless_input};

use super::KioskError;
use super::attract::{Attract, AttractTiming, KioskEvent};
use super::config::KioskStrings;
use super::overlay::{KioskOverlay, kiosk_overlay_ui};
use super::theme::Theme;
use crate::ui::LessonUi;

/// Frames between the lesson overlay's history readbacks (the window: every 300 ms).
pub const READOUT_EVERY_FRAMES: u64 = 10;

#[derive(Clone, Debug)]
pub struct SoakOptions {
    pub frames: u64,
    pub size: (u32, u32),
    pub sample_every: u64,
    /// Frames per second of the fake clock.
    pub fps: f64,
    pub lessons: Vec<String>,
    pub timing: AttractTiming,
    /// Epochs trained per frame.
    pub epochs_per_frame: u32,
    /// A simulated visitor taps every this many frames (0: never).
    pub visitor_every: u64,
}

impl Default for SoakOptions {
    fn default() -> Self {
        Self {
            frames: 2000,
            size: (320, 180),
            sample_every: 250,
            fps: 30.0,
            lessons: crate::lesson::builtin_ids()
                .iter()
                .map(|s| s.to_string())
                .collect(),
            // Short timings so a soak sees many switches, countdowns and resets.
            timing: AttractTiming {
                idle_secs: 12.0,
                warning_secs: 4.0,
                lesson_secs: 8.0,
                welcome_secs: 2.0,
            },
            epochs_per_frame: 4,
            visitor_every: 1500,
        }
    }
}

/// Process and GPU figures at one frame.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ResourceSample {
    pub frame: u64,
    pub rss_kib: u64,
    pub buffers: usize,
    pub textures: usize,
    pub texture_views: usize,
    pub bind_groups: usize,
    pub slots_filled: u32,
    pub capacity: u32,
}

impl std::fmt::Display for ResourceSample {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "frame {:>7}  rss {:>7} KiB  buffers {:>4}  textures {:>3}  views {:>3}  bind groups {:>4}  history {}/{}",
            self.frame,
            self.rss_kib,
            self.buffers,
            self.textures,
            self.texture_views,
            self.bind_groups,
            self.slots_filled,
            self.capacity
        )
    }
}

#[derive(Clone, Debug, Default)]
pub struct SoakReport {
    pub samples: Vec<ResourceSample>,
    pub lesson_loads: u64,
    pub resets: u64,
    pub countdowns: u64,
    pub visitor_taps: u64,
    /// Most history slots filled at any frame, and the capacity then.
    pub max_slots_filled: u32,
    pub over_capacity_frames: u64,
    pub secs: f64,
}

/// The resident set size of this process in KiB (0 where /proc is missing).
pub fn rss_kib() -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find_map(|l| l.strip_prefix("VmRSS:"))
                .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
        })
        .unwrap_or(0)
}

/// Samples the process and `gpu`'s live objects.
pub fn sample(gpu: &GpuContext, frame: u64, session: Option<&LessonSession>) -> ResourceSample {
    let mut s = ResourceSample {
        frame,
        rss_kib: rss_kib(),
        ..Default::default()
    };
    if let Some(report) = gpu.instance.generate_report() {
        let hub = report.hub_report();
        s.buffers = hub.buffers.num_allocated;
        s.textures = hub.textures.num_allocated;
        s.texture_views = hub.texture_views.num_allocated;
        s.bind_groups = hub.bind_groups.num_allocated;
    }
    if let Some(session) = session {
        let layout = session.trainer.layout();
        s.slots_filled = layout.slots_filled;
        s.capacity = layout.capacity;
    }
    s
}

/// Runs the soak on `gpu`; `on_sample` sees every sample as it is taken.
pub fn run_soak(
    gpu: &GpuContext,
    options: &SoakOptions,
    mut on_sample: impl FnMut(&ResourceSample),
) -> Result<SoakReport, KioskError> {
    let (device, queue) = (&gpu.device, &gpu.queue);
    let start = std::time::Instant::now();
    let size = options.size;
    let mut report = SoakReport::default();
    let mut scene = Scene::new(
        device,
        crate::scene::target::OFFSCREEN_FORMAT,
        SceneOptions::default(),
    );
    let target = OffscreenTarget::new(device, size);
    let strings = KioskStrings::default();
    let theme = Theme::Dark.style();
    let mut overlay = KioskOverlay::default();
    let (mut attract, mut events) = Attract::new(options.lessons.clone(), options.timing, 0.0);
    let mut session: Option<LessonSession> = None;
    let mut ui: Option<LessonUi> = None;
    let mut camera = OrbitCamera::default();
    let mut orbit = false;
    for frame_index in 0..options.frames {
        let now = frame_index as f64 / options.fps;
        if options.visitor_every > 0 && frame_index > 0 && frame_index % options.visitor_every == 0
        {
            report.visitor_taps += 1;
            events.extend(attract.user_input(now));
        }
        events.extend(attract.tick(now));
        for event in events.drain(..) {
            overlay.apply(&event);
            match event {
                KioskEvent::NextLesson(id) => {
                    drop(session.take()); // free the old trainer's buffers first
                    let s = LessonSession::new(device, queue, &id)
                        .map_err(|e| KioskError::Gpu(e.to_string()))?;
                    let loaded = match ui.as_mut() {
                        Some(ui) => ui.lesson_loaded(&s),
                        None => LessonUi::new(&s).map(|new| ui = Some(new)),
                    };
                    loaded.map_err(|e| KioskError::Gpu(e.to_string()))?;
                    camera = s.frame(0.0).camera;
                    session = Some(s);
                    report.lesson_loads += 1;
                }
                KioskEvent::ResetLesson => {
                    report.resets += 1;
                    camera = OrbitCamera::default();
                }
                KioskEvent::ShowCountdown(_) => report.countdowns += 1,
                KioskEvent::StartAutoOrbit => orbit = true,
                KioskEvent::StopAutoOrbit => orbit = false,
                _ => {}
            }
        }
        let s = session
            .as_mut()
            .expect("the attract loop loads a lesson first");
        if orbit {
            camera.yaw += 0.12 / options.fps as f32;
        }
        scene.poll_summary(device);
        let mut encoder = device.create_command_encoder(&wgpu::CommandEncoderDescriptor {
            label: Some("soak::frame"),
        });
        s.trainer
            .encode_train(queue, &mut encoder, options.epochs_per_frame);
        let epoch = s.trainer.epoch();
        let mut frame = s.frame(epoch as f32);
        frame.camera = camera;
        frame.time_secs = now as f32;
        frame.status = format!("epoch {epoch}");
        let ui = ui.as_mut().expect("loaded with the lesson");
        ui.state.playhead = epoch as f32;
        let read = frame_index % READOUT_EVERY_FRAMES == 0;
        ui.refresh(&s.trainer, device, queue, read);
        let inputs = s.inputs();
        let _ = scene.encode_frame(
            device,
            queue,
            &mut encoder,
            &inputs,
            &frame,
            &target.view,
            &frame.layout(size),
            headless_input(size),
            |ctx| {
                ui.ui(ctx);
                kiosk_overlay_ui(ctx, &overlay, &strings, &theme);
            },
        );
        queue.submit([encoder.finish()]);
        scene.after_submit();
        device
            .poll(wgpu::PollType::wait_indefinitely())
            .map_err(|e| KioskError::Gpu(format!("waiting for frame {frame_index}: {e}")))?;
        let layout = s.trainer.layout();
        report.max_slots_filled = report.max_slots_filled.max(layout.slots_filled);
        if layout.slots_filled > layout.capacity {
            report.over_capacity_frames += 1;
        }
        if frame_index % options.sample_every == 0 || frame_index + 1 == options.frames {
            let sample = sample(gpu, frame_index, session.as_ref());
            on_sample(&sample);
            report.samples.push(sample);
        }
    }
    report.secs = start.elapsed().as_secs_f64();
    Ok(report)
}
