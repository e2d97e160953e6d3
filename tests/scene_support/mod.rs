//! Helpers shared by the scene tests: a headless GPU, frames of the synthetic fixture history,
//! images and snapshot comparison (tolerance, actual/diff PNGs on failure, UPDATE_SNAPSHOTS=1).
#![allow(dead_code)]

use std::path::{Path, PathBuf};

use nextword::gpu::GpuContext;
use nextword::scene::fixture::{FixtureSpec, SyntheticHistory};
use nextword::scene::headless::HeadlessRenderer;
use nextword::scene::target::{read_png, write_png};
use nextword::scene::{SceneFrame, SceneInputs, SceneOptions};

/// A headless GPU; the tests fail (not skip) without one, saying what to install.
pub fn gpu() -> GpuContext {
    GpuContext::headless().unwrap_or_else(|e| panic!("the scene tests need a GPU adapter: {e}"))
}

/// An RGBA8 image.
#[derive(Clone)]
pub struct Image {
    pub width: u32,
    pub height: u32,
    pub rgba: Vec<u8>,
}

impl Image {
    pub fn px(&self, x: u32, y: u32) -> [u8; 4] {
        let i = ((y * self.width + x) * 4) as usize;
        [
            self.rgba[i],
            self.rgba[i + 1],
            self.rgba[i + 2],
            self.rgba[i + 3],
        ]
    }

    /// Rec. 709 luma of the sRGB bytes, 0..255.
    pub fn luma(&self, x: u32, y: u32) -> f32 {
        let [r, g, b, _] = self.px(x, y);
        0.2126 * r as f32 + 0.7152 * g as f32 + 0.0722 * b as f32
    }

    /// Largest per-channel difference at (x, y).
    pub fn diff(&self, other: &Image, x: u32, y: u32) -> u8 {
        let (a, b) = (self.px(x, y), other.px(x, y));
        (0..3).map(|c| a[c].abs_diff(b[c])).max().unwrap_or(0)
    }

    pub fn save(&self, path: &Path) {
        write_png(path, self.width, self.height, &self.rgba).expect("write png");
    }
}

/// The default fixture frame: playhead `epoch`, the pair "the -> cat", focus word "cat".
pub fn fixture_frame(fixture: &SyntheticHistory, epoch: f32) -> SceneFrame {
    let mut frame = SceneFrame::new(epoch);
    frame.total_epochs = fixture.info.total_epochs;
    frame.trained_epochs = fixture.info.total_epochs;
    frame.word = fixture.info.recorded[0].target;
    frame
}

pub fn inputs(fixture: &SyntheticHistory) -> SceneInputs<'_> {
    SceneInputs {
        history: fixture.history(),
        params: &fixture.params,
        info: &fixture.info,
    }
}

/// Renders one fixture frame with a fresh deterministic renderer.
pub fn render_fixture(
    gpu: &GpuContext,
    spec: FixtureSpec,
    size: (u32, u32),
    frame: impl FnOnce(&SyntheticHistory, &mut SceneFrame),
) -> Image {
    let fixture = SyntheticHistory::new(&gpu.device, spec);
    let mut renderer = HeadlessRenderer::new(
        &gpu.device,
        size,
        SceneOptions {
            deterministic: true,
        },
    );
    let mut f = fixture_frame(&fixture, 150.0);
    frame(&fixture, &mut f);
    render(gpu, &mut renderer, &fixture, &f)
}

pub fn render(
    gpu: &GpuContext,
    renderer: &mut HeadlessRenderer,
    fixture: &SyntheticHistory,
    frame: &SceneFrame,
) -> Image {
    let rgba = renderer
        .render(&gpu.device, &gpu.queue, &inputs(fixture), frame)
        .expect("render");
    let (width, height) = renderer.size();
    Image {
        width,
        height,
        rgba,
    }
}

fn out_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("target/snapshots-out")
}

/// Per-channel difference above which a pixel counts as different.
const PIXEL_TOLERANCE: u8 = 8;
/// Share of pixels that may differ (software rasterizers differ slightly in anti-aliasing:
/// lavapipe and llvmpipe-GL differ in a few hundred pixels by under 2%, none by more than the
/// tolerance; a missing trail is ~0.1% of the pixels).
const MAX_DIFFERING: f64 = 0.0002;

/// Compares `image` with tests/snapshots/<name>.png. With UPDATE_SNAPSHOTS=1 it (re)writes the
/// reference instead. On failure writes <name>.actual.png and <name>.diff.png under
/// target/snapshots-out/.
pub fn check_snapshot(name: &str, image: &Image) {
    let reference = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/snapshots")
        .join(format!("{name}.png"));
    if std::env::var_os("UPDATE_SNAPSHOTS").is_some_and(|v| v != "0") {
        image.save(&reference);
        eprintln!("updated {}", reference.display());
        return;
    }
    let fail = |why: String| -> ! {
        let dir = out_dir();
        image.save(&dir.join(format!("{name}.actual.png")));
        panic!(
            "snapshot {name}: {why}; actual written to {}; rerun with UPDATE_SNAPSHOTS=1 to accept",
            dir.display()
        );
    };
    let (w, h, rgba) = match read_png(&reference) {
        Ok(r) => r,
        Err(e) => fail(format!("no reference ({e})")),
    };
    if (w, h) != (image.width, image.height) {
        fail(format!(
            "size {}x{} differs from the reference {w}x{h}",
            image.width, image.height
        ));
    }
    let expected = Image {
        width: w,
        height: h,
        rgba,
    };
    let mut diff = vec![0u8; (w * h * 4) as usize];
    let mut differing = 0usize;
    for y in 0..h {
        for x in 0..w {
            let d = image.diff(&expected, x, y);
            let i = ((y * w + x) * 4) as usize;
            let bad = d > PIXEL_TOLERANCE;
            differing += usize::from(bad);
            let v = d.saturating_mul(4);
            diff[i..i + 4].copy_from_slice(&[if bad { 255 } else { v / 2 }, v / 2, v / 2, 255]);
        }
    }
    let share = differing as f64 / f64::from(w * h);
    if share > MAX_DIFFERING {
        Image {
            width: w,
            height: h,
            rgba: diff,
        }
        .save(&out_dir().join(format!("{name}.diff.png")));
        fail(format!(
            "{:.2}% of pixels differ by more than {PIXEL_TOLERANCE} (allowed {:.2}%)",
            share * 100.0,
            MAX_DIFFERING * 100.0
        ));
    }
}
