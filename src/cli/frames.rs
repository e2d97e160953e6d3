//! What `render` and `narrate` check the same way for every model: an epoch within the limit,
//! and a sequence of frames (its count within the limit, its folder made, each frame's place
//! from 0 to 1).

use std::path::Path;

use anyhow::{Context, bail};

/// `epoch` within [`crate::limits::MAX_EPOCHS`].
pub fn check_epoch(epoch: u32) -> anyhow::Result<()> {
    crate::limits::check(
        "--epoch",
        u64::from(epoch),
        u64::from(crate::limits::MAX_EPOCHS),
    )
    .map_err(anyhow::Error::msg)
}

/// Checks `--frames n` (1 to [`crate::limits::MAX_FRAMES`]) and makes the folder `dir`.
pub fn prepare_sequence(n: u32, dir: &Path) -> anyhow::Result<()> {
    if n == 0 {
        bail!("--frames must be at least 1");
    }
    crate::limits::check(
        "--frames",
        u64::from(n),
        u64::from(crate::limits::MAX_FRAMES),
    )
    .map_err(anyhow::Error::msg)?;
    std::fs::create_dir_all(dir).with_context(|| format!("creating {}", dir.display()))
}

/// Where frame `i` of `n` lies in the sequence: 0 for the first, 1 for the last (and for one).
pub fn sequence_place(i: u32, n: u32) -> f32 {
    if n > 1 {
        i as f32 / (n - 1) as f32
    } else {
        1.0
    }
}
