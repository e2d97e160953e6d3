//! `nextword render --frames N --out DIR --video PATH`: the frames are written, then encoded into
//! a video (the built-in animated GIF, or an MP4 through ffmpeg), and a bad combination of flags
//! is one error line.

mod common;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn nextword(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_nextword"))
        .args(args)
        .env("XDG_RUNTIME_DIR", std::env::temp_dir())
        .output()
        .expect("run nextword")
}

fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("nextword-app-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// (frames, width, height) of a GIF file.
fn decode_gif(path: &Path) -> (usize, u16, u16) {
    let mut options = gif::DecodeOptions::new();
    options.set_color_output(gif::ColorOutput::RGBA);
    let mut decoder = options
        .read_info(std::fs::File::open(path).unwrap())
        .unwrap();
    let (w, h) = (decoder.width(), decoder.height());
    let mut frames = 0;
    while decoder.read_next_frame().unwrap().is_some() {
        frames += 1;
    }
    (frames, w, h)
}

#[test]
fn render_frames_into_a_gif() {
    let dir = temp_dir("render-video");
    let frames = dir.join("frames");
    let video = dir.join("x.gif");
    // A stale frame from a "longer earlier run" must not end up in the video.
    std::fs::create_dir_all(&frames).unwrap();
    std::fs::copy(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/snapshots/epoch0.png"),
        frames.join("frame_00003.png"),
    )
    .unwrap();
    let out = nextword(&[
        "render",
        "--frames",
        "3",
        "--size",
        "320x180",
        "--out",
        frames.to_str().unwrap(),
        "--video",
        video.to_str().unwrap(),
        "--fps",
        "12",
    ]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "render failed: {stderr}");
    assert!(stderr.contains("wrote 3 frames"), "{stderr}");
    assert!(
        stderr.contains(&format!("wrote {}", video.display())),
        "{stderr}"
    );
    assert_eq!(decode_gif(&video), (3, 320, 180));
    assert!(!frames.join("frame_00003.png").exists());
    std::fs::remove_dir_all(&dir).unwrap();
}

/// With ffmpeg installed (scripts/test installs it) `--video x.mp4` is an H.264 MP4 of the frames.
#[test]
fn render_frames_into_an_mp4() {
    common::require_ffmpeg();
    let dir = temp_dir("render-mp4");
    let video = dir.join("lesson.mp4");
    let out = nextword(&[
        "render",
        "--frames",
        "4",
        "--size",
        "320x180",
        "--out",
        dir.join("frames").to_str().unwrap(),
        "--video",
        video.to_str().unwrap(),
    ]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "render failed: {stderr}");
    assert_eq!(common::probe_video(&video), "h264,320,180,4", "{stderr}");
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn video_without_frames_is_one_error_line() {
    let out = nextword(&["render", "--video", "x.mp4"]);
    assert!(!out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(stderr.trim().lines().count(), 1, "{stderr}");
    assert!(stderr.contains("--frames"), "{stderr}");
}
