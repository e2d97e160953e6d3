//! The interactive window: a winit `ApplicationHandler` that trains a lesson and draws the scene
//! with the lesson overlay every frame.
//!
//! How it works: on `resumed` it creates the window, a wgpu surface and device (an adapter that
//! can present to it), the trainer, the [`Scene`] and the overlay ([`LessonUi`]). Each redraw it
//! refreshes the overlay's numbers (a history readback a few times a second while training, never
//! of unsubmitted work), lets [`crate::ui::UiState::tick`] move the playhead and say how many
//! epochs to train, then encodes in ONE command buffer that training, the scene's passes and the
//! egui pass (scene labels, then the overlay), submits once and presents. The overlay returns
//! [`Action`]s; the state applies its part and the window executes the rest ([`actions`]: new
//! lessons, reset, restart, typed text, fullscreen, screenshots). Resizes reconfigure the
//! surface; a zero size (minimized) skips drawing; `Outdated`/`Lost` reconfigure or recreate the
//! surface ([`surface`]); `Timeout` and `Occluded` skip the frame. A lost device is rebuilt and
//! the lesson restored on the new one ([`recover`]); `--drill` provokes all of these on purpose
//! for tests ([`drill`]).
//!
//! One window, two screens: the MLP lessons' screen above, and the attention lesson's
//! ([`attention_window`]). [`App`] hands the window, its device and the screen reader's link
//! ([`WindowParts`]) from one to the other when a visitor picks the attention lesson, trains
//! their own text with attention, or goes back to the lessons; every window event goes to the
//! screen that holds the window.
//!
//! Input goes to egui first: the overlay reads its keys (Space, ←, →, R, 1-9, PgUp/PgDn, F, H, S,
//! ?, Esc) inside its pass; the window maps only the others ([`keys`]). Pointer input over an
//! overlay card stays with egui; elsewhere it turns the camera ([`input`]), and a click on a word
//! in the 3D view selects it everywhere (bars and heatmap clicks are the overlay's).

mod actions;
mod attention_window;
pub mod budget;
mod drill;
mod focus;
mod frame;
pub mod input;
pub mod keys;
mod modes;
pub mod playback;
mod recover;
mod surface;

use std::sync::Arc;
use std::time::{Duration, Instant};

use glam::Vec2;
use winit::application::ApplicationHandler;
use winit::event::{ElementState, MouseButton, MouseScrollDelta, TouchPhase, WindowEvent};
use winit::event_loop::{ActiveEventLoop, ControlFlow, EventLoop};
use winit::window::{Fullscreen, Window, WindowId};

pub use drill::Drill;
use drill::DrillReport;
use surface::WindowGpu;

use crate::kiosk::{ExitRequest, KioskRuntime, Presenter, Theme};
use crate::scene::headless::LessonSession;
use crate::scene::{Layout, OrbitCamera, Scene, SceneFrame, SceneOptions};
use crate::ui::{Action, LessonUi};
use input::{Gesture, PointerInput};
use keys::{WindowKey, hide_from_egui, window_key};
pub use modes::{AppMode, egui_key};
use modes::{KeyRoute, kiosk_for, presenter_for};

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
    #[error("{0}")]
    DeviceLost(String),
    /// A lesson too big for the window to stay live.
    #[error("{0}")]
    TooBig(String),
}

/// How the window starts.
#[derive(Clone, Debug)]
pub struct AppOptions {
    /// The lesson to open (with the visitor's own text and model already applied).
    pub lesson: crate::lesson::Lesson,
    /// Epochs per second.
    pub speed: f64,
    pub fullscreen: bool,
    pub vsync: bool,
    pub auto_rotate: bool,
    pub size: (u32, u32),
    /// Normal, lecture (`--present`) or exhibit (`--kiosk`).
    pub mode: AppMode,
    /// Faults to provoke on purpose (tests; see [`Drill`]).
    pub drill: Option<Drill>,
    /// Viewing choices (a kiosk takes its exhibit config's instead).
    pub comfort: crate::ui::Comfort,
}

/// Opens the window and runs until it is closed.
pub fn run(options: AppOptions) -> Result<(), AppError> {
    // An attention lesson has its own screen; an exhibit of it lists it alone (its config is
    // checked for that).
    let lesson = match &options.mode {
        AppMode::Kiosk(config) => match config.lessons.as_slice() {
            [only] => {
                let only = crate::lesson::load(only)
                    .map_err(|e| crate::scene::SceneError::Invalid(e.to_string()))?;
                if is_attention(&only) {
                    only
                } else {
                    options.lesson.clone()
                }
            }
            _ => options.lesson.clone(),
        },
        _ => options.lesson.clone(),
    };
    if is_attention(&lesson)
        && let AppMode::Kiosk(config) = &options.mode
        && config.lessons.len() != 1
    {
        return Err(AppError::TooBig(format!(
            "{} is an attention lesson: an exhibit shows it alone (lessons = [\"{}\"] in its \
             config)",
            lesson.id, lesson.id
        )));
    }
    let mut options = options;
    options.lesson = lesson;
    // Screen readers talk to the window through AccessKit, whose events arrive as user events.
    let event_loop = EventLoop::<AccessEvent>::with_user_event().build()?;
    event_loop.set_control_flow(ControlFlow::Poll);
    let mut app = App {
        proxy: event_loop.create_proxy(),
        options,
        running: None,
        attention: None,
        error: None,
        exit: ExitRequest::install(),
    };
    event_loop.run_app(&mut app)?;
    match app.error {
        Some(e) => Err(e),
        None => Ok(()),
    }
}

fn is_attention(lesson: &crate::lesson::Lesson) -> bool {
    matches!(
        lesson.model.kind,
        crate::lesson::ModelKind::Attention { .. }
    )
}

/// A screen reader's request (AccessKit), delivered through the event loop.
type AccessEvent = egui_winit::accesskit_winit::Event;

struct App {
    options: AppOptions,
    /// The attention lesson's screen, when it is the one in the window (else `running`).
    attention: Option<Box<attention_window::Running>>,
    /// Hands AccessKit's events to the event loop.
    proxy: winit::event_loop::EventLoopProxy<AccessEvent>,
    running: Option<Running>,
    error: Option<AppError>,
    /// Set by SIGTERM / SIGINT / SIGHUP (and the kiosk's exit chord): leave cleanly.
    exit: ExitRequest,
}

/// Seconds without camera input before auto-rotate resumes.
const AUTO_ROTATE_QUIET: Duration = Duration::from_secs(4);
/// Auto-rotate speed, radians per second.
const AUTO_ROTATE_SPEED: f32 = 0.12;
/// How often the overlay's numbers are read back while training moves on.
const READOUT_EVERY: Duration = Duration::from_millis(300);

struct Running {
    window: Arc<Window>,
    /// Instance, surface, device and their health; made anew after a device loss.
    gfx: WindowGpu,
    scene: Scene,
    session: LessonSession,
    egui: egui_winit::State,
    input: PointerInput,
    home: OrbitCamera,
    frame: SceneFrame,
    ui: LessonUi,
    /// How much training a frame may do on this adapter.
    budget: budget::FrameBudget,
    /// Epochs one frame trains at most for the current lesson (its budget).
    epochs_per_frame: u32,
    /// Actions from window keys and 3D clicks, applied with the overlay's after the next frame.
    pending: Vec<Action>,
    last_readout: Instant,
    /// Draw the next frame into a texture and save it as a PNG instead of presenting it.
    capture_next: bool,
    auto_rotate: bool,
    started: Instant,
    last_frame: Instant,
    /// A screen reader is listening (egui describes its widgets to AccessKit).
    screen_reader: bool,
    /// Frames since `fps_since`, for the fps line in the log (RUST_LOG=info).
    fps_frames: u32,
    fps_since: Instant,
    /// Modifiers held, for the kiosk's exit chord.
    modifiers: winit::keyboard::ModifiersState,
    /// Lecture mode's clicker keys and blank screen.
    presenter: Option<Presenter>,
    /// Exhibit mode: attract loop, kiosk overlay, key filter.
    kiosk: Option<KioskRuntime>,
    /// Failed attempts to rebuild after a device loss, in a row.
    rebuild_failures: u32,
    /// The composition of the last frame (input between frames uses it).
    layout: Layout,
    /// Frames drawn since the window opened.
    frames: u64,
    /// Whether the window has the keyboard.
    focused: bool,
    /// An attention lesson a visitor asked for: the window switches to its screen.
    switch_to: Option<crate::lesson::Lesson>,
    /// Self-test drills (`--drill`).
    drill: DrillState,
}

/// What `--drill` needs: its steps, what they saw, its clock and a provoked DPI change.
#[derive(Default)]
struct DrillState {
    steps: Option<Drill>,
    report: DrillReport,
    /// Event-loop ticks since the window opened (the drill's clock).
    ticks: u64,
    /// A DPI change provoked by a drill: egui's pixels per point, instead of the window's.
    scale_override: Option<f32>,
}

impl ApplicationHandler<AccessEvent> for App {
    fn resumed(&mut self, event_loop: &ActiveEventLoop) {
        if self.running.is_some() || self.attention.is_some() {
            return;
        }
        let opened = open_window(event_loop, &self.options, &self.proxy).and_then(|parts| {
            let lesson = self.options.lesson.clone();
            if is_attention(&lesson) {
                let comfort = self.options.comfort;
                attention_window::Running::open(parts, &self.options, lesson, comfort)
                    .map(|a| self.attention = Some(Box::new(a)))
            } else {
                Running::open(parts, &self.options, lesson).map(|r| self.running = Some(r))
            }
        });
        if let Err(e) = opened {
            self.error = Some(e);
            event_loop.exit();
        }
    }

    /// A screen reader arrived (egui starts describing its widgets), acts (a button pressed by
    /// voice or switch), or left.
    fn user_event(&mut self, _event_loop: &ActiveEventLoop, event: AccessEvent) {
        if let Some(a) = self.attention.as_mut() {
            return a.user_event(event);
        }
        let Some(r) = self.running.as_mut() else {
            return;
        };
        let ctx = r.scene.egui_ctx().clone();
        screen_reader_event(event, &ctx, &mut r.egui, &mut r.screen_reader);
        r.window.request_redraw();
    }

    fn window_event(&mut self, event_loop: &ActiveEventLoop, _id: WindowId, event: WindowEvent) {
        if let Some(a) = self.attention.as_mut() {
            a.window_event(event_loop, event, &self.exit);
            return self.switch_screens(event_loop);
        }
        let Some(r) = self.running.as_mut() else {
            return;
        };
        match &event {
            WindowEvent::ModifiersChanged(m) => r.modifiers = m.state(),
            WindowEvent::Focused(focused) => r.focused = *focused,
            WindowEvent::KeyboardInput { event: key, .. } if key.state.is_pressed() => {
                match r.route_key(key) {
                    KeyRoute::Exit => {
                        log::info!("exit chord pressed");
                        self.exit.request();
                        event_loop.exit();
                        return;
                    }
                    KeyRoute::Handled => return,
                    KeyRoute::Pass => {}
                }
            }
            WindowEvent::Touch(_)
            | WindowEvent::MouseWheel { .. }
            | WindowEvent::MouseInput {
                state: ElementState::Pressed,
                ..
            } => r.kiosk_input(),
            _ => {}
        }
        let hidden_key = match &event {
            WindowEvent::KeyboardInput { event, .. } => {
                hide_from_egui(&event.logical_key, r.scene.egui_ctx())
            }
            _ => false,
        };
        let consumed = !hidden_key && r.egui.on_window_event(&r.window, &event).consumed;
        match event {
            // A kiosk stays open unless the exit chord or a signal asked.
            WindowEvent::CloseRequested if r.kiosk.is_some() && !self.exit.requested() => {
                log::info!("close request ignored in kiosk mode");
            }
            WindowEvent::CloseRequested => event_loop.exit(),
            WindowEvent::Resized(size) => r.resize(size.width, size.height),
            WindowEvent::RedrawRequested => r.redraw(),
            // Always track the cursor, so a drag that crosses a card keeps turning the camera.
            WindowEvent::CursorMoved { position, .. } => {
                let layout = r.layout();
                r.input.cursor_moved(
                    Vec2::new(position.x as f32, position.y as f32),
                    &mut r.frame.camera,
                    &layout,
                );
            }
            WindowEvent::MouseInput {
                state: ElementState::Released,
                button,
                ..
            } => {
                let layout = r.layout();
                let left = button == MouseButton::Left;
                if let Gesture::Click(p) = r.input.release(left, &mut r.frame.camera, &r.home) {
                    r.click(p, &layout);
                }
            }
            _ if consumed => {}
            WindowEvent::KeyboardInput { event, .. } if event.state == ElementState::Pressed => {
                let quit = r.key(&event.logical_key);
                if quit {
                    event_loop.exit();
                }
            }
            WindowEvent::CursorLeft { .. } => r.input.cursor_left(),
            WindowEvent::MouseInput { button, .. } => {
                let layout = r.layout();
                let left = button == MouseButton::Left;
                if left || matches!(button, MouseButton::Right | MouseButton::Middle) {
                    r.input.press(left, &layout);
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
        if self.exit.requested() {
            log::info!("exit requested; leaving");
            event_loop.exit();
            return;
        }
        self.switch_screens(event_loop);
        if let Some(a) = self.attention.as_mut() {
            if let Err(e) = a.about_to_wait(event_loop) {
                self.error = Some(e);
                event_loop.exit();
            }
            return;
        }
        let vsync = self.options.vsync;
        let Some(r) = self.running.as_mut() else {
            return;
        };
        r.drill.ticks += 1;
        let ticks = r.drill.ticks;
        let due = r
            .drill
            .steps
            .as_mut()
            .map(|d| d.due(ticks))
            .unwrap_or_default();
        for step in due {
            if r.drill_step(step) {
                event_loop.exit();
                return;
            }
        }
        if r.gfx.health.lost().is_some() {
            match r.rebuild_gpu(event_loop, vsync) {
                Ok(()) => r.rebuild_failures = 0,
                Err(e) => {
                    r.rebuild_failures += 1;
                    log::error!(
                        "rebuilding the GPU after a device loss failed ({} of {}): {e}",
                        r.rebuild_failures,
                        recover::MAX_REBUILD_FAILURES
                    );
                    if r.rebuild_failures >= recover::MAX_REBUILD_FAILURES {
                        // Exit non-zero so a supervisor (systemd) restarts the app.
                        self.error = Some(e);
                        event_loop.exit();
                    } else {
                        event_loop.set_control_flow(ControlFlow::WaitUntil(
                            Instant::now() + Duration::from_secs(1),
                        ));
                    }
                    return;
                }
            }
        }
        if r.gfx.is_zero_size() {
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

impl App {
    /// Moves the window to the screen a visitor asked for: the attention screen for an attention
    /// lesson picked (or own text trained with attention) in the MLP window, the MLP screen for
    /// a lesson picked on the attention screen. A screen that cannot open ends the app with its
    /// message (the lesson was checked before it was asked for).
    fn switch_screens(&mut self, event_loop: &ActiveEventLoop) {
        let to_attention = self.running.as_mut().and_then(|r| r.switch_to.take());
        if let Some(lesson) = to_attention
            && let Some(r) = self.running.take()
        {
            let comfort = r.ui.state.comfort;
            // Own text has no id to come back to; the built-ins do.
            let back_to = Some(r.session.lesson.id.clone())
                .filter(|id| crate::lesson::all_builtin_ids().contains(&id.as_str()))
                .unwrap_or_else(|| "cat-sat".to_owned());
            let parts = r.into_parts();
            match attention_window::Running::open(parts, &self.options, lesson, comfort) {
                Ok(mut a) => {
                    a.back_to = back_to;
                    self.attention = Some(Box::new(a));
                }
                Err(e) => {
                    self.error = Some(e);
                    event_loop.exit();
                }
            }
            return;
        }
        let to_mlp = self.attention.as_mut().and_then(|a| a.switch_to.take());
        if let Some((id, open_lessons)) = to_mlp
            && let Some(a) = self.attention.take()
        {
            let opened = crate::lesson::load(&id)
                .map_err(|e| AppError::Scene(crate::scene::SceneError::Invalid(e.to_string())))
                .and_then(|lesson| Running::open(a.into_parts(), &self.options, lesson));
            match opened {
                Ok(mut r) => {
                    r.ui.state.lessons_open = open_lessons;
                    self.running = Some(r);
                }
                Err(e) => {
                    self.error = Some(e);
                    event_loop.exit();
                }
            }
        }
    }
}

/// The window and its device, handed from one screen to the next (the MLP lessons' and the
/// attention lesson's), with the screen reader's link to the window.
struct WindowParts {
    window: Arc<Window>,
    gfx: WindowGpu,
    accesskit: Option<egui_winit::accesskit_winit::Adapter>,
}

/// Opens the window (hidden until AccessKit's adapter is attached: it must be, before the window
/// shows), its surface and device.
fn open_window(
    event_loop: &ActiveEventLoop,
    options: &AppOptions,
    proxy: &winit::event_loop::EventLoopProxy<AccessEvent>,
) -> Result<WindowParts, AppError> {
    let mut attributes = Window::default_attributes()
        .with_visible(false)
        .with_title("nextword")
        .with_inner_size(winit::dpi::PhysicalSize::new(
            options.size.0,
            options.size.1,
        ));
    if options.fullscreen {
        attributes = attributes.with_fullscreen(Some(Fullscreen::Borderless(None)));
        // A kiosk's X server often runs without a window manager, which is what honours the
        // fullscreen request there: the window also asks for the whole monitor itself.
        if let Some(monitor) = event_loop
            .primary_monitor()
            .or_else(|| event_loop.available_monitors().next())
            && monitor.size().width > 0
            && monitor.size().height > 0
        {
            attributes = attributes
                .with_inner_size(monitor.size())
                .with_position(monitor.position())
                .with_decorations(false);
        }
    }
    let window = Arc::new(event_loop.create_window(attributes)?);
    let gfx = WindowGpu::new(event_loop, &window, options.vsync)?;
    let mut egui = egui_state(&window, &egui::Context::default(), &gfx.gpu.device);
    egui.init_accesskit(event_loop, &window, proxy.clone());
    window.set_visible(true);
    Ok(WindowParts {
        accesskit: egui.accesskit.take(),
        window,
        gfx,
    })
}

/// Fullscreen (borderless) on, or off again, for either screen.
fn toggle_fullscreen(window: &Window) {
    let next = match window.fullscreen() {
        Some(_) => None,
        None => Some(Fullscreen::Borderless(None)),
    };
    window.set_fullscreen(next);
}

/// Clears `view` to black (lecture mode's blank screen).
fn clear_black(encoder: &mut wgpu::CommandEncoder, view: &wgpu::TextureView) {
    encoder.begin_render_pass(&wgpu::RenderPassDescriptor {
        label: Some("App::blank"),
        color_attachments: &[Some(wgpu::RenderPassColorAttachment {
            view,
            depth_slice: None,
            resolve_target: None,
            ops: wgpu::Operations {
                load: wgpu::LoadOp::Clear(wgpu::Color::BLACK),
                store: wgpu::StoreOp::Store,
            },
        })],
        ..Default::default()
    });
}

impl Running {
    /// The MLP lessons' screen on the window `parts`, training `lesson` from epoch 0.
    fn open(
        parts: WindowParts,
        options: &AppOptions,
        lesson: crate::lesson::Lesson,
    ) -> Result<Self, AppError> {
        let WindowParts {
            window,
            gfx,
            accesskit,
        } = parts;
        let gpu = &gfx.gpu;
        let scene = Scene::new(&gpu.device, gfx.format, SceneOptions::default());
        let frame_budget = budget::FrameBudget::for_device(gpu.adapter.get_info().device_type);
        let epochs_per_frame =
            budget::window_epochs(&frame_budget, &lesson).map_err(AppError::TooBig)?;
        let session = LessonSession::from_lesson(&gpu.device, &gpu.queue, lesson)?;
        let mut egui = egui_state(&window, scene.egui_ctx(), &gpu.device);
        egui.accesskit = accesskit;
        let mut ui = LessonUi::new(&session)?;
        ui.state.speed = options.speed as f32;
        // The window opens on the untrained model, paused on step 1; Play (or Next from step 2)
        // starts training. The presenter alone decides when a step changes.
        ui.state.playing = false;
        ui.state.auto_steps = !matches!(options.mode, AppMode::Present);
        let mut frame = session.frame(0.0);
        ui.fill_frame(&mut frame, &session.trainer);
        let (kiosk, kiosk_events) = kiosk_for(&options.mode).unzip();
        let theme = match (&options.mode, &kiosk) {
            (AppMode::Present, _) => Theme::Projector,
            (_, Some(k)) => k.config.theme,
            _ => Theme::Dark,
        };
        // An exhibit starts in its language with its viewing choices, and offers its languages.
        ui.state.comfort = options.comfort;
        ui.state.comfort.touch_scale = touch_scale_for(kiosk.as_ref(), window.inner_size());
        ui.state.apply_palette();
        if let Some(k) = &kiosk {
            crate::i18n::set_language(k.config.language);
            k.welcome_visitor(&mut ui.state);
        }
        // The overlay's type and colours, and the glow, follow the theme.
        ui.state.theme_look = theme.style().look();
        if !theme.style().bloom {
            frame.bloom.enabled = false;
        }
        let mut running = Self {
            window,
            gfx,
            scene,
            session,
            egui,
            input: PointerInput::default(),
            home: frame.camera,
            frame,
            ui,
            budget: frame_budget,
            epochs_per_frame,
            pending: Vec::new(),
            last_readout: Instant::now(),
            capture_next: false,
            auto_rotate: options.auto_rotate,
            started: Instant::now(),
            last_frame: Instant::now(),
            fps_frames: 0,
            screen_reader: false,
            fps_since: Instant::now(),
            modifiers: winit::keyboard::ModifiersState::empty(),
            presenter: presenter_for(&options.mode),
            kiosk,
            rebuild_failures: 0,
            layout: Layout::new(options.size.0, options.size.1),
            frames: 0,
            focused: false,
            drill: DrillState {
                steps: options.drill.clone(),
                ..DrillState::default()
            },
            switch_to: None,
        };
        running.apply_kiosk(kiosk_events.unwrap_or_default());
        Ok(running)
    }

    /// The window's parts, for the next screen.
    fn into_parts(mut self) -> WindowParts {
        WindowParts {
            accesskit: self.egui.accesskit.take(),
            window: self.window,
            gfx: self.gfx,
        }
    }

    /// Where the views are now: the last frame's composition.
    fn layout(&self) -> Layout {
        self.layout
    }

    fn resize(&mut self, width: u32, height: u32) {
        self.gfx.resize(width, height);
        self.ui.state.comfort.touch_scale =
            touch_scale_for(self.kiosk.as_ref(), self.window.inner_size());
    }

    fn reconfigure(&mut self) {
        let size = self.window.inner_size();
        self.resize(size.width, size.height);
    }

    /// A key press from a drill: the overlay's action for it, else the window's.
    fn press(&mut self, key: &winit::keyboard::Key) {
        let action = egui_key(key).and_then(|k| crate::ui::action_for_key(k, false));
        match action {
            Some(action) => self.pending.push(action),
            None => {
                self.key(key);
            }
        }
    }

    /// Handles a window key (the overlay reads its own in its pass); returns true to quit.
    fn key(&mut self, key: &winit::keyboard::Key) -> bool {
        let Some(action) = window_key(key, &self.ui.state, &self.ui.info) else {
            return false;
        };
        match action {
            WindowKey::Quit => return true,
            WindowKey::ToggleFullscreen => self.toggle_fullscreen(),
            WindowKey::LeaveFullscreen => self.window.set_fullscreen(None),
            WindowKey::CameraHome => self.frame.camera = self.home,
            // Every toggle says what it did, for a moment.
            WindowKey::AutoRotate => {
                self.auto_rotate = !self.auto_rotate;
                self.ui.notify(crate::tr!(if self.auto_rotate {
                    "toggle-rotate-on"
                } else {
                    "toggle-rotate-off"
                }));
            }
            WindowKey::Bloom => {
                self.frame.bloom.enabled = !self.frame.bloom.enabled;
                self.ui.notify(crate::tr!(if self.frame.bloom.enabled {
                    "toggle-glow-on"
                } else {
                    "toggle-glow-off"
                }));
            }
            WindowKey::LossLog => {
                self.frame.loss_log = !self.frame.loss_log;
                self.ui.notify(crate::tr!(if self.frame.loss_log {
                    "toggle-log-on"
                } else {
                    "toggle-log-off"
                }));
            }
            WindowKey::RawDims => {
                self.frame.raw_dims = !self.frame.raw_dims;
                self.ui.notify(crate::tr!(if self.frame.raw_dims {
                    "toggle-raw-on"
                } else {
                    "toggle-raw-off"
                }));
            }
            WindowKey::Ui(action) => self.pending.push(action),
        }
        false
    }

    fn toggle_fullscreen(&self) {
        toggle_fullscreen(&self.window);
    }

    /// A click outside the overlay's cards: a word point selects that word everywhere; with the
    /// overlay hidden, a heatmap row selects its pair (otherwise the overlay handles the panels).
    fn click(&mut self, p: Vec2, layout: &Layout) {
        if self.scene.egui_ctx().is_pointer_over_egui() {
            return;
        }
        if let Some(word) = self.scene.pick_word(&self.frame, layout, p) {
            let actions =
                crate::ui::hover::select_word_actions(&self.ui.state, &self.ui.info, word);
            self.pending.extend(actions);
            return;
        }
        let heat = layout.plot(crate::scene::Panel::Heatmap);
        let rows = self.ui.info.recorded.len();
        if self.ui.state.ui_hidden && heat.contains(p) && rows > 0 {
            let row = ((p.y - heat.y) / heat.h * rows as f32) as u32;
            self.pending
                .push(Action::SelectPair(row.min(rows as u32 - 1)));
        }
    }
}

/// The largest texture egui may make (its font atlas grows up to it, then starts over).
const MAX_EGUI_TEXTURE_SIDE: usize = 4096;

/// egui's window state for `window`, sharing the context `ctx` (the scene's or the canvas's).
pub(super) fn egui_state(
    window: &Window,
    ctx: &egui::Context,
    device: &wgpu::Device,
) -> egui_winit::State {
    egui_winit::State::new(
        ctx.clone(),
        egui::ViewportId::ROOT,
        window,
        Some(window.scale_factor() as f32),
        None,
        // egui's font atlas may grow to this side; a small cap keeps a worst case (many sizes of
        // many glyphs) at tens of megabytes, not the adapter's 16k x 16k texture.
        Some((device.limits().max_texture_dimension_2d as usize).min(MAX_EGUI_TEXTURE_SIDE)),
    )
}

/// A screen reader arrived (egui starts describing its widgets to it), acts (a button pressed
/// by voice or switch), or left; `listening` follows.
pub(super) fn screen_reader_event(
    event: AccessEvent,
    ctx: &egui::Context,
    egui: &mut egui_winit::State,
    listening: &mut bool,
) {
    use egui_winit::accesskit_winit::WindowEvent as Access;
    match event.window_event {
        Access::InitialTreeRequested => {
            log::info!("a screen reader is listening");
            ctx.enable_accesskit();
            *listening = true;
        }
        Access::ActionRequested(request) => egui.on_accesskit_action_request(request),
        Access::AccessibilityDeactivated => {
            ctx.disable_accesskit();
            *listening = false;
        }
    }
}

/// The overlay scale that makes tap targets 15 mm on the exhibit's screen (its config gives the
/// screen's width), 1 elsewhere.
fn touch_scale_for(
    kiosk: Option<&crate::kiosk::KioskRuntime>,
    size: winit::dpi::PhysicalSize<u32>,
) -> f32 {
    kiosk
        .and_then(|k| k.config.screen_width_mm)
        .map_or(1.0, |mm| {
            crate::ui::comfort::touch_scale(mm as f32, (size.width, size.height))
        })
}
