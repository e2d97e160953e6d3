//! The model writes on the GPU: MODEL.md's sampling over the parameters of one epoch
//! (shaders/engine/sample.wgsl), a whole sentence per submit.
//!
//! How it works: a [`Sampler`] belongs to one trainer (it binds its current parameters and its
//! parameter history) and holds the buffers for up to [`MAX_WRITTEN_WORDS`] words. [`Sampler::write`]
//! uploads the prompt's word ids and one uniform draw per word (from [`SeededRng`] seeded with
//! the caller's seed, `next_f64`, as the CPU reference draws them), encodes five dispatches per
//! word, submits once, and reads back every step's distribution and the written words. The
//! words are drawn on the GPU; the CPU only supplies the random numbers.

use super::Trainer;
use super::kernel::KernelSet;
use super::shader_source::sample_source;
use crate::model::Dims;
use crate::model::sample::Sampling;
use crate::rng::SeededRng;

/// The most words one call writes.
pub const MAX_WRITTEN_WORDS: usize = 256;
/// The most words of prompt one call reads.
pub const MAX_PROMPT_WORDS: usize = 256;

/// Keep in sync with `struct Request` in shaders/engine/sample.wgsl.
#[repr(C)]
#[derive(Clone, Copy, Debug, Default, bytemuck::Pod, bytemuck::Zeroable)]
struct Request {
    run: u32,
    slot: u32,
    use_history: u32,
    capacity: u32,
    prompt_len: u32,
    steps: u32,
    top_k: u32,
    greedy: u32,
    temperature: f32,
    _pad0: u32,
    _pad1: u32,
    _pad2: u32,
}
const _: () = assert!(std::mem::size_of::<Request>() == 48);

/// Which parameters write.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ModelAt {
    /// The parameters now (after every epoch trained).
    Current,
    /// The parameters recorded at this history slot.
    Slot(u32),
}

/// One written word: the distribution it was drawn from and the word.
#[derive(Clone, Debug, PartialEq)]
pub struct Written {
    pub probs: Vec<f32>,
    pub word: u32,
}

pub struct Sampler {
    kernels: KernelSet,
    dims: Dims,
    randoms: wgpu::Buffer,
    tokens: wgpu::Buffer,
    cursor: wgpu::Buffer,
    out_probs: wgpu::Buffer,
}

/// Why the model cannot write.
#[derive(Debug, thiserror::Error, PartialEq)]
pub enum SampleError {
    #[error("the prompt has {got} word(s); this model reads the last {need}")]
    PromptTooShort { got: usize, need: usize },
    #[error("the prompt has {got} words, more than the {max} the model reads here")]
    PromptTooLong { got: usize, max: usize },
    #[error("{got} words to write, more than the {max} of one call")]
    TooManyWords { got: usize, max: usize },
    #[error("the temperature must be a finite number of at least 0, got {0}")]
    BadTemperature(f64),
    #[error("top-k must be between 1 and the {vocab} words of the vocabulary, got {got}")]
    BadTopK { got: usize, vocab: usize },
}

fn storage(device: &wgpu::Device, label: &str, bytes: u64) -> wgpu::Buffer {
    device.create_buffer(&wgpu::BufferDescriptor {
        label: Some(label),
        size: bytes.max(4),
        usage: wgpu::BufferUsages::STORAGE
            | wgpu::BufferUsages::COPY_DST
            | wgpu::BufferUsages::COPY_SRC,
        mapped_at_creation: false,
    })
}

impl Sampler {
    /// A sampler for `trainer`'s model.
    pub fn new(device: &wgpu::Device, trainer: &Trainer) -> Self {
        let setup = trainer.setup();
        let dims = setup.dims;
        let (v, h) = (dims.vocab as u64, dims.hidden as u64);
        let steps = MAX_WRITTEN_WORDS as u64;
        let randoms = storage(device, "Sampler::randoms", steps * 4);
        let tokens = storage(
            device,
            "Sampler::tokens",
            (MAX_PROMPT_WORDS as u64 + steps) * 4,
        );
        let cursor = storage(device, "Sampler::cursor", 4);
        let hidden = storage(device, "Sampler::hidden", h * 4);
        let scores = storage(device, "Sampler::scores", v * 4);
        let ranks = storage(device, "Sampler::ranks", v * 4);
        let out_probs = storage(device, "Sampler::probs", steps * v * 4);
        let b = trainer.buffers();
        let source = sample_source(&dims, setup.activation, setup.optimizer);
        let kernels = KernelSet::new(
            device,
            "Sampler",
            &source,
            &["cs_hidden", "cs_logits", "cs_rank", "cs_probs", "cs_draw"],
            std::mem::size_of::<Request>() as u64,
            1,
            &[
                (&b.params, true),
                (&b.hist_params, true),
                (&randoms, true),
                (&tokens, false),
                (&cursor, false),
                (&hidden, false),
                (&scores, false),
                (&ranks, false),
                (&out_probs, false),
            ],
        );
        Self {
            kernels,
            dims,
            randoms,
            tokens,
            cursor,
            out_probs,
        }
    }

    /// Checks a request (one clear reason when it cannot be written).
    pub fn check(
        dims: &Dims,
        prompt: &[u32],
        words: usize,
        sampling: Sampling,
    ) -> Result<(), SampleError> {
        if prompt.len() < dims.context {
            return Err(SampleError::PromptTooShort {
                got: prompt.len(),
                need: dims.context,
            });
        }
        if prompt.len() > MAX_PROMPT_WORDS {
            return Err(SampleError::PromptTooLong {
                got: prompt.len(),
                max: MAX_PROMPT_WORDS,
            });
        }
        if words > MAX_WRITTEN_WORDS {
            return Err(SampleError::TooManyWords {
                got: words,
                max: MAX_WRITTEN_WORDS,
            });
        }
        if !(sampling.temperature.is_finite() && sampling.temperature >= 0.0) {
            return Err(SampleError::BadTemperature(sampling.temperature));
        }
        if let Some(k) = sampling.top_k
            && !(1..=dims.vocab).contains(&k)
        {
            return Err(SampleError::BadTopK {
                got: k,
                vocab: dims.vocab,
            });
        }
        Ok(())
    }

    /// Writes `words` words after `prompt` (word ids) with run `run`'s model `at`, drawing with
    /// the generator seeded with `seed`. Blocks until the GPU is done.
    #[allow(clippy::too_many_arguments)]
    pub fn write(
        &mut self,
        device: &wgpu::Device,
        queue: &wgpu::Queue,
        trainer: &Trainer,
        run: u32,
        at: ModelAt,
        prompt: &[u32],
        words: usize,
        sampling: Sampling,
        seed: u64,
    ) -> Result<Vec<Written>, SampleError> {
        Self::check(&self.dims, prompt, words, sampling)?;
        if words == 0 {
            return Ok(Vec::new());
        }
        let mut rng = SeededRng::new(seed);
        let randoms: Vec<f32> = (0..words).map(|_| rng.next_f64() as f32).collect();
        queue.write_buffer(&self.randoms, 0, bytemuck::cast_slice(&randoms));
        queue.write_buffer(&self.tokens, 0, bytemuck::cast_slice(prompt));
        queue.write_buffer(&self.cursor, 0, bytemuck::bytes_of(&0u32));
        let layout = trainer.layout();
        let (use_history, slot) = match at {
            ModelAt::Current => (0, 0),
            ModelAt::Slot(s) => (1, s.min(layout.slots_filled.saturating_sub(1))),
        };
        let greedy = sampling.temperature <= 0.0;
        let request = Request {
            run: run.min(layout.runs.saturating_sub(1)),
            slot,
            use_history,
            capacity: layout.capacity,
            prompt_len: prompt.len() as u32,
            steps: words as u32,
            top_k: sampling.top_k.unwrap_or(self.dims.vocab) as u32,
            greedy: u32::from(greedy),
            temperature: if greedy {
                1.0
            } else {
                sampling.temperature as f32
            },
            ..Request::default()
        };
        let mut encoder = device.create_command_encoder(&wgpu::CommandEncoderDescriptor {
            label: Some("Sampler::write"),
        });
        {
            let mut pass = encoder.begin_compute_pass(&wgpu::ComputePassDescriptor {
                label: Some("Sampler::write"),
                timestamp_writes: None,
            });
            self.kernels
                .bind_block(queue, &mut pass, bytemuck::bytes_of(&request));
            let groups = |n: usize| (n as u32).div_ceil(64).max(1);
            let (h, v) = (self.dims.hidden, self.dims.vocab);
            for _ in 0..words {
                for (i, count) in [groups(h), groups(v), groups(v), 1, 1]
                    .into_iter()
                    .enumerate()
                {
                    pass.set_pipeline(&self.kernels.pipelines[i]);
                    pass.dispatch_workgroups(count, 1, 1);
                }
            }
        }
        queue.submit([encoder.finish()]);
        let v = self.dims.vocab;
        let probs = crate::gpu::read_buffer_f32(device, queue, &self.out_probs, 0, words * v);
        let tokens = crate::gpu::read_buffer_u32(device, queue, &self.tokens, prompt.len(), words);
        Ok(tokens
            .iter()
            .zip(probs.chunks(v))
            .map(|(&word, p)| Written {
                probs: p.to_vec(),
                word,
            })
            .collect())
    }
}
