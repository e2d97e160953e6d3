//! Recovery from GPU faults, on a real (software) adapter: a destroyed device is detected and the
//! lesson is rebuilt from a checkpoint on a new device with the same history; invalid shaders are
//! caught by error scopes (or the uncaptured-error handler) and reported once, never panicking;
//! divergent training renders and is narrated as a phase, not a crash.

mod common;

use nextword::engine::HistoryReadout;
use nextword::kiosk::{Checkpoint, DeviceHealth, LessonSource, validated};
use nextword::lesson::OptimizerKind;
use nextword::scene::SceneOptions;
use nextword::scene::headless::{HeadlessRenderer, LessonSession};
use nextword::ui::narration::{PhaseParams, TrainingPhase, narrate};
use nextword::ui::summary::{LessonInfo, LessonSummary};

const BROKEN_WGSL: &str = "@compute @workgroup_size(1) fn cs_main( { let x: f32 = ; }";

#[test]
fn a_destroyed_device_is_rebuilt_from_a_checkpoint_with_the_same_history() {
    let gpu = common::gpu();
    let health = DeviceHealth::watch(&gpu.device);
    let mut session = LessonSession::new(&gpu.device, &gpu.queue, "cat-sat").unwrap();
    // Past the history capacity (1024 slots), so the restore also replays compaction.
    session.trainer.train(&gpu.device, &gpu.queue, 1500);
    let before = HistoryReadout::read(&session.trainer, &gpu.device, &gpu.queue);
    assert!(
        before.layout.stride > 1,
        "the test should cover a compacted history"
    );
    let checkpoint = Checkpoint::of(LessonSource::Id("cat-sat".into()), &session);
    assert_eq!(checkpoint.epoch, 1500);
    assert!(health.lost().is_none());

    gpu.device.destroy();
    let _ = gpu.device.poll(wgpu::PollType::Poll);
    let reason = health.lost().expect("the device-lost callback ran");
    assert!(reason.contains("lost"), "{reason}");
    // Work encoded for the dead device (the frame in flight) must not panic.
    session.trainer.train(&gpu.device, &gpu.queue, 3);
    drop(session);

    let (gpu2, restored) = checkpoint.restore_headless().unwrap();
    let after = HistoryReadout::read(&restored.trainer, &gpu2.device, &gpu2.queue);
    assert_eq!(restored.trainer.epoch(), 1500);
    assert_eq!(after.layout, before.layout);
    let n = (before.layout.slots_filled * before.layout.runs) as usize;
    let bits = |v: &[f32]| v.iter().map(|x| x.to_bits()).collect::<Vec<_>>();
    for run in 0..before.layout.runs {
        for slot in 0..before.layout.slots_filled {
            assert_eq!(
                before.loss(run, slot).to_bits(),
                after.loss(run, slot).to_bits(),
                "loss differs at run {run} slot {slot} (epoch {})",
                before.layout.epoch_of_slot(slot)
            );
        }
    }
    assert!(n > 100);
    let last = before.layout.slots_filled - 1;
    assert_eq!(
        bits(before.embedding(0, last)),
        bits(after.embedding(0, last))
    );
    assert_eq!(restored.trainer.read_params(&gpu2.device, &gpu2.queue), {
        // The old device is gone; compare with a third, independent restore.
        let again = checkpoint.restore(&gpu2.device, &gpu2.queue).unwrap();
        again.trainer.read_params(&gpu2.device, &gpu2.queue)
    });
}

#[test]
fn error_scopes_catch_an_invalid_shader_without_a_panic() {
    let gpu = common::gpu();
    let health = DeviceHealth::watch(&gpu.device);
    let device = &gpu.device;
    let broken = || {
        device.create_shader_module(wgpu::ShaderModuleDescriptor {
            label: Some("kiosk_recovery::broken"),
            source: wgpu::ShaderSource::Wgsl(BROKEN_WGSL.into()),
        })
    };
    let err = validated(device, broken).map(|_| ()).unwrap_err();
    assert!(!err.contains('\n'), "{err}");
    assert!(!err.is_empty());
    // Caught by the scope: the uncaptured handler saw nothing.
    assert_eq!(health.error_counts(), (0, 0));
    // Reported once however often it happens (a broken pipeline fails every frame).
    assert!(health.report(&err));
    assert!(!health.report(&err));
    assert_eq!(health.error_counts(), (1, 2));

    // A pipeline built from the broken module fails validation too, still without a panic.
    let module = broken(); // outside a scope: goes to the uncaptured handler, not a panic
    let pipeline = validated(device, || {
        device.create_compute_pipeline(&wgpu::ComputePipelineDescriptor {
            label: Some("kiosk_recovery::pipeline"),
            layout: None,
            module: &module,
            entry_point: Some("cs_main"),
            compilation_options: Default::default(),
            cache: None,
        })
    });
    assert!(pipeline.is_err());
    // The uncaptured copy of the same shader error counts, but is not logged a second time.
    assert_eq!(health.error_counts(), (1, 3));

    // A valid shader passes.
    let ok = validated(device, || {
        device.create_shader_module(wgpu::ShaderModuleDescriptor {
            label: Some("kiosk_recovery::valid"),
            source: wgpu::ShaderSource::Wgsl("@compute @workgroup_size(1) fn cs_main() {}".into()),
        })
    });
    assert!(ok.is_ok());
}

#[test]
fn divergent_training_renders_and_is_narrated_as_a_phase() {
    let gpu = common::gpu();
    let (device, queue) = (&gpu.device, &gpu.queue);
    let mut lesson = nextword::lesson::load("cat-sat").unwrap();
    lesson.optimizer = OptimizerKind::Sgd;
    lesson.lr = vec![1e30];
    let corpus = lesson.corpus().unwrap();
    let mut session = LessonSession::from_lesson(device, queue, lesson.clone()).unwrap();
    session.trainer.train(device, queue, 40);
    let readout = HistoryReadout::read(&session.trainer, device, queue);
    let diverged = readout.diverged_at[0].expect("lr 1e30 diverges");
    assert!(diverged <= 40);

    let info = LessonInfo::new(&lesson, &corpus, &session.trainer.setup().recorded_pairs);
    let summary = LessonSummary::from_readout(&readout, &info, 0, 40.0);
    let narration = narrate(&summary, &info, &PhaseParams::default(), 0);
    assert_eq!(narration.phase, TrainingPhase::Diverged);
    assert!(!narration.body.is_empty());

    // Drawing NaN history is fine: a frame comes out, at the diverged epoch and after it.
    let mut renderer = HeadlessRenderer::new(
        device,
        (160, 90),
        SceneOptions {
            deterministic: true,
        },
    );
    for playhead in [diverged as f32, 40.0] {
        let frame = session.frame(playhead);
        let rgba = renderer
            .render(device, queue, &session.inputs(), &frame)
            .unwrap();
        assert_eq!(rgba.len(), 160 * 90 * 4);
    }
}
