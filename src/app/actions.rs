//! The overlay actions only the window can carry out: loading lessons (the picker, keys 1-9,
//! typed text), reset and restart (a new trainer), fullscreen and screenshots.
//!
//! How it works: every lesson change builds a fresh [`LessonSession`] (trainer and scene info)
//! and tells the overlay ([`crate::ui::LessonUi::lesson_loaded`]); the camera and view toggles
//! stay. A new lesson opens as the window does: untrained, paused, on step 1. Nothing here panics on bad input: a lesson that fails to load or typed text that cannot
//! be trained becomes a friendly message in the overlay.

use std::path::{Path, PathBuf};

use super::Running;
use crate::lesson::Lesson;
use crate::scene::headless::LessonSession;
use crate::scene::target::{OffscreenTarget, write_png};
use crate::tr;
use crate::ui::Action;
use crate::ui::controls::lesson_choices;
use crate::ui::text::check_text;

impl Running {
    /// Carries out an action the overlay's state has already applied its part of.
    pub(super) fn execute(&mut self, action: Action) {
        match action {
            Action::Reset { new_seed } => {
                let mut lesson = self.session.lesson.clone();
                if new_seed {
                    lesson.seed = fresh_seed(lesson.seed);
                }
                self.load(lesson, false);
            }
            Action::Restart { lr, optimizer } => {
                let mut lesson = self.session.lesson.clone();
                lesson.lr = vec![lr];
                lesson.runs = 1;
                lesson.optimizer = optimizer;
                self.load(lesson, false);
            }
            Action::PickLesson(id) => self.load_id(&id),
            Action::PickLessonIndex(n) => {
                if let Some((id, _)) = lesson_choices().get(n) {
                    self.load_id(&id.clone());
                }
            }
            Action::TrainText { text, attention } => match check_text(&text) {
                Ok(lesson) => {
                    let lesson = if attention {
                        match crate::lesson::load_builtin(crate::lesson::ATTENTION_ID) {
                            Ok(base) => lesson.with_model_of(&base),
                            Err(e) => return self.notify_failure(&e.to_string()),
                        }
                    } else {
                        lesson
                    };
                    self.load(lesson, true);
                    self.ui.state.text_error = None;
                }
                Err(message) => {
                    self.ui.state.text_error = Some(message);
                    self.ui.state.lessons_open = true;
                }
            },
            Action::ToggleFullscreen => self.toggle_fullscreen(),
            // The state flipped them; say what they are now.
            Action::ToggleCalmMotion => {
                let on = self.ui.state.comfort.calm_motion;
                self.ui.notify(tr!(if on {
                    "toggle-calm-on"
                } else {
                    "toggle-calm-off"
                }));
            }
            Action::ToggleLargeText => {
                let on = self.ui.state.comfort.large_text;
                self.ui.notify(tr!(if on {
                    "toggle-large-on"
                } else {
                    "toggle-large-off"
                }));
            }
            Action::Screenshot => self.capture_next = true,
            // The state holds the run; the summary and frame follow it.
            _ => {}
        }
    }

    pub(super) fn load_id(&mut self, id: &str) {
        match crate::lesson::load(id) {
            Ok(lesson) => self.load(lesson, true),
            Err(e) => self.notify_failure(&e.to_string()),
        }
    }

    /// Replaces the session with one training `lesson` from epoch 0, paused. A `new_lesson`
    /// starts at step 1, as the window opens; a reset or restart keeps the step.
    fn load(&mut self, lesson: Lesson, new_lesson: bool) {
        // An attention lesson has its own screen: the window switches to it once it checks out.
        if matches!(
            lesson.model.kind,
            crate::lesson::ModelKind::Attention { .. }
        ) {
            return match crate::ui::attention::AttnSession::check(&lesson) {
                Ok(_) => self.switch_to = Some(lesson),
                Err(e) => self.notify_failure(&e),
            };
        }
        // A lesson the window cannot train live is refused; the current one keeps running.
        let epochs_per_frame = match super::budget::window_epochs(&self.budget, &lesson) {
            Ok(n) => n,
            Err(e) => return self.notify_failure(&e),
        };
        let (device, queue) = (&self.gfx.gpu.device, &self.gfx.gpu.queue);
        let session = match LessonSession::from_lesson(device, queue, lesson) {
            Ok(session) => session,
            Err(e) => return self.notify_failure(&e.to_string()),
        };
        if let Err(e) = self.ui.lesson_loaded(&session) {
            return self.notify_failure(&e.to_string());
        }
        self.session = session;
        self.epochs_per_frame = epochs_per_frame;
        let mut frame = self.session.frame(0.0);
        frame.camera = self.frame.camera;
        frame.bloom = self.frame.bloom;
        frame.loss_log = self.frame.loss_log;
        frame.raw_dims = self.frame.raw_dims;
        self.frame = frame;
        self.ui.state.playing = false;
        if new_lesson {
            self.ui.state.step = crate::ui::Step::Task;
        }
    }

    fn notify_failure(&mut self, error: &str) {
        log::warn!("lesson not loaded: {error}");
        self.ui.notify(tr!("lesson-failed", error = error));
    }

    /// Writes the captured frame next to the working directory and says so in the overlay.
    pub(super) fn save_capture(&mut self, capture: &OffscreenTarget) {
        // Named by the epoch whose numbers the picture shows.
        let epoch = self.ui.summary.shown_epoch;
        let path = screenshot_path(Path::new("."), epoch);
        let (w, h) = capture.size;
        let result = capture
            .read_rgba(&self.gfx.gpu.device)
            .and_then(|rgba| write_png(&path, w, h, &rgba));
        let message = match result {
            Ok(()) => {
                log::info!("screenshot {}", path.display());
                tr!("screenshot-saved", path = path.display().to_string())
            }
            Err(e) => {
                log::error!("screenshot: {e}");
                tr!("screenshot-failed", error = e.to_string())
            }
        };
        self.ui.notify(message);
    }
}

/// `dir/nextword-<epoch>.png`, or `-2`, `-3`, … when that file exists.
pub fn screenshot_path(dir: &Path, epoch: u32) -> PathBuf {
    let first = dir.join(format!("nextword-{epoch}.png"));
    if !first.exists() {
        return first;
    }
    (2..)
        .map(|n| dir.join(format!("nextword-{epoch}-{n}.png")))
        .find(|p| !p.exists())
        .unwrap_or(first)
}

/// A seed unlike `old`, from the clock.
fn fresh_seed(old: u64) -> u64 {
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_nanos() as u64);
    let seed = nanos.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 16;
    if seed == old { seed + 1 } else { seed }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn screenshots_never_overwrite() {
        let dir = std::env::temp_dir().join(format!("nextword-shot-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let a = screenshot_path(&dir, 7);
        assert!(a.ends_with("nextword-7.png"));
        std::fs::write(&a, b"x").unwrap();
        assert!(screenshot_path(&dir, 7).ends_with("nextword-7-2.png"));
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
