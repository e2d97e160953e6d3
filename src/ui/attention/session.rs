//! An attention lesson ready to train and show: the GPU trainer with its history ring, and the
//! [`AttnStory`] the views read, refreshed from that history.
//!
//! How it works: [`AttnSession::new`] checks the lesson's sizes and glyphs before anything is
//! allocated, makes the trainer (every run from its seed, with a history of up to 1,024 slots)
//! and computes the "without attention" ghost once. Training records epoch `e` when it steps
//! from `e`, so [`AttnSession::train_to`] steps one past the epoch it must show. The story's
//! recorded epochs come back either at once ([`AttnSession::read_now`]: `render`, tests) or
//! without ever blocking a frame ([`AttnSession::start_read`] then [`AttnSession::poll`] on
//! later frames: the window).

use super::story::AttnStory;
use crate::engine::attention::AttnTrainer;
use crate::engine::history::EpochSlots;
use crate::gpu::AsyncReader;
use crate::lesson::Lesson;
use crate::model::attention::AttnLesson;
use crate::model::without_attention::ghost_losses;

/// History slots asked for (the budget may grant fewer for big models).
const HISTORY_SLOTS: u32 = 1024;

pub struct AttnSession {
    pub lesson: Lesson,
    pub trainer: AttnTrainer,
    pub story: AttnStory,
    reader: AsyncReader,
    /// The ring's slots when the read in flight was started.
    reading: Option<EpochSlots>,
}

impl AttnSession {
    /// The session of an attention `lesson`; one line of text when it is not one, is too big, or
    /// uses characters the fonts cannot draw.
    pub fn new(device: &wgpu::Device, lesson: Lesson) -> Result<Self, String> {
        let ghost = ghost_losses(&lesson, lesson.epochs);
        Self::with_ghost(device, lesson, ghost)
    }

    /// The same lesson from epoch 0 on a new trainer (on `device`: a restart, or a rebuilt
    /// device), keeping the ghost, which depends on the lesson alone and can take a second.
    pub fn again(&self, device: &wgpu::Device) -> Result<Self, String> {
        Self::with_ghost(device, self.lesson.clone(), self.story.ghost.clone())
    }

    fn with_ghost(
        device: &wgpu::Device,
        lesson: Lesson,
        ghost: Option<Vec<f64>>,
    ) -> Result<Self, String> {
        let attn = Self::check(&lesson)?;
        let trainer = AttnTrainer::from_seeds(
            device,
            attn.dims,
            attn.pairs.clone(),
            lesson.optimizer,
            &lesson.seeds(),
            &lesson.lr_per_run(),
        )
        .with_history(device, HISTORY_SLOTS);
        let story = AttnStory::new(
            lesson.title.clone(),
            attn.vocab,
            attn.dims,
            attn.pairs,
            ghost,
            lesson.epochs,
        );
        Ok(Self {
            lesson,
            trainer,
            story,
            reader: AsyncReader::default(),
            reading: None,
        })
    }

    /// Whether `lesson` can be shown, before anything is allocated: an attention lesson within
    /// the sizes, whose words and title the fonts can draw. One line of text when not.
    pub fn check(lesson: &Lesson) -> Result<AttnLesson, String> {
        let attn = AttnLesson::of(lesson)
            .map_err(|e| e.to_string())?
            .ok_or_else(|| format!("`{}` is not an attention lesson", lesson.id))?;
        attn.check_sizes(lesson.runs.max(1), lesson.epochs)?;
        let mut text: String = lesson.title.all().collect::<Vec<_>>().join(" ");
        for word in &attn.vocab {
            text.push(' ');
            text.push_str(word);
        }
        crate::scene::palette::check_drawable(&text)?;
        Ok(attn)
    }

    /// The newest epoch the history holds once training reaches the trainer's epoch.
    pub fn recorded_through(&self) -> Option<u32> {
        self.trainer.epoch.checked_sub(1)
    }

    /// Trains until `epoch` is recorded.
    pub fn train_to(&mut self, device: &wgpu::Device, queue: &wgpu::Queue, epoch: u32) {
        let need = epoch.saturating_add(1).saturating_sub(self.trainer.epoch);
        if need > 0 {
            self.trainer.train(device, queue, need);
        }
    }

    /// Reads run 0's recorded epochs now (blocking).
    pub fn read_now(&mut self, device: &wgpu::Device, queue: &wgpu::Queue) {
        if let Some(history) = self.trainer.history() {
            self.story.slots = history.read(device, queue, 0);
        }
    }

    /// Starts reading run 0's recorded epochs unless a read is in flight.
    pub fn start_read(&mut self, device: &wgpu::Device, queue: &wgpu::Queue) {
        let Some(history) = self.trainer.history() else {
            return;
        };
        let buffers = history.buffers();
        let ranges: Vec<(&wgpu::Buffer, u64, u64)> = (0..4)
            .map(|i| {
                let (start, len) = history.run_range(i, 0);
                (&buffers[i], start, len)
            })
            .collect();
        if self.reader.start(device, queue, &ranges) {
            self.reading = Some(history.slots);
        }
    }

    /// Takes a finished read into the story; true when one arrived.
    pub fn poll(&mut self, device: &wgpu::Device) -> bool {
        let mut rows: Vec<Vec<f32>> = vec![Vec::new(); 4];
        let arrived = self.reader.poll(device, |i, bytes| {
            rows[i] = bytemuck::pod_collect_to_vec(bytes);
        });
        if let (true, Some(at), Some(history)) = (arrived, self.reading, self.trainer.history()) {
            self.story.slots = history.slots_of_rows(&rows, at);
            self.reading = None;
        }
        arrived
    }
}
