//! Snapshot tests of the whole composition on the synthetic fixture history (deterministic mode,
//! 640x360, fixed cameras). References live in tests/snapshots/; `UPDATE_SNAPSHOTS=1 cargo test
//! --test scene_snapshots` accepts new ones; failures write actual and diff PNGs under
//! target/snapshots-out/.

mod scene_support;

use nextword::scene::OrbitCamera;
use nextword::scene::fixture::FixtureSpec;
use scene_support::{check_snapshot, gpu, render_fixture};

const SIZE: (u32, u32) = (640, 360);

#[test]
fn snapshot_epoch_0() {
    let gpu = gpu();
    let image = render_fixture(&gpu, FixtureSpec::default(), SIZE, |_, f| f.playhead = 0.0);
    check_snapshot("epoch0", &image);
}

#[test]
fn snapshot_epoch_120_side_camera() {
    let gpu = gpu();
    let image = render_fixture(&gpu, FixtureSpec::default(), SIZE, |_, f| {
        f.playhead = 120.0;
        f.camera = OrbitCamera::parse("90,30,3.2").unwrap();
        // Hover "sat": its ring and tooltip with the vector.
        f.hover_word = Some(2);
    });
    check_snapshot("epoch120_side", &image);
}

#[test]
fn snapshot_epoch_300_log_loss_raw_dims() {
    let gpu = gpu();
    let image = render_fixture(&gpu, FixtureSpec::default(), SIZE, |fixture, f| {
        f.playhead = 300.0;
        f.camera = OrbitCamera::parse("-40,15,4").unwrap();
        f.loss_log = true;
        f.raw_dims = true;
        f.pair = 1;
        f.word = fixture.info.recorded[1].target;
    });
    check_snapshot("epoch300_log_raw", &image);
}

#[test]
fn snapshot_is_deterministic() {
    let gpu = gpu();
    let a = render_fixture(&gpu, FixtureSpec::default(), (320, 180), |_, f| {
        f.playhead = 77.5
    });
    let b = render_fixture(&gpu, FixtureSpec::default(), (320, 180), |_, f| {
        f.playhead = 77.5
    });
    assert!(a.rgba == b.rgba, "two renders of the same frame differ");
}
