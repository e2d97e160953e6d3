//! The attention lesson's screen in the window: trains it live on the GPU and draws the
//! attention screen ([`crate::ui::attention`]) every frame, with the same surface handling, exit
//! signals, screen reader wiring and themes as the MLP lessons' screen, which hands it the window
//! ([`super::WindowParts`]) and takes it back (the Lessons button).
//!
//! How it works: each frame moves the playhead by the speed (slower through the first half of
//! the lesson, where attention forms, so a visitor can follow it), trains until the epoch under
//! the playhead is recorded (at most [`MAX_EPOCHS_PER_FRAME`] a frame), starts a history read a
//! few times a second and takes one that arrived (never waiting), then runs the screen's egui
//! pass into the surface texture in one encoder with the training. The screen's actions (play,
//! an epoch, restart) are applied here; Esc or Q leave, F toggles fullscreen, Z calms the motion.
//! A lost device is rebuilt and the lesson retrained to where it was.
//!
//! Lecture mode (`--present`): the projector theme, steps only on the presenter's keys (a
//! clicker's PageDown/PageUp or arrows), B or `.` blanks the screen. Exhibit mode (`--kiosk`
//! with a config whose only lesson is an attention lesson): the exhibit's theme, language and
//! viewing choices, the tour plays on its own and loops ([`AttnExhibit`]), the next visitor after
//! the idle time starts over, only the exit chord leaves.

mod drill;

use std::sync::Arc;
use std::time::{Duration, Instant};

use winit::event::WindowEvent;
use winit::event_loop::{ActiveEventLoop, ControlFlow};
use winit::keyboard::{Key, NamedKey};
use winit::window::Window;

use super::surface::WindowGpu;
use super::{AccessEvent, AppError, AppMode, AppOptions, WindowParts, egui_key, egui_state};
use crate::kiosk::attention_exhibit::AttnExhibit;
use crate::kiosk::chord::Pressed;
use crate::kiosk::config::ExhibitConfig;
use crate::kiosk::present::{Presenter, PresenterAction};
use crate::kiosk::{ExitRequest, Theme};
use crate::lesson::Lesson;
use crate::scene::canvas::Canvas;
use crate::scene::target::OffscreenTarget;
use crate::ui::attention::{
    AttnAction, AttnSession, AttnViewState, ScreenMode, attention_ui, auto_step,
};

/// Most epochs one frame trains.
const MAX_EPOCHS_PER_FRAME: u32 = 64;
/// How often the history is read back while training.
const READ_EVERY: Duration = Duration::from_millis(250);
/// Auto-rotation of the 3D space, radians per second.
const TURN_SPEED: f32 = 0.15;
/// The playback speed through the first half of the lesson, as a share of the chosen speed.
const EARLY_PACE: f64 = 0.3;

/// The attention screen in the window (see the module docs).
pub(super) struct Running {
    window: Arc<Window>,
    gfx: WindowGpu,
    canvas: Canvas,
    egui: egui_winit::State,
    session: AttnSession,
    view: AttnViewState,
    look: crate::ui::Look,
    calm: bool,
    auto_rotate: bool,
    playhead: f32,
    speed: f64,
    last_frame: Instant,
    last_read: Instant,
    /// Frames drawn so far (the first ones ask for the keyboard).
    frames: u64,
    /// When a visitor last turned the space by hand.
    last_drag: Option<Instant>,
    /// Frames since `fps_since`, for the fps line in the log (RUST_LOG=info).
    fps_frames: u32,
    fps_since: Instant,
    /// Draw the next frame into a texture and save it as a PNG (S, or a drill).
    capture_next: bool,
    /// Self-test drills (`--drill`): its steps, clock and what it saw.
    drill: drill::AttnDrill,
    /// Training was started once (the steps leave the puzzle).
    started: bool,
    /// When the playhead reached the lesson's end.
    ended_at: Option<Instant>,
    vsync: bool,
    /// Lecture mode's clicker keys and blank screen.
    presenter: Option<Presenter>,
    /// Exhibit mode: its config and clock.
    exhibit: Option<(Box<ExhibitConfig>, AttnExhibit)>,
    modifiers: winit::keyboard::ModifiersState,
    opened: Instant,
    screen_reader: bool,
    /// The MLP lesson a visitor asked for, and whether to open the lessons menu there (the
    /// Lessons button; an MLP exhibit's next visitor): the window switches screens.
    pub switch_to: Option<(String, bool)>,
    /// The MLP lesson the Lessons button goes back to.
    pub back_to: String,
    /// Opened from an exhibit of MLP lessons (a visitor picked this lesson): its next visitor
    /// goes back to the exhibit's attract loop.
    from_mlp_exhibit: bool,
}

impl Running {
    /// The attention screen on the window `parts`, training `lesson` from epoch 0 with the
    /// viewing choices `comfort`.
    pub(super) fn open(
        parts: WindowParts,
        options: &AppOptions,
        lesson: Lesson,
        comfort: crate::ui::Comfort,
    ) -> Result<Self, AppError> {
        let WindowParts {
            window,
            gfx,
            accesskit,
        } = parts;
        let session = AttnSession::new(&gfx.gpu.device, lesson).map_err(AppError::TooBig)?;
        let canvas = Canvas::new(&gfx.gpu.device, gfx.format, false);
        let mut egui = egui_state(&window, &canvas.ctx, &gfx.gpu.device);
        egui.accesskit = accesskit;
        let (theme, comfort, exhibit) = match &options.mode {
            AppMode::Present => (Theme::Projector, comfort, None),
            AppMode::Kiosk(config) => {
                crate::i18n::set_language(config.language);
                let clock = AttnExhibit::new(config.idle_secs);
                // Tap targets 15 mm wide on the exhibit's screen, as on the MLP lessons' screen.
                let size = window.inner_size();
                let comfort = crate::ui::Comfort {
                    touch_scale: config.screen_width_mm.map_or(1.0, |mm| {
                        crate::ui::comfort::touch_scale(mm as f32, (size.width, size.height))
                    }),
                    ..config.comfort
                };
                (config.theme, comfort, Some((config.clone(), clock)))
            }
            AppMode::Normal => (Theme::Dark, comfort, None),
        };
        crate::scene::palette::set_word_palette(comfort.palette());
        // An exhibit of this lesson alone keeps visitors on it; one of MLP lessons (a visitor
        // picked this one from its menu; `options.lesson` is then its MLP lesson) takes them back.
        let from_mlp_exhibit = exhibit.is_some() && !super::is_attention(&options.lesson);
        let presenter = matches!(options.mode, AppMode::Present);
        let mode = match &exhibit {
            Some((config, _)) => ScreenMode {
                languages: config.languages.clone(),
                presenter,
                show_keys: false,
                lessons_button: from_mlp_exhibit,
            },
            None => ScreenMode {
                presenter,
                ..ScreenMode::default()
            },
        };
        // Opens paused on the first step, on the untrained model: Play starts it (an exhibit of
        // this lesson alone plays at once). The steps follow the training, except for a
        // presenter, who moves them.
        let mut view = AttnViewState::new(&session.story, mode);
        view.playing = exhibit.is_some() && !from_mlp_exhibit;
        Ok(Self {
            window,
            gfx,
            canvas,
            egui,
            session,
            view,
            look: comfort.look(theme.style().look()),
            calm: comfort.calm_motion,
            auto_rotate: options.auto_rotate,
            playhead: 0.0,
            speed: options.speed,
            last_frame: Instant::now(),
            last_read: Instant::now() - READ_EVERY,
            frames: 0,
            last_drag: None,
            fps_frames: 0,
            fps_since: Instant::now(),
            capture_next: false,
            drill: drill::AttnDrill::new(options.drill.clone()),
            started: false,
            ended_at: None,
            vsync: options.vsync,
            presenter: view_presenter(&options.mode),
            exhibit,
            modifiers: winit::keyboard::ModifiersState::empty(),
            opened: Instant::now(),
            screen_reader: false,
            switch_to: None,
            back_to: "cat-sat".to_owned(),
            from_mlp_exhibit,
        })
    }

    /// The window's parts, for the next screen.
    pub(super) fn into_parts(mut self) -> WindowParts {
        WindowParts {
            accesskit: self.egui.accesskit.take(),
            window: self.window,
            gfx: self.gfx,
        }
    }

    /// The epochs per second at the playhead.
    fn pace(&self) -> f64 {
        if (self.playhead as f64) < f64::from(self.session.lesson.epochs) / 2.0 {
            self.speed * EARLY_PACE
        } else {
            self.speed
        }
    }

    fn redraw(&mut self) {
        let now = Instant::now();
        let dt = (now - self.last_frame).as_secs_f32().min(0.25);
        self.last_frame = now;
        if self.gfx.is_zero_size() || self.gfx.health.lost().is_some() {
            return;
        }
        self.frames += 1;
        if self.frames <= 3 {
            super::focus::take_keyboard_focus(&self.window);
        }
        if let Some((config, clock)) = &mut self.exhibit {
            let secs = (now - self.opened).as_secs_f64();
            if let Some(why) = clock.tick(secs, self.playhead, self.session.lesson.epochs) {
                if self.from_mlp_exhibit {
                    log::info!("back to the exhibit's lessons ({why:?})");
                    self.switch_to = Some((config.lessons[0].clone(), false));
                    return;
                }
                log::info!("the attention exhibit starts over ({why:?})");
                crate::i18n::set_language(config.language);
                self.start_over();
                self.view.playing = true;
            }
        }
        let total = self.session.lesson.epochs as f32;
        if self.view.playing {
            self.playhead = (self.playhead + (self.pace() as f32) * dt).min(total);
            if self.playhead >= total {
                self.view.playing = false;
            }
        }
        if self.view.playing {
            self.started = true;
        }
        if self.playhead >= total {
            self.ended_at.get_or_insert(now);
        } else {
            self.ended_at = None;
        }
        if self.view.auto_steps {
            let since_end = self.ended_at.map_or(0.0, |t| (now - t).as_secs_f32());
            self.view.step = auto_step(
                self.playhead,
                self.session.lesson.epochs,
                self.started,
                since_end,
            );
        }
        // The space turns by itself unless calm, or a visitor turned it by hand lately.
        if std::mem::take(&mut self.view.dragged) {
            self.last_drag = Some(now);
        }
        let handled = self
            .last_drag
            .is_some_and(|t| now - t < Duration::from_secs(4));
        if self.auto_rotate && !self.calm && !handled {
            self.view.yaw += TURN_SPEED * dt;
        }
        let (device, queue) = (&self.gfx.gpu.device, &self.gfx.gpu.queue);
        // Train toward the playhead, a bounded number of epochs a frame.
        let want = (self.playhead.ceil() as u32).min(
            self.session
                .trainer
                .epoch
                .saturating_add(MAX_EPOCHS_PER_FRAME - 1),
        );
        self.session.train_to(device, queue, want);
        self.session.poll(device);
        let stale = self.session.story.last_epoch() < want || self.session.story.slots.is_empty();
        if stale && self.last_read.elapsed() >= READ_EVERY {
            self.session.start_read(device, queue);
            self.last_read = now;
        }
        let size = (self.gfx.config.width, self.gfx.config.height);
        // A screenshot draws into a texture of the surface's format instead of the surface.
        let capture = std::mem::take(&mut self.capture_next)
            .then(|| OffscreenTarget::with_format(device, size, self.gfx.format));
        let texture = match &capture {
            Some(_) => None,
            None => match self.gfx.surface.get_current_texture() {
                wgpu::CurrentSurfaceTexture::Success(t)
                | wgpu::CurrentSurfaceTexture::Suboptimal(t) => Some(t),
                wgpu::CurrentSurfaceTexture::Outdated | wgpu::CurrentSurfaceTexture::Lost => {
                    self.gfx.recreate_surface(&self.window);
                    return;
                }
                _ => return,
            },
        };
        let view = match (&capture, &texture) {
            (Some(target), _) => target.view.clone(),
            (None, Some(texture)) => texture
                .texture
                .create_view(&wgpu::TextureViewDescriptor::default()),
            (None, None) => return,
        };
        let input = self.egui.take_egui_input(&self.window);
        let mut encoder = device.create_command_encoder(&wgpu::CommandEncoderDescriptor {
            label: Some("attention frame"),
        });
        let mut actions = Vec::new();
        let (story, state, look, playhead) = (
            &self.session.story,
            &mut self.view,
            self.look,
            self.playhead,
        );
        let blank = self.presenter.as_ref().is_some_and(|p| p.blank);
        let output = if blank {
            // Lecture mode's black screen: the card and views wait.
            super::clear_black(&mut encoder, &view);
            None
        } else {
            Some(
                self.canvas
                    .frame(device, queue, &mut encoder, &view, size, input, |ctx| {
                        look.install(ctx);
                        actions = attention_ui(ctx, story, state, playhead);
                    }),
            )
        };
        if let Some(target) = &capture {
            target.encode_readback(&mut encoder);
        }
        queue.submit([encoder.finish()]);
        if let Some(texture) = texture {
            queue.present(texture);
        }
        if let Some(target) = &capture {
            self.save_screenshot(target);
        }
        self.drill.frames_since_rebuild += 1;
        self.count_frame();
        if let Some(output) = output {
            self.egui.handle_platform_output(&self.window, output);
        }
        for action in actions {
            self.apply(action);
        }
    }

    /// Logs the frame rate every 5 s (`RUST_LOG=nextword=info`).
    fn count_frame(&mut self) {
        self.fps_frames += 1;
        let secs = self.fps_since.elapsed().as_secs_f64();
        if secs >= 5.0 {
            log::info!(
                "{:.1} fps at {}x{}, attention epoch {}",
                f64::from(self.fps_frames) / secs,
                self.gfx.config.width,
                self.gfx.config.height,
                self.session.trainer.epoch
            );
            self.fps_frames = 0;
            self.fps_since = Instant::now();
        }
    }

    fn apply(&mut self, action: AttnAction) {
        match action {
            AttnAction::TogglePlay => {
                if !self.view.playing && self.playhead >= self.session.lesson.epochs as f32 {
                    self.playhead = 0.0;
                }
                self.view.playing = !self.view.playing;
            }
            AttnAction::ShowEpoch(epoch) => {
                self.view.playing = false;
                self.playhead = epoch as f32;
            }
            AttnAction::Restart => self.start_over(),
            AttnAction::Lessons => self.switch_to = Some((self.back_to.clone(), true)),
        }
    }

    /// The lesson from epoch 0 on a new trainer, the view as it opened (a new visitor, a loop,
    /// or R).
    fn start_over(&mut self) {
        match self.session.again(&self.gfx.gpu.device) {
            Ok(session) => {
                self.view = AttnViewState::new(&session.story, self.view.mode.clone());
                self.view.playing = false;
                self.session = session;
                self.playhead = 0.0;
                self.started = false;
                self.ended_at = None;
                self.last_read = Instant::now() - READ_EVERY;
            }
            Err(e) => log::error!("restarting the lesson: {e}"),
        }
    }

    /// After a device loss: a new device, canvas and trainer, retrained to where it was.
    fn rebuild(&mut self, event_loop: &ActiveEventLoop) -> Result<(), AppError> {
        let gfx = WindowGpu::new(event_loop, &self.window, self.vsync)?;
        let mut session = self
            .session
            .again(&gfx.gpu.device)
            .map_err(AppError::DeviceLost)?;
        let epoch = self.playhead.ceil() as u32;
        session.train_to(&gfx.gpu.device, &gfx.gpu.queue, epoch);
        session.read_now(&gfx.gpu.device, &gfx.gpu.queue);
        self.drill.rebuilt(epoch);
        let canvas = Canvas::new(&gfx.gpu.device, gfx.format, false);
        if self.screen_reader {
            canvas.ctx.enable_accesskit();
        }
        let accesskit = self.egui.accesskit.take();
        self.egui = egui_state(&self.window, &canvas.ctx, &gfx.gpu.device);
        self.egui.accesskit = accesskit;
        self.canvas = canvas;
        self.session = session;
        self.gfx = gfx;
        log::warn!("GPU device rebuilt; the attention lesson carries on from epoch {epoch}");
        Ok(())
    }

    /// A key press before egui sees it: the exit chord and the keys an exhibit swallows, the
    /// presenter's clicker keys. True when it is handled here (egui does not get it).
    fn route_key(&mut self, event: &winit::event::KeyEvent) -> (bool, bool) {
        if let Some((config, clock)) = &mut self.exhibit {
            clock.input((Instant::now() - self.opened).as_secs_f64());
            if config
                .exit_chord
                .matches(&Pressed::from_winit(event, self.modifiers))
            {
                return (true, true);
            }
            let swallowed = matches!(
                &event.logical_key,
                Key::Named(NamedKey::Escape | NamedKey::F11)
            ) || matches!(&event.logical_key, Key::Character(c) if ["q", "f", "r"].contains(&c.to_lowercase().as_str()));
            return (false, swallowed);
        }
        if let Some(presenter) = &mut self.presenter {
            let shift = self.modifiers.shift_key();
            let Some(key) = egui_key(&event.logical_key) else {
                return (false, false);
            };
            match presenter.key(key, shift) {
                Some(PresenterAction::SetBlank(blank)) => {
                    log::info!("presenter: blank {blank}");
                    return (false, true);
                }
                // The screen reads the step keys itself; while blank they only unblank.
                _ if presenter.blank => return (false, true),
                _ => {}
            }
        }
        (false, false)
    }

    /// Keys the screen does not read itself; true to quit.
    fn key(&mut self, key: &Key) -> bool {
        if self.exhibit.is_some() {
            return false;
        }
        match key {
            Key::Named(NamedKey::Escape) => return true,
            Key::Character(c) if c.eq_ignore_ascii_case("q") => return true,
            Key::Character(c) if c.eq_ignore_ascii_case("f") => {
                super::toggle_fullscreen(&self.window)
            }
            Key::Character(c) if c.eq_ignore_ascii_case("z") => self.calm = !self.calm,
            Key::Character(c) if c.eq_ignore_ascii_case("s") => self.capture_next = true,
            _ => {}
        }
        false
    }
}

fn view_presenter(mode: &AppMode) -> Option<Presenter> {
    matches!(mode, AppMode::Present).then(Presenter::default)
}

/// The window's events for the attention screen (the [`super::App`] hands them over).
impl Running {
    pub(super) fn user_event(&mut self, event: AccessEvent) {
        let ctx = self.canvas.ctx.clone();
        super::screen_reader_event(event, &ctx, &mut self.egui, &mut self.screen_reader);
        self.window.request_redraw();
    }

    pub(super) fn window_event(
        &mut self,
        event_loop: &ActiveEventLoop,
        event: WindowEvent,
        exit: &ExitRequest,
    ) {
        match &event {
            WindowEvent::ModifiersChanged(m) => self.modifiers = m.state(),
            WindowEvent::KeyboardInput { event: key, .. } if key.state.is_pressed() => {
                let (leave, handled) = self.route_key(key);
                if leave {
                    log::info!("exit chord pressed");
                    exit.request();
                    event_loop.exit();
                    return;
                }
                if handled {
                    return;
                }
            }
            WindowEvent::Touch(_)
            | WindowEvent::MouseWheel { .. }
            | WindowEvent::MouseInput { .. } => {
                if let Some((_, clock)) = &mut self.exhibit {
                    clock.input((Instant::now() - self.opened).as_secs_f64());
                }
            }
            _ => {}
        }
        let consumed = self.egui.on_window_event(&self.window, &event).consumed;
        match event {
            WindowEvent::CloseRequested if self.exhibit.is_some() && !exit.requested() => {
                log::info!("close request ignored in kiosk mode");
            }
            WindowEvent::CloseRequested => event_loop.exit(),
            WindowEvent::Resized(size) => self.gfx.resize(size.width, size.height),
            WindowEvent::RedrawRequested => self.redraw(),
            WindowEvent::KeyboardInput { event, .. }
                if !consumed && event.state.is_pressed() && self.key(&event.logical_key) =>
            {
                event_loop.exit();
            }
            _ => {}
        }
    }

    /// Drill steps, device loss, and the next frame; an error ends the app.
    pub(super) fn about_to_wait(&mut self, event_loop: &ActiveEventLoop) -> Result<(), AppError> {
        for step in self.drill.due() {
            if self.drill_step(step) {
                event_loop.exit();
                return Ok(());
            }
        }
        if let Some(lost) = self.gfx.health.lost() {
            log::error!("the GPU device was lost ({lost}); rebuilding");
            // An error exits non-zero, so a supervisor (systemd) restarts the app.
            self.rebuild(event_loop)?;
        }
        event_loop.set_control_flow(ControlFlow::Poll);
        self.window.request_redraw();
        Ok(())
    }
}
