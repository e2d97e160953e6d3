//! Every bound on what the app accepts, in one place: the sizes of files, texts, vocabularies,
//! models, runs and epochs, and of rendered frames. Inputs are checked against these before
//! anything is allocated; going past one is one clear line naming the limit and the value.
//! README's "Limits" table lists the same figures.
//!
//! How it works: the constants are the limits; [`check`] compares a value with one and writes the
//! message; [`read_bounded`] reads a file only when it is a regular file no larger than its
//! limit (never a FIFO, a device or a directory, so `/dev/zero` or a pipe cannot hang or exhaust
//! memory); [`parse_size`] reads `WIDTHxHEIGHT` within [`MAX_FRAME_SIDE`].

use std::io::Read;
use std::path::Path;

/// Bytes of a lesson file.
pub const MAX_LESSON_FILE_BYTES: u64 = 4 << 20;
/// Bytes of an exhibit (kiosk) config.
pub const MAX_CONFIG_FILE_BYTES: u64 = 256 << 10;
/// Characters of a lesson's text, typed (`--text`, `--text-file`, the window's box) or in a file.
pub const MAX_TEXT_CHARS: usize = 200_000;
/// Words (tokens) of a lesson's text.
pub const MAX_WORDS: usize = 60_000;
/// Distinct words of a lesson.
pub const MAX_VOCAB: usize = 5_000;
/// Training pairs of a lesson (the engine's loss phase sums them in one loop).
pub const MAX_PAIRS: usize = 60_000;
/// Width of an embedding vector.
pub const MAX_EMBED_DIM: usize = 256;
/// Neurons of the hidden layer.
pub const MAX_HIDDEN: usize = 1024;
/// Words of context (MLP) or attention window.
pub const MAX_CONTEXT: usize = 16;
/// Parallel runs of one lesson.
pub const MAX_RUNS: usize = 4096;
/// Epochs of one lesson or one command.
pub const MAX_EPOCHS: u32 = 10_000_000;
/// Parameters of one run.
pub const MAX_PARAMETERS: usize = 16_000_000;
/// Parameters of all runs together (each run's weights, gradients and optimizer state are held
/// on the GPU and, at the start, on the host).
pub const MAX_TOTAL_PARAMETERS: usize = 32_000_000;
/// Numbers one epoch's records may hold (the attention engine's loss, probabilities and
/// attention weights of every run and pair: 64 MB).
pub const MAX_RECORD_FLOATS: usize = 16_000_000;
/// Multiply-adds one attention run may take (`train`, `generate`): one thread walks all of a
/// run's pairs, about a minute on one core of a software GPU.
pub const MAX_ATTENTION_WORK: f64 = 2e10;
/// Loop iterations one GPU invocation may run per dispatch: Mesa's software drivers (lavapipe,
/// llvmpipe) silently end an invocation after 65,535 loop iterations in total, so every kernel
/// with loops splits its work to stay below this, on any GPU.
pub const LOOP_BUDGET: u64 = 60_000;
/// Pixels on a side of a rendered frame or window: egui's glyph atlas holds the text of frames up
/// to this size (beyond it the labels' glyphs no longer fit and garble).
pub const MAX_FRAME_SIDE: u32 = 4096;
/// Smallest side of a frame.
pub const MIN_FRAME_SIDE: u32 = 16;
/// Frames of one `render --frames` sequence.
pub const MAX_FRAMES: u32 = 100_000;

/// `Err` naming `what`, its value and the limit when `value > max`.
pub fn check(what: &str, value: u64, max: u64) -> Result<(), String> {
    if value > max {
        return Err(format!("{what} is {value}, more than the limit of {max}"));
    }
    Ok(())
}

/// Why a bounded read failed.
#[derive(Debug, thiserror::Error)]
pub enum ReadError {
    #[error("{path}: cannot read {what}: {source}")]
    Io {
        path: String,
        what: &'static str,
        source: std::io::Error,
    },
    #[error("{path}: not a regular file (a directory, pipe or device cannot be read as {what})")]
    NotAFile { path: String, what: &'static str },
    #[error("{path}: {bytes} bytes, more than the {max} bytes {what} may have")]
    TooLarge {
        path: String,
        bytes: u64,
        max: u64,
        what: &'static str,
    },
    #[error("{path}: not UTF-8 text")]
    NotText { path: String },
}

/// The text of `path` when it is a regular UTF-8 file of at most `max` bytes. `what` names the
/// file's role in messages ("a lesson file").
pub fn read_bounded(path: &Path, max: u64, what: &'static str) -> Result<String, ReadError> {
    let shown = path.display().to_string();
    let io = |source| ReadError::Io {
        path: shown.clone(),
        what,
        source,
    };
    let meta = std::fs::metadata(path).map_err(io)?;
    if !meta.is_file() {
        return Err(ReadError::NotAFile { path: shown, what });
    }
    if meta.len() > max {
        return Err(ReadError::TooLarge {
            path: shown,
            bytes: meta.len(),
            max,
            what,
        });
    }
    let file = std::fs::File::open(path).map_err(io)?;
    // The file may grow between the check and the read: never read more than the limit.
    let mut bytes = Vec::with_capacity(meta.len() as usize);
    file.take(max + 1).read_to_end(&mut bytes).map_err(io)?;
    if bytes.len() as u64 > max {
        return Err(ReadError::TooLarge {
            path: shown,
            bytes: bytes.len() as u64,
            max,
            what,
        });
    }
    String::from_utf8(bytes).map_err(|_| ReadError::NotText { path: shown })
}

/// `WIDTHxHEIGHT` (e.g. 1280x720), each side within [`MIN_FRAME_SIDE`]..=[`MAX_FRAME_SIDE`].
pub fn parse_size(text: &str) -> Result<(u32, u32), String> {
    let (w, h) = text
        .split_once(['x', 'X'])
        .ok_or_else(|| format!("expected WIDTHxHEIGHT, e.g. 1280x720, got `{text}`"))?;
    let parse = |s: &str| {
        s.trim()
            .parse::<u32>()
            .map_err(|_| format!("`{s}` is not a whole number"))
    };
    let (w, h) = (parse(w)?, parse(h)?);
    let sides = MIN_FRAME_SIDE..=MAX_FRAME_SIDE;
    if !sides.contains(&w) || !sides.contains(&h) {
        return Err(format!(
            "size {w}x{h} is out of range: each side {MIN_FRAME_SIDE} to {MAX_FRAME_SIDE} pixels \
             (the text of larger frames does not fit the glyph atlas)"
        ));
    }
    Ok((w, h))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_parse_within_the_limits() {
        assert_eq!(parse_size("1280x720"), Ok((1280, 720)));
        assert_eq!(parse_size("3840X2160"), Ok((3840, 2160)));
        for bad in ["1280", "x", "0x10", "8192x8192", "12.5x10", "-5x10", ""] {
            let err = parse_size(bad).unwrap_err();
            assert!(!err.contains('\n'), "{bad}: {err}");
        }
        assert!(parse_size("8192x8192").unwrap_err().contains("4096"));
    }

    #[test]
    fn only_regular_files_within_the_limit_are_read() {
        let dir = std::env::temp_dir().join(format!("nextword-limits-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let file = dir.join("a.toml");
        std::fs::write(&file, "x = 1").unwrap();
        assert_eq!(read_bounded(&file, 100, "a lesson file").unwrap(), "x = 1");
        let err = read_bounded(&file, 3, "a lesson file")
            .unwrap_err()
            .to_string();
        assert!(err.contains("5 bytes") && err.contains("3 bytes"), "{err}");
        let err = read_bounded(&dir, 100, "a lesson file")
            .unwrap_err()
            .to_string();
        assert!(err.contains("not a regular file"), "{err}");
        std::fs::write(&file, [0xff, 0xfe]).unwrap();
        assert!(matches!(
            read_bounded(&file, 100, "a lesson file"),
            Err(ReadError::NotText { .. })
        ));
        #[cfg(unix)]
        {
            let err = read_bounded(Path::new("/dev/zero"), 100, "a lesson file").unwrap_err();
            assert!(matches!(err, ReadError::NotAFile { .. }), "{err}");
        }
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn checks_name_the_value_and_the_limit() {
        assert!(check("runs", 5, 10).is_ok());
        assert_eq!(
            check("runs", 11, 10).unwrap_err(),
            "runs is 11, more than the limit of 10"
        );
    }
}
