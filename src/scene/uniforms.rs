//! Host-side mirrors of the scene's GPU structs and buffer layouts.
//!
//! `FrameUniforms` is the one uniform every scene shader reads (keep in sync with `struct Frame`
//! in shaders/common/frame.wgsl); `WordStyle` is one entry of the per-word style buffer (colour
//! and selection flags); the `DERIVED_*` and `SUMMARY_*` constants give the layouts of the scene's
//! own derived buffer (PCA basis, value ranges; written by pca.wgsl / ranges.wgsl) and summary
//! buffer (the few numbers read back for labels; written by summary.wgsl).

use bytemuck::{Pod, Zeroable};

/// Keep in sync with `struct Frame` in shaders/common/frame.wgsl.
#[repr(C)]
#[derive(Clone, Copy, Debug, Pod, Zeroable)]
pub struct FrameUniforms {
    pub clip_from_world: [[f32; 4]; 4],
    pub panels: [[f32; 4]; 8],
    pub cards: [[f32; 4]; 8],
    /// xyz: camera eye; w: pixel scale (target height / 1080).
    pub eye: [f32; 4],
    pub runs: u32,
    pub capacity: u32,
    pub vocab: u32,
    pub embed_dim: u32,
    pub hidden: u32,
    pub recorded_pairs: u32,
    pub stride: u32,
    pub slots_filled: u32,
    pub first_epoch: u32,
    pub run: u32,
    pub slot_a: u32,
    pub slot_b: u32,
    pub slot_t: f32,
    pub slot_pos: f32,
    pub playhead: f32,
    pub last_epoch: f32,
    pub pair: u32,
    pub word: u32,
    pub hover_word: u32,
    pub context: u32,
    pub off_w1: u32,
    pub off_b1: u32,
    pub off_w2: u32,
    pub off_b2: u32,
    pub param_count: u32,
    pub flags: u32,
    pub pulse_phase: f32,
    pub time_secs: f32,
    pub target_size: [f32; 2],
    pub pca_slots: u32,
    pub pca_iterations: u32,
    /// Word ids of the selected pair's context (first 4), for the network's input column.
    pub ctx_words: [u32; 4],
    /// Rows of the prediction bars (see `info::bar_rows`); each word's row is in its style.
    pub bar_rows: u32,
    /// The slot whose numbers the frame shows (bars, heatmap, strip, neurons, loss marker).
    pub number_slot: u32,
    pub pad1: u32,
    pub pad2: u32,
}
const _: () = assert!(std::mem::size_of::<FrameUniforms>() == 496);

/// Bits of [`FrameUniforms::flags`]; keep in sync with `FLAG_*` in frame.wgsl.
pub const FLAG_LOSS_LOG: u32 = 1;
pub const FLAG_RAW_DIMS: u32 = 2;
pub const FLAG_HAS_BASIS: u32 = 4;
pub const FLAG_HOVER: u32 = 8;

/// One word's colour and selection flags; keep in sync with `struct WordStyle` in frame.wgsl.
#[repr(C)]
#[derive(Clone, Copy, Debug, Default, Pod, Zeroable, PartialEq)]
pub struct WordStyle {
    /// Linear RGB, a = 1.
    pub color: [f32; 4],
    /// x: a true next word of the selected context (its best possible probability, > 0),
    /// y: in the selected context, z: the focus word, w: row in the prediction bars (-1: hidden).
    pub flags: [f32; 4],
}
const _: () = assert!(std::mem::size_of::<WordStyle>() == 32);

/// Layout of the derived buffer (f32 indices); keep in sync with `D_*` in frame.wgsl.
pub const DERIVED_SCALE: usize = 0;
pub const DERIVED_LOSS_MIN: usize = 4;
pub const DERIVED_LOSS_MAX: usize = 5;
pub const DERIVED_HEADER: usize = 16;

/// Floats in the derived buffer for `embed_dim`.
pub fn derived_len(embed_dim: u32) -> usize {
    DERIVED_HEADER + 4 * embed_dim as usize
}

/// Layout of the summary buffer (f32 indices); keep in sync with summary.wgsl.
pub const SUMMARY_LOSS: usize = 0;
pub const SUMMARY_LOSS_MIN: usize = 1;
pub const SUMMARY_LOSS_MAX: usize = 2;
pub const SUMMARY_EXPLAINED: usize = 3;
pub const SUMMARY_EPOCH: usize = 5;
pub const SUMMARY_VECTOR_WORD: usize = 6;
pub const SUMMARY_HEADER: usize = 8;

/// Floats in the summary buffer: header, V positions (xyz), V probabilities, the vector (D) of the
/// hovered word (else the focus word), the selected pair's hidden activations (H).
pub fn summary_len(vocab: u32, embed_dim: u32, hidden: u32) -> usize {
    SUMMARY_HEADER + 4 * vocab as usize + embed_dim as usize + hidden as usize
}

/// Workgroup limits of the scene's compute shaders; keep in sync with pca.wgsl.
pub const PCA_MAX_DIM: u32 = 128;
