//! The engine's history and run isolation on the GPU: the capacity rule (keep every 2nd slot,
//! double the stride), long trainings split by the loop budget, and divergence that stays
//! in its own run.

mod common;

use nextword::engine::{HistoryReadout, Trainer, TrainingSetup};
use nextword::lesson::{self, Activation, OptimizerKind};
use nextword::model::{assert_close, widen};

#[test]
fn full_history_keeps_every_second_epoch_and_doubles_stride() {
    let gpu = common::gpu();
    let mut setup = common::setup(
        common::CAT_SAT,
        1,
        Activation::Tanh,
        OptimizerKind::Adam,
        &[0.02],
        3,
    );
    setup.history_capacity = 8;
    let mut trainer = Trainer::new(&gpu.device, &gpu.queue, &setup).unwrap();
    let want = common::reference_losses(&setup, 0, 50);
    // Train in uneven chunks, as a window would, checking the rule after each.
    for chunk in [3, 1, 9, 17, 20] {
        trainer.train(&gpu.device, &gpu.queue, chunk);
        let history = HistoryReadout::read(&trainer, &gpu.device, &gpu.queue);
        let layout = history.layout;
        assert!(layout.slots_filled <= 8);
        assert!(layout.stride.is_power_of_two());
        let newest = layout.last_recorded_epoch().unwrap();
        assert!(
            trainer.epoch() - newest < layout.stride,
            "newest slot lags too far"
        );
        for (epoch, slot) in history.recorded_epochs() {
            assert_eq!(epoch % layout.stride, 0);
            let got = [history.loss(0, slot) as f64];
            assert_close(
                &format!("loss at epoch {epoch}"),
                &got,
                &want[epoch as usize..=epoch as usize],
                1e-4,
                1e-4,
            )
            .unwrap();
        }
    }
    let layout = trainer.layout();
    assert_eq!(trainer.epoch(), 50);
    assert_eq!(
        layout.stride, 8,
        "50 epochs in 8 slots: stride 8 (epochs 0, 8, .., 48)"
    );
    assert_eq!(layout.slots_filled, 7);
}

#[test]
fn long_training_of_a_bigger_lesson_is_split_by_the_loop_budget_and_stays_exact() {
    let gpu = common::gpu();
    let lesson = lesson::load_builtin("similar-words").unwrap();
    let corpus = lesson.corpus().unwrap();
    let mut setup = TrainingSetup::from_lesson(&lesson, &corpus);
    setup.history_capacity = 512;
    let epochs = 300;
    let mut trainer = Trainer::new(&gpu.device, &gpu.queue, &setup).unwrap();
    assert!(
        trainer.epochs_per_dispatch() < epochs,
        "this test must span several dispatches"
    );
    trainer.train(&gpu.device, &gpu.queue, epochs);
    let history = HistoryReadout::read(&trainer, &gpu.device, &gpu.queue);
    let want = common::reference_losses(&setup, 0, epochs);
    let got: Vec<f64> = (0..=epochs)
        .map(|e| history.loss(0, history.layout.slot_of_epoch(e).unwrap()) as f64)
        .collect();
    assert_close("similar-words loss per epoch", &got, &want, 1e-4, 1e-4).unwrap();
}

#[test]
fn a_diverging_run_is_flagged_and_the_others_are_unharmed() {
    let gpu = common::gpu();
    let lrs = [0.02, 1.0e9, 0.5, 0.01];
    let setup = common::setup(
        common::CAT_SAT,
        1,
        Activation::Relu,
        OptimizerKind::Sgd,
        &lrs,
        5,
    );
    let mut trainer = Trainer::new(&gpu.device, &gpu.queue, &setup).unwrap();
    trainer.train(&gpu.device, &gpu.queue, 60);
    let history = HistoryReadout::read(&trainer, &gpu.device, &gpu.queue);
    let diverged_at = history.diverged_at[1].expect("lr 1e9 must diverge");
    assert!(diverged_at <= 5, "diverged only at epoch {diverged_at}");
    let slot = history.layout.slot_of_epoch(diverged_at).unwrap();
    assert!(!history.loss(1, slot).is_finite());
    for run in [0usize, 2, 3] {
        assert_eq!(history.diverged_at[run], None, "run {run} flagged");
        let want = common::reference_losses(&setup, run, 60);
        let got: Vec<f64> = (0..=60)
            .map(|e| history.loss(run as u32, e) as f64)
            .collect();
        assert_close(&format!("run {run} loss"), &got, &want, 1e-4, 1e-4).unwrap();
    }
    let params = trainer.read_params(&gpu.device, &gpu.queue);
    assert!(
        params[0]
            .iter()
            .chain(&params[2])
            .chain(&params[3])
            .all(|x| x.is_finite())
    );
    let _ = widen(&params[1]);
}

#[test]
fn a_model_too_big_for_one_fused_dispatch_trains_layered_and_exactly() {
    let gpu = common::gpu();
    let sentences = lesson::synthetic::synthetic_sentences(300, 6000, 2, 22, 9);
    let corpus = lesson::Corpus::build(&sentences, 2).unwrap();
    let dims = nextword::model::Dims {
        vocab: corpus.vocab.len(),
        embed_dim: 16,
        hidden: 32,
        context: 2,
    };
    let setup = TrainingSetup {
        dims,
        activation: Activation::Tanh,
        optimizer: OptimizerKind::Momentum,
        lrs: vec![0.5],
        initial_params: vec![nextword::model::init_params(&dims, 4)],
        recorded_pairs: nextword::engine::default_recorded_pairs(&dims, corpus.pairs.len()),
        pairs: corpus.pairs,
        history_capacity: 16,
        kernels: nextword::engine::KernelChoice::Auto,
    };
    let mut trainer = Trainer::new(&gpu.device, &gpu.queue, &setup).unwrap();
    assert!(
        trainer.is_layered(),
        "6,000 pairs x 300 words must not fit one fused dispatch"
    );
    trainer.train(&gpu.device, &gpu.queue, 3);
    let history = HistoryReadout::read(&trainer, &gpu.device, &gpu.queue);
    let want = common::reference_losses(&setup, 0, 3);
    let got: Vec<f64> = (0..=3).map(|e| history.loss(0, e) as f64).collect();
    assert_close("layered loss per epoch", &got, &want, 1e-4, 1e-4).unwrap();
}

/// The window's readback path (a kept staging buffer, vectors refilled in place) reads exactly
/// what a fresh readback reads, including divergence, as training moves on.
#[test]
fn refilling_a_readout_matches_a_fresh_readback() {
    let gpu = common::gpu();
    let setup = common::setup(
        common::TWO_SENTENCES,
        2,
        Activation::Tanh,
        OptimizerKind::Sgd,
        &[0.1, 1e30],
        5,
    );
    let mut trainer = Trainer::new(&gpu.device, &gpu.queue, &setup).unwrap();
    let mut reader = nextword::gpu::StagingReader::default();
    let mut kept = HistoryReadout::read(&trainer, &gpu.device, &gpu.queue);
    for chunk in [7, 30, 600] {
        trainer.train(&gpu.device, &gpu.queue, chunk);
        kept.refill(&mut reader, &trainer, &gpu.device, &gpu.queue);
        let fresh = HistoryReadout::read(&trainer, &gpu.device, &gpu.queue);
        assert_eq!(kept.layout, fresh.layout);
        let bits = |v: &[f32]| v.iter().map(|x| x.to_bits()).collect::<Vec<_>>();
        assert_eq!(bits(&kept.loss), bits(&fresh.loss));
        assert_eq!(bits(&kept.probs), bits(&fresh.probs));
        assert_eq!(bits(&kept.hidden), bits(&fresh.hidden));
        assert_eq!(bits(&kept.params), bits(&fresh.params));
        assert_eq!(kept.diverged_at, fresh.diverged_at);
    }
    assert!(kept.diverged_at[1].is_some() && kept.diverged_at[0].is_none());
}
