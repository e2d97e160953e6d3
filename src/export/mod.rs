//! Exporting a lesson as a video: the PNG frames of `nextword render --frames` become an MP4
//! (through ffmpeg, when it is installed) or an animated GIF (built in).
//!
//! How it works: [`encode_video`] lists `frame_NNNNN.png` in a folder (the names `render` writes,
//! numbered from 0 without gaps). For an `.mp4` (or any non-`.gif` name) it runs
//! `ffmpeg -framerate FPS -i frame_%05d.png -c:v libx264 -pix_fmt yuv420p` (even sizes padded,
//! `+faststart` for the web); when ffmpeg is missing or fails it writes an animated GIF next to
//! the requested name instead and says so in [`Encoded::note`]. GIF frames are quantised to 256
//! colours per frame with NeuQuant (`gif::Frame::from_rgba_speed`) and loop forever.
//! For slides, a still of any size up to 8192x8192 comes from `nextword render --size 3840x2160`.

use std::ffi::{OsStr, OsString};
use std::path::{Path, PathBuf};
use std::process::Command;

/// Errors of the export. Each message is one line.
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    #[error("{path}: {message}")]
    Io { path: String, message: String },
    #[error("{0}")]
    Invalid(String),
    #[error("ffmpeg failed: {0}")]
    Ffmpeg(String),
}

fn io_error(path: &Path, e: impl std::fmt::Display) -> ExportError {
    ExportError::Io {
        path: path.display().to_string(),
        message: e.to_string().replace('\n', " "),
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum VideoFormat {
    Mp4,
    Gif,
}

/// What [`encode_video`] wrote.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Encoded {
    pub path: PathBuf,
    pub format: VideoFormat,
    pub frames: usize,
    /// Why the format differs from the one asked for, if it does.
    pub note: Option<String>,
}

/// The frames `render --frames` wrote into `dir`, in order; they must be numbered 0, 1, 2, ...
pub fn frame_paths(dir: &Path) -> Result<Vec<PathBuf>, ExportError> {
    let mut numbered: Vec<(u32, PathBuf)> = std::fs::read_dir(dir)
        .map_err(|e| io_error(dir, e))?
        .filter_map(Result::ok)
        .filter_map(|entry| {
            let name = entry.file_name().to_string_lossy().into_owned();
            let n = name
                .strip_prefix("frame_")?
                .strip_suffix(".png")?
                .parse()
                .ok()?;
            Some((n, entry.path()))
        })
        .collect();
    numbered.sort();
    if numbered.is_empty() {
        return Err(ExportError::Invalid(format!(
            "{}: no frame_NNNNN.png files to encode",
            dir.display()
        )));
    }
    if let Some((i, _)) = numbered
        .iter()
        .enumerate()
        .find(|(i, (n, _))| *n != *i as u32)
    {
        return Err(ExportError::Invalid(format!(
            "{}: frame_{i:05}.png is missing (frames must be numbered from 0 without gaps)",
            dir.display()
        )));
    }
    Ok(numbered.into_iter().map(|(_, p)| p).collect())
}

/// The ffmpeg to run: `NEXTWORD_FFMPEG` when set (an ffmpeg outside PATH), else `ffmpeg`.
pub fn ffmpeg_program() -> OsString {
    std::env::var_os("NEXTWORD_FFMPEG").unwrap_or_else(|| "ffmpeg".into())
}

/// Whether [`ffmpeg_program`] runs.
pub fn ffmpeg_available() -> bool {
    runs(&ffmpeg_program())
}

fn runs(program: &OsStr) -> bool {
    Command::new(program)
        .arg("-version")
        .output()
        .is_ok_and(|o| o.status.success())
}

/// Encodes the frames in `frames_dir` at `fps` into `out`: an MP4 through ffmpeg unless `out`
/// ends in `.gif` or ffmpeg is unavailable, else an animated GIF (`out` with a `.gif` extension).
pub fn encode_video(frames_dir: &Path, fps: f32, out: &Path) -> Result<Encoded, ExportError> {
    encode_video_with(&ffmpeg_program(), frames_dir, fps, out)
}

/// [`encode_video`] with the ffmpeg program given.
pub fn encode_video_with(
    ffmpeg: &OsStr,
    frames_dir: &Path,
    fps: f32,
    out: &Path,
) -> Result<Encoded, ExportError> {
    if !(fps.is_finite() && (1.0..=120.0).contains(&fps)) {
        return Err(ExportError::Invalid(format!(
            "{fps} frames per second is out of range (1 to 120)"
        )));
    }
    let frames = frame_paths(frames_dir)?;
    let wants_gif = out
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("gif"));
    if !wants_gif {
        let note = if runs(ffmpeg) {
            match encode_mp4(ffmpeg, frames_dir, fps, out) {
                Ok(()) => {
                    return Ok(Encoded {
                        path: out.to_owned(),
                        format: VideoFormat::Mp4,
                        frames: frames.len(),
                        note: None,
                    });
                }
                Err(e) => format!("{e}; wrote a GIF instead"),
            }
        } else {
            "ffmpeg is not installed; wrote a GIF instead".to_owned()
        };
        log::warn!("{note}");
        let gif = out.with_extension("gif");
        encode_gif(&frames, fps, &gif)?;
        return Ok(Encoded {
            path: gif,
            format: VideoFormat::Gif,
            frames: frames.len(),
            note: Some(note),
        });
    }
    encode_gif(&frames, fps, out)?;
    Ok(Encoded {
        path: out.to_owned(),
        format: VideoFormat::Gif,
        frames: frames.len(),
        note: None,
    })
}

/// Runs ffmpeg: H.264, yuv420p (plays everywhere), sizes padded to even numbers.
pub fn encode_mp4(
    ffmpeg: &OsStr,
    frames_dir: &Path,
    fps: f32,
    out: &Path,
) -> Result<(), ExportError> {
    if let Some(dir) = out.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir).map_err(|e| io_error(dir, e))?;
    }
    let output = Command::new(ffmpeg)
        .args(["-y", "-hide_banner", "-loglevel", "error", "-framerate"])
        .arg(fps.to_string())
        .arg("-i")
        .arg(frames_dir.join("frame_%05d.png"))
        .args([
            "-c:v",
            "libx264",
            "-pix_fmt",
            "yuv420p",
            "-vf",
            "pad=ceil(iw/2)*2:ceil(ih/2)*2",
            "-movflags",
            "+faststart",
        ])
        .arg(out)
        .output()
        .map_err(|e| ExportError::Ffmpeg(e.to_string()))?;
    if !output.status.success() {
        let text = String::from_utf8_lossy(&output.stderr);
        let first = text
            .lines()
            .find(|l| !l.trim().is_empty())
            .unwrap_or("no message");
        return Err(ExportError::Ffmpeg(first.to_owned()));
    }
    Ok(())
}

/// Writes `frames` (PNG files of one size) as a looping animated GIF at `fps`.
pub fn encode_gif(frames: &[PathBuf], fps: f32, out: &Path) -> Result<(), ExportError> {
    let Some(first) = frames.first() else {
        return Err(ExportError::Invalid("no frames to encode".into()));
    };
    let read = |p: &Path| {
        crate::scene::target::read_png(p).map_err(|e| ExportError::Invalid(e.to_string()))
    };
    let (w, h, _) = read(first)?;
    let (Ok(w16), Ok(h16)) = (u16::try_from(w), u16::try_from(h)) else {
        return Err(ExportError::Invalid(format!(
            "{w}x{h} is too large for a GIF"
        )));
    };
    if let Some(dir) = out.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir).map_err(|e| io_error(dir, e))?;
    }
    let file = std::fs::File::create(out).map_err(|e| io_error(out, e))?;
    let mut encoder = gif::Encoder::new(std::io::BufWriter::new(file), w16, h16, &[])
        .map_err(|e| io_error(out, e))?;
    encoder
        .set_repeat(gif::Repeat::Infinite)
        .map_err(|e| io_error(out, e))?;
    // GIF delays are whole centiseconds; carry the rounding so the total length is right.
    let mut due = 0.0f64;
    let mut written = 0u64;
    for path in frames {
        let (fw, fh, mut rgba) = read(path)?;
        if (fw, fh) != (w, h) {
            return Err(ExportError::Invalid(format!(
                "{}: {fw}x{fh}, but the first frame is {w}x{h}",
                path.display()
            )));
        }
        due += 100.0 / f64::from(fps);
        let delay = (due.round() as u64 - written).max(1);
        written += delay;
        let mut frame = gif::Frame::from_rgba_speed(w16, h16, &mut rgba, 10);
        frame.delay = delay.min(u64::from(u16::MAX)) as u16;
        encoder.write_frame(&frame).map_err(|e| io_error(out, e))?;
    }
    Ok(())
}
