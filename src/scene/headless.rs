//! Headless rendering: the same [`Scene`] as the window, drawn into an offscreen texture and read
//! back as RGBA8 (for PNGs, tests and the benchmark), plus [`LessonSession`], a lesson with its
//! trainer and scene info, shared by `nextword render`, the window and the benchmark.
//!
//! How it works: a headless frame first runs the scene's compute passes and waits for their
//! summary (so labels match the pixels), then encodes the views, bloom, tonemap and egui into the
//! offscreen texture, copies it into a readback buffer in the same submit, and waits for the map.

use super::target::{OFFSCREEN_FORMAT, OffscreenTarget};
use super::{Scene, SceneError, SceneFrame, SceneInfo, SceneInputs, SceneOptions, headless_input};
use crate::engine::{Trainer, TrainingSetup};
use crate::lesson::Lesson;

pub struct HeadlessRenderer {
    pub scene: Scene,
    target: OffscreenTarget,
}

impl HeadlessRenderer {
    pub fn new(device: &wgpu::Device, size: (u32, u32), options: SceneOptions) -> Self {
        Self {
            scene: Scene::new(device, OFFSCREEN_FORMAT, options),
            target: OffscreenTarget::new(device, size),
        }
    }

    pub fn size(&self) -> (u32, u32) {
        self.target.size
    }

    /// Renders one frame and returns its pixels (RGBA8, rows top to bottom).
    pub fn render(
        &mut self,
        device: &wgpu::Device,
        queue: &wgpu::Queue,
        inputs: &SceneInputs<'_>,
        frame: &SceneFrame,
    ) -> Result<Vec<u8>, SceneError> {
        self.render_with_ui(device, queue, inputs, frame, None::<fn(&egui::Context)>)
    }

    /// Runs `ui` for a few egui passes of `frame`'s composition without drawing, so its cards
    /// settle at their final size.
    pub fn settle_ui(
        &mut self,
        device: &wgpu::Device,
        queue: &wgpu::Queue,
        frame: &SceneFrame,
        ui: impl FnMut(&egui::Context),
    ) {
        let size = self.target.size;
        let layout = frame.layout(size);
        self.scene
            .settle_egui(device, queue, &layout, &headless_input(size), 2, ui);
    }

    /// Renders one frame with an egui overlay painted by `ui` (e.g. the lesson overlay), settled
    /// first so its cards show at their final size, and returns its pixels.
    pub fn render_with_ui(
        &mut self,
        device: &wgpu::Device,
        queue: &wgpu::Queue,
        inputs: &SceneInputs<'_>,
        frame: &SceneFrame,
        mut ui: Option<impl FnMut(&egui::Context)>,
    ) -> Result<Vec<u8>, SceneError> {
        let size = self.target.size;
        let layout = frame.layout(size);
        self.scene
            .prepare_blocking(device, queue, inputs, frame, &layout);
        if let Some(ui) = ui.as_mut() {
            self.scene
                .settle_egui(device, queue, &layout, &headless_input(size), 2, ui);
        }
        let mut encoder = device.create_command_encoder(&wgpu::CommandEncoderDescriptor {
            label: Some("HeadlessRenderer::frame"),
        });
        self.scene.encode_frame(
            device,
            queue,
            &mut encoder,
            inputs,
            frame,
            &self.target.view,
            &layout,
            headless_input(size),
            |ctx| {
                if let Some(ui) = ui.as_mut() {
                    ui(ctx);
                }
            },
        );
        self.target.encode_readback(&mut encoder);
        queue.submit([encoder.finish()]);
        self.scene.after_submit();
        self.target.read_rgba(device)
    }
}

/// A lesson ready to train and draw.
pub struct LessonSession {
    pub lesson: Lesson,
    pub info: SceneInfo,
    pub trainer: Trainer,
}

impl LessonSession {
    /// Loads `lesson_id` (a built-in id or a path) and creates its trainer at epoch 0.
    pub fn new(
        device: &wgpu::Device,
        queue: &wgpu::Queue,
        lesson_id: &str,
    ) -> Result<Self, SceneError> {
        let lesson =
            crate::lesson::load(lesson_id).map_err(|e| SceneError::Invalid(e.to_string()))?;
        Self::from_lesson(device, queue, lesson)
    }

    /// The session of `lesson`, to be drawn: a lesson whose words or title the fonts cannot draw
    /// (they would show as boxes) is refused with the characters named.
    pub fn from_lesson(
        device: &wgpu::Device,
        queue: &wgpu::Queue,
        lesson: Lesson,
    ) -> Result<Self, SceneError> {
        let mut text: String = lesson
            .title
            .all()
            .chain(lesson.description.all())
            .collect::<Vec<_>>()
            .join(" ");
        // The words, as the tokenizer keeps them (emoji and punctuation never reach the screen).
        for sentence in &lesson.sentences {
            for word in crate::lesson::tokenize(sentence) {
                text.push(' ');
                text.push_str(&word);
            }
        }
        super::palette::check_drawable(&text).map_err(SceneError::Invalid)?;
        Self::for_text(device, queue, lesson)
    }

    /// The session of `lesson` when nothing is drawn (narration and writing as text): any
    /// characters.
    pub fn for_text(
        device: &wgpu::Device,
        queue: &wgpu::Queue,
        lesson: Lesson,
    ) -> Result<Self, SceneError> {
        lesson
            .mlp_only("the MLP scene")
            .map_err(SceneError::Invalid)?;
        let corpus = lesson
            .corpus()
            .map_err(|e| SceneError::Invalid(e.to_string()))?;
        let setup = TrainingSetup::from_lesson(&lesson, &corpus);
        let trainer =
            Trainer::new(device, queue, &setup).map_err(|e| SceneError::Invalid(e.to_string()))?;
        let info = SceneInfo::from_setup(&lesson.title, &corpus.vocab, &setup, lesson.epochs);
        Ok(Self {
            lesson,
            info,
            trainer,
        })
    }

    pub fn inputs(&self) -> SceneInputs<'_> {
        SceneInputs {
            history: self.trainer.history(),
            params: self.trainer.params_buffer(),
            info: &self.info,
        }
    }

    /// A frame at `playhead` with the lesson's epoch count and the trainer's progress filled in.
    pub fn frame(&self, playhead: f32) -> SceneFrame {
        let mut frame = SceneFrame::new(playhead);
        frame.total_epochs = self.lesson.epochs;
        frame.trained_epochs = self.trainer.epoch();
        frame
    }
}
