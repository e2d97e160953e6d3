//! The interactive window: a winit `ApplicationHandler` that trains a lesson and draws the scene
//! every frame.
//!
//! How it works: on `resumed` it creates the window, a wgpu surface and device (an adapter that
//! can present to it), the trainer and the [`Scene`]. Each redraw it advances the playhead,
//! collects any arrived label summary (never waiting), then encodes in ONE command buffer the
//! next epochs of training (up to `ceil(playhead)`) followed by the scene's compute and render
//! passes and egui, submits once and presents. Resizes reconfigure the surface; a zero size
//! (minimized) skips drawing; `Outdated`/`Lost` reconfigure or recreate the surface; `Timeout`
//! and `Occluded` skip the frame. Input goes to egui first (for overlays), then to the camera
//! ([`input`]) and the keyboard shortcuts below.
//!
//! Keys: Space play/pause, Left/Right scrub, Home/End jump, Up/Down select the pair, Tab next
//! word, +/- speed, R reset the camera, A auto-rotate, B glow, L log loss, P PCA/raw dims,
//! F or F11 fullscreen, Esc leave fullscreen, Q quit.

pub mod input;
pub mod playback;

use std::sync::Arc;
use std::time::{Duration, Instant};

use glam::Vec2;
use winit::application::ApplicationHandler;
use winit::event::{ElementState, MouseButton, MouseScrollDelta, TouchPhase, WindowEvent};
use winit::event_loop::{ActiveEventLoop, ControlFlow, EventLoop};
use winit::keyboard::{Key, NamedKey};
use winit::window::{Fullscreen, Window, WindowId};

use crate::gpu::GpuContext;
use crate::scene::headless::LessonSession;
use crate::scene::{Layout, OrbitCamera, Scene, SceneFrame, SceneOptions};
use input::{Gesture, PointerInput};
use playback::{MAX_EPOCHS_PER_FRAME, Playback};

/// Errors that end the window app.
#[derive(Debug, thiserror::Error)]
pub enum AppError {
    #[error("cannot open a window: {0}")]
    EventLoop(#[from] winit::error::EventLoopError),
    #[error("cannot create the window: {0}")]
    Window(#[from] winit::error::OsError),
    #[error("cannot draw into the window: {0}")]
    Surface(#[from] wgpu::CreateSurfaceError),
    #[error(transparent)]
    Gpu(#[from] crate::gpu::GpuError),
    #[error(transparent)]
    Scene(#[from] crate::scene::SceneError),
    #[error("the window surface supports no usable format")]
    NoFormat,
}

/// How the window starts.
#[derive(Clone, Debug)]
pub struct AppOptions {
    pub lesson: String,
    /// Epochs per second.
    pub speed: f64,
    pub fullscreen: bool,
    pub vsync: bool,
    pub auto_rotate: bool,
    pub size: (u32, u32),
}

/// Opens the window and runs until it is closed.
pub fn run(options: AppOptions) -> Result<(), AppError> {
    let event_loop = EventLoop::new()?;
    event_loop.set_control_flow(ControlFlow::Poll);
    let mut app = App {
        options,
        running: None,
        error: None,
    };
    event_loop.run_app(&mut app)?;
    match app.error {
        Some(e) => Err(e),
        None => Ok(()),
    }
}

struct App {
    options: AppOptions,
    running: Option<Running>,
    error: Option<AppError>,
}

/// Seconds without camera input before auto-rotate resumes.
const AUTO_ROTATE_QUIET: Duration = Duration::from_secs(4);
/// Auto-rotate speed, radians per second.
const AUTO_ROTATE_SPEED: f32 = 0.12;

struct Running {
    window: Arc<Window>,
    gpu: GpuContext,
    surface: wgpu::Surface<'static>,
    config: wgpu::SurfaceConfiguration,
    scene: Scene,
    session: LessonSession,
    egui: egui_winit::State,
    input: PointerInput,
    home: OrbitCamera,
    frame: SceneFrame,
    playback: Playback,
    auto_rotate: bool,
    started: Instant,
    last_frame: Instant,
    /// Frames since `fps_since`, for the fps line in the log (RUST_LOG=info).
    fps_frames: u32,
    fps_since: Instant,
}

impl ApplicationHandler for App {
    fn resumed(&mut self, event_loop: &ActiveEventLoop) {
        if self.running.is_some() {
            return;
        }
        match Running::new(event_loop, &self.options) {
            Ok(running) => self.running = Some(running),
            Err(e) => {
                self.error = Some(e);
                event_loop.exit();
            }
        }
    }

    fn window_event(&mut self, event_loop: &ActiveEventLoop, _id: WindowId, event: WindowEvent) {
        let Some(r) = self.running.as_mut() else {
            return;
        };
        let response = r.egui.on_window_event(&r.window, &event);
        match event {
            WindowEvent::CloseRequested => event_loop.exit(),
            WindowEvent::Resized(size) => r.resize(size.width, size.height),
            WindowEvent::RedrawRequested => r.redraw(),
            _ if response.consumed => {}
            WindowEvent::KeyboardInput { event, .. } if event.state == ElementState::Pressed => {
                let quit = r.key(&event.logical_key);
                if quit {
                    event_loop.exit();
                }
            }
            WindowEvent::CursorMoved { position, .. } => {
                let layout = r.layout();
                r.input.cursor_moved(
                    Vec2::new(position.x as f32, position.y as f32),
                    &mut r.frame.camera,
                    &layout,
                );
            }
            WindowEvent::CursorLeft { .. } => r.input.cursor_left(),
            WindowEvent::MouseInput { state, button, .. } => {
                let layout = r.layout();
                let left = button == MouseButton::Left;
                if !(left || matches!(button, MouseButton::Right | MouseButton::Middle)) {
                    return;
                }
                if state == ElementState::Pressed {
                    r.input.press(left, &layout);
                } else if let Gesture::Click(p) =
                    r.input.release(left, &mut r.frame.camera, &r.home)
                {
                    r.click(p, &layout);
                }
            }
            WindowEvent::MouseWheel { delta, .. } => {
                let lines = match delta {
                    MouseScrollDelta::LineDelta(_, y) => y,
                    MouseScrollDelta::PixelDelta(p) => p.y as f32 / 60.0,
                };
                let layout = r.layout();
                r.input.wheel(lines, &mut r.frame.camera, &layout);
            }
            WindowEvent::Touch(touch) => {
                let phase = match touch.phase {
                    TouchPhase::Started => 0,
                    TouchPhase::Moved => 1,
                    TouchPhase::Ended | TouchPhase::Cancelled => 2,
                };
                let layout = r.layout();
                let p = Vec2::new(touch.location.x as f32, touch.location.y as f32);
                r.input
                    .touch(touch.id, phase, p, &mut r.frame.camera, &layout);
            }
            _ => {}
        }
    }

    fn about_to_wait(&mut self, event_loop: &ActiveEventLoop) {
        let Some(r) = self.running.as_ref() else {
            return;
        };
        if r.config.width == 0 || r.config.height == 0 {
            // Minimized: nothing to draw; wake up now and then for events.
            event_loop.set_control_flow(ControlFlow::WaitUntil(
                Instant::now() + Duration::from_millis(100),
            ));
        } else {
            event_loop.set_control_flow(ControlFlow::Poll);
            r.window.request_redraw();
        }
    }
}

/// Prefers a non-sRGB 8-bit format (the tonemap encodes sRGB itself; egui blends in gamma space).
fn pick_format(formats: &[wgpu::TextureFormat]) -> Option<wgpu::TextureFormat> {
    use wgpu::TextureFormat::*;
    [Bgra8Unorm, Rgba8Unorm, Bgra8UnormSrgb, Rgba8UnormSrgb]
        .into_iter()
        .find(|f| formats.contains(f))
        .or_else(|| formats.first().copied())
}

impl Running {
    fn new(event_loop: &ActiveEventLoop, options: &AppOptions) -> Result<Self, AppError> {
        let mut attributes = Window::default_attributes()
            .with_title("nextword")
            .with_inner_size(winit::dpi::PhysicalSize::new(
                options.size.0,
                options.size.1,
            ));
        if options.fullscreen {
            attributes = attributes.with_fullscreen(Some(Fullscreen::Borderless(None)));
        }
        let window = Arc::new(event_loop.create_window(attributes)?);
        let instance =
            wgpu::Instance::new(wgpu::InstanceDescriptor::new_with_display_handle_from_env(
                Box::new(event_loop.owned_display_handle()),
            ));
        let surface = instance.create_surface(window.clone())?;
        let gpu = pollster::block_on(GpuContext::from_instance(instance, Some(&surface)))?;
        // A kiosk keeps running: log GPU validation errors and device loss instead of panicking.
        gpu.device
            .on_uncaptured_error(Arc::new(|e: wgpu::Error| log::error!("GPU error: {e}")));
        gpu.device.set_device_lost_callback(|reason, message| {
            log::error!("GPU device lost ({reason:?}): {message}");
        });
        let caps = surface.get_capabilities(&gpu.adapter);
        let format = pick_format(&caps.formats).ok_or(AppError::NoFormat)?;
        let size = window.inner_size();
        let config = wgpu::SurfaceConfiguration {
            usage: wgpu::TextureUsages::RENDER_ATTACHMENT,
            format,
            width: size.width,
            height: size.height,
            present_mode: if options.vsync {
                wgpu::PresentMode::AutoVsync
            } else {
                wgpu::PresentMode::AutoNoVsync
            },
            desired_maximum_frame_latency: 2,
            alpha_mode: caps
                .alpha_modes
                .first()
                .copied()
                .unwrap_or(wgpu::CompositeAlphaMode::Auto),
            view_formats: vec![],
            color_space: wgpu::SurfaceColorSpace::Auto,
        };
        if size.width > 0 && size.height > 0 {
            surface.configure(&gpu.device, &config);
        }
        log::info!("window surface {format:?} on {}", gpu.adapter_label());
        let scene = Scene::new(&gpu.device, format, SceneOptions::default());
        let session = LessonSession::new(&gpu.device, &gpu.queue, &options.lesson)?;
        let egui = egui_winit::State::new(
            scene.egui_ctx().clone(),
            egui::ViewportId::ROOT,
            &window,
            Some(window.scale_factor() as f32),
            None,
            Some(gpu.device.limits().max_texture_dimension_2d as usize),
        );
        let mut frame = session.frame(0.0);
        frame.word = session.info.recorded.first().map_or(0, |p| p.target);
        let playback = Playback::new(options.speed, session.lesson.epochs);
        Ok(Self {
            window,
            surface,
            config,
            scene,
            session,
            egui,
            input: PointerInput::default(),
            home: frame.camera,
            frame,
            playback,
            auto_rotate: options.auto_rotate,
            started: Instant::now(),
            last_frame: Instant::now(),
            fps_frames: 0,
            fps_since: Instant::now(),
            gpu,
        })
    }

    fn layout(&self) -> Layout {
        Layout::new(self.config.width, self.config.height)
    }

    fn resize(&mut self, width: u32, height: u32) {
        self.config.width = width;
        self.config.height = height;
        if width > 0 && height > 0 {
            self.surface.configure(&self.gpu.device, &self.config);
        }
    }

    fn reconfigure(&mut self) {
        let size = self.window.inner_size();
        self.resize(size.width, size.height);
    }

    /// Handles a key; returns true to quit.
    fn key(&mut self, key: &Key) -> bool {
        let step = (self.playback.end / 100.0).max(1.0);
        let info = &self.session.info;
        match key {
            Key::Named(NamedKey::Space) => self.playback.toggle(),
            Key::Named(NamedKey::ArrowLeft) => self.playback.scrub(-step),
            Key::Named(NamedKey::ArrowRight) => self.playback.scrub(step),
            Key::Named(NamedKey::Home) => self.playback.scrub(-self.playback.end),
            Key::Named(NamedKey::End) => self.playback.scrub(self.playback.end),
            Key::Named(NamedKey::ArrowUp | NamedKey::ArrowDown) => {
                let n = info.recorded.len().max(1) as u32;
                let down = matches!(key, Key::Named(NamedKey::ArrowDown));
                self.frame.pair = (self.frame.pair + if down { 1 } else { n - 1 }) % n;
                self.frame.word = info
                    .recorded
                    .get(self.frame.pair as usize)
                    .map_or(0, |p| p.target);
            }
            Key::Named(NamedKey::Tab) => {
                self.frame.word = (self.frame.word + 1) % info.vocab.len().max(1) as u32
            }
            Key::Named(NamedKey::F11) => self.toggle_fullscreen(),
            Key::Named(NamedKey::Escape) => self.window.set_fullscreen(None),
            Key::Character(c) => match c.to_lowercase().as_str() {
                "q" => return true,
                "f" => self.toggle_fullscreen(),
                "r" => self.frame.camera = self.home,
                "a" => self.auto_rotate = !self.auto_rotate,
                "b" => self.frame.bloom.enabled = !self.frame.bloom.enabled,
                "l" => self.frame.loss_log = !self.frame.loss_log,
                "p" => self.frame.raw_dims = !self.frame.raw_dims,
                "+" | "=" => self.playback.change_speed(1.5),
                "-" | "_" => self.playback.change_speed(1.0 / 1.5),
                _ => {}
            },
            _ => {}
        }
        false
    }

    fn toggle_fullscreen(&self) {
        let next = match self.window.fullscreen() {
            Some(_) => None,
            None => Some(Fullscreen::Borderless(None)),
        };
        self.window.set_fullscreen(next);
    }

    /// A click: a word point focuses that word; a heatmap row selects that pair.
    fn click(&mut self, p: Vec2, layout: &Layout) {
        if let Some(word) = self.scene.pick_word(&self.frame, layout, p) {
            self.frame.word = word;
            return;
        }
        let heat = layout.plot(crate::scene::Panel::Heatmap);
        let rows = self.session.info.recorded.len();
        if heat.contains(p) && rows > 0 {
            let row = ((p.y - heat.y) / heat.h * rows as f32) as u32;
            self.frame.pair = row.min(rows as u32 - 1);
        }
    }

    fn redraw(&mut self) {
        let now = Instant::now();
        let dt = (now - self.last_frame).as_secs_f64();
        self.last_frame = now;
        if self.config.width == 0 || self.config.height == 0 {
            return;
        }
        self.playback.advance(dt);
        if self.auto_rotate && !self.input.recently_active(AUTO_ROTATE_QUIET) {
            self.frame.camera.yaw += AUTO_ROTATE_SPEED * dt as f32;
        }
        self.scene.poll_summary(&self.gpu.device);
        let (texture, suboptimal) = match self.surface.get_current_texture() {
            wgpu::CurrentSurfaceTexture::Success(t) => (t, false),
            // Draw this one, reconfigure for the next.
            wgpu::CurrentSurfaceTexture::Suboptimal(t) => (t, true),
            wgpu::CurrentSurfaceTexture::Timeout | wgpu::CurrentSurfaceTexture::Occluded => return,
            wgpu::CurrentSurfaceTexture::Outdated => return self.reconfigure(),
            wgpu::CurrentSurfaceTexture::Lost => {
                match self.gpu.instance.create_surface(self.window.clone()) {
                    Ok(surface) => self.surface = surface,
                    Err(e) => log::error!("recreating the lost surface: {e}"),
                }
                return self.reconfigure();
            }
            wgpu::CurrentSurfaceTexture::Validation => {
                log::error!("surface validation error; reconfiguring");
                return self.reconfigure();
            }
        };
        let view = texture
            .texture
            .create_view(&wgpu::TextureViewDescriptor::default());
        let (device, queue) = (&self.gpu.device, &self.gpu.queue);
        let mut encoder = device.create_command_encoder(&wgpu::CommandEncoderDescriptor {
            label: Some("App::frame"),
        });
        let layout = self.layout();
        let trainer = &mut self.session.trainer;
        let behind = self
            .playback
            .epochs_needed()
            .saturating_sub(trainer.epoch())
            .min(MAX_EPOCHS_PER_FRAME);
        if behind > 0 {
            encoder.push_debug_group("train");
            trainer.encode_train(queue, &mut encoder, behind);
            encoder.pop_debug_group();
        }
        // Never show an epoch that is not trained yet (training may lag after a big jump).
        let playhead = self.playback.playhead.min(f64::from(trainer.epoch())) as f32;
        self.frame.playhead = playhead;
        self.frame.trained_epochs = trainer.epoch();
        self.frame.time_secs = self.started.elapsed().as_secs_f32();
        self.frame.pulse_phase = Some(self.playback.pulse_phase());
        self.frame.hover_word = self
            .input
            .cursor
            .and_then(|c| self.scene.pick_word(&self.frame, &layout, c));
        self.frame.status = if self.playback.playing {
            format!("\u{25b6} {:.0} epochs/s", self.playback.speed)
        } else if self.playback.playhead >= self.playback.end {
            "trained".into()
        } else {
            "paused".into()
        };
        let egui_input = self.egui.take_egui_input(&self.window);
        let inputs = self.session.inputs();
        let size = (self.config.width, self.config.height);
        let output = self.scene.encode_frame(
            device,
            queue,
            &mut encoder,
            &inputs,
            &self.frame,
            &view,
            size,
            egui_input,
            |_| {},
        );
        queue.submit([encoder.finish()]);
        self.window.pre_present_notify();
        queue.present(texture);
        self.scene.after_submit();
        self.egui.handle_platform_output(&self.window, output);
        if suboptimal {
            self.reconfigure();
        }
        self.fps_frames += 1;
        let secs = self.fps_since.elapsed().as_secs_f64();
        if secs >= 5.0 {
            log::info!(
                "{:.1} fps at {}x{}, epoch {}",
                f64::from(self.fps_frames) / secs,
                size.0,
                size.1,
                self.frame.trained_epochs
            );
            self.fps_frames = 0;
            self.fps_since = Instant::now();
        }
    }
}
