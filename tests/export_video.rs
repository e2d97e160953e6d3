//! Video export from PNG frames: the built-in animated GIF always, the ffmpeg MP4 when ffmpeg is
//! installed (scripts/test installs it), the GIF fallback with a note when ffmpeg is missing or
//! fails, and one-line errors for bad frame folders.

use std::path::{Path, PathBuf};

use std::ffi::OsStr;

mod common;

use nextword::export::{VideoFormat, encode_video, encode_video_with, frame_paths};
use nextword::scene::target::write_png;

fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("nextword-export-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// Writes `n` frames of `w`x`h`: a colour ramp that moves, so every frame differs.
fn write_frames(dir: &Path, n: u32, w: u32, h: u32) {
    for i in 0..n {
        let rgba: Vec<u8> = (0..w * h)
            .flat_map(|p| {
                let (x, y) = (p % w, p / w);
                [
                    (x * 255 / w) as u8,
                    (y * 255 / h) as u8,
                    (i * 90 % 256) as u8,
                    255,
                ]
            })
            .collect();
        write_png(&dir.join(format!("frame_{i:05}.png")), w, h, &rgba).unwrap();
    }
}

/// (frames, width, height, total delay in centiseconds) of a GIF file.
fn decode_gif(path: &Path) -> (usize, u16, u16, u32) {
    let mut options = gif::DecodeOptions::new();
    options.set_color_output(gif::ColorOutput::RGBA);
    let mut decoder = options
        .read_info(std::fs::File::open(path).unwrap())
        .unwrap();
    let (w, h) = (decoder.width(), decoder.height());
    let (mut frames, mut delay) = (0, 0u32);
    while let Some(frame) = decoder.read_next_frame().unwrap() {
        frames += 1;
        delay += u32::from(frame.delay);
    }
    (frames, w, h, delay)
}

#[test]
fn three_frames_make_a_looping_gif() {
    let dir = temp_dir("gif");
    write_frames(&dir, 3, 17, 9);
    let out = dir.join("out/lesson.gif");
    let encoded = encode_video(&dir, 12.0, &out).unwrap();
    assert_eq!(encoded.format, VideoFormat::Gif);
    assert_eq!((encoded.frames, encoded.note.as_deref()), (3, None));
    let (frames, w, h, delay) = decode_gif(&out);
    assert_eq!((frames, w, h), (3, 17, 9));
    // 3 frames at 12 fps = 25 centiseconds, rounding carried across frames.
    assert_eq!(delay, 25);
    std::fs::remove_dir_all(&dir).unwrap();
}

/// An MP4 whose frames and size ffprobe reads back, when ffmpeg is installed (scripts/test
/// installs it, so CI runs this branch for real).
#[test]
fn an_mp4_comes_from_ffmpeg() {
    common::require_ffmpeg();
    let dir = temp_dir("mp4");
    write_frames(&dir, 3, 33, 17); // odd sizes: ffmpeg pads to even
    let out = dir.join("lesson.mp4");
    let encoded = encode_video(&dir, 24.0, &out).unwrap();
    assert_eq!(encoded.format, VideoFormat::Mp4, "{:?}", encoded.note);
    assert_eq!((encoded.path.as_path(), encoded.frames), (out.as_path(), 3));
    let bytes = std::fs::read(&out).unwrap();
    assert!(bytes.len() > 100 && &bytes[4..8] == b"ftyp", "not an MP4");
    // Odd sizes come out padded to even ones.
    assert_eq!(common::probe_video(&out), "h264,34,18,3");
    std::fs::remove_dir_all(&dir).unwrap();
}

/// Without ffmpeg, or with one that fails, the same call writes a GIF and says why.
#[test]
fn a_missing_or_failing_ffmpeg_falls_back_to_a_gif() {
    let dir = temp_dir("fallback");
    write_frames(&dir, 3, 33, 17);
    let out = dir.join("lesson.mp4");
    let missing = encode_video_with(OsStr::new("/nonexistent/ffmpeg"), &dir, 24.0, &out).unwrap();
    assert_eq!(missing.format, VideoFormat::Gif);
    assert_eq!(missing.path, dir.join("lesson.gif"));
    assert!(missing.note.unwrap().contains("ffmpeg is not installed"));
    assert_eq!(decode_gif(&missing.path).0, 3);
    std::fs::remove_file(&missing.path).unwrap();

    // An ffmpeg that answers -version but fails to encode: its first error line is the note.
    let stub = dir.join("broken-ffmpeg");
    std::fs::write(
        &stub,
        "#!/bin/sh\n[ \"$1\" = -version ] && exit 0\necho 'Unknown encoder libx264' >&2\nexit 1\n",
    )
    .unwrap();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&stub, std::fs::Permissions::from_mode(0o755)).unwrap();
    }
    let failing = encode_video_with(stub.as_os_str(), &dir, 24.0, &out).unwrap();
    assert_eq!(failing.format, VideoFormat::Gif);
    let note = failing.note.unwrap();
    assert!(
        note.contains("ffmpeg failed: Unknown encoder libx264") && note.contains("GIF"),
        "{note}"
    );
    assert_eq!(decode_gif(&failing.path).0, 3);
    assert!(!out.exists());
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn bad_frame_folders_are_one_line_errors() {
    let dir = temp_dir("bad");
    let err = frame_paths(&dir).unwrap_err().to_string();
    assert!(err.contains("no frame_NNNNN.png files"), "{err}");
    write_frames(&dir, 3, 8, 8);
    std::fs::remove_file(dir.join("frame_00001.png")).unwrap();
    let err = encode_video(&dir, 10.0, &dir.join("x.gif"))
        .unwrap_err()
        .to_string();
    assert!(err.contains("frame_00001.png is missing"), "{err}");
    write_frames(&dir, 2, 8, 8);
    write_png(&dir.join("frame_00002.png"), 4, 4, &[0; 64]).unwrap();
    let err = encode_video(&dir, 10.0, &dir.join("x.gif"))
        .unwrap_err()
        .to_string();
    assert!(err.contains("4x4, but the first frame is 8x8"), "{err}");
    let err = encode_video(&dir, 0.0, &dir.join("x.gif"))
        .unwrap_err()
        .to_string();
    assert!(err.contains("out of range"), "{err}");
    assert!(!err.contains('\n'));
    std::fs::remove_dir_all(&dir).unwrap();
}
