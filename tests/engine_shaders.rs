//! Every engine WGSL file, assembled as the engine assembles it, is parsed and validated by naga
//! (no GPU needed), for several model shapes and every activation and optimizer.

use nextword::engine::shader_source::{
    COMPACT, fused_source, layered_source, per_run_source, sample_source,
};
use nextword::lesson::{Activation, OptimizerKind};
use nextword::model::Dims;

fn validate(name: &str, source: &str) {
    let module = naga::front::wgsl::parse_str(source)
        .unwrap_or_else(|e| panic!("{name}: WGSL parse error:\n{}", e.emit_to_string(source)));
    naga::valid::Validator::new(
        naga::valid::ValidationFlags::all(),
        naga::valid::Capabilities::all(),
    )
    .validate(&module)
    .unwrap_or_else(|e| {
        panic!(
            "{name}: WGSL validation error:\n{}",
            e.emit_to_string(source)
        )
    });
}

#[test]
fn compact_kernel_is_valid() {
    validate("compact.wgsl", COMPACT);
}

/// The unrolled kernel is generated per lesson (src/engine/unrolled.rs): validate it for the
/// built-in lessons it fits, every activation and optimizer, one and two words of context.
#[test]
fn unrolled_kernels_are_valid_for_the_lessons_they_fit() {
    use nextword::engine::TrainingSetup;
    use nextword::engine::unrolled::{fits_unrolled, unrolled_source};
    let mut checked = 0;
    for id in nextword::lesson::builtin_ids() {
        let lesson = nextword::lesson::load_builtin(id).unwrap();
        let corpus = lesson.corpus().unwrap();
        let base = TrainingSetup::from_lesson(&lesson, &corpus);
        if !fits_unrolled(&base) {
            continue;
        }
        for activation in [Activation::Tanh, Activation::Relu] {
            for optimizer in [
                OptimizerKind::Sgd,
                OptimizerKind::Momentum,
                OptimizerKind::Adam,
            ] {
                let setup = TrainingSetup {
                    activation,
                    optimizer,
                    ..base.clone()
                };
                let name = format!("unrolled {id} {activation:?} {optimizer:?}");
                validate(&name, &unrolled_source(&setup));
                checked += 1;
            }
        }
    }
    // cat-sat, learning-rate and context (two words of context) at least.
    assert!(checked >= 18, "only {checked} unrolled kernels checked");
}

#[test]
fn training_kernels_are_valid_for_every_shape_activation_and_optimizer() {
    let shapes = [
        (
            Dims {
                vocab: 5,
                embed_dim: 8,
                hidden: 4,
                context: 1,
            },
            5,
        ),
        (
            Dims {
                vocab: 23,
                embed_dim: 8,
                hidden: 12,
                context: 2,
            },
            150,
        ),
        (
            Dims {
                vocab: 1,
                embed_dim: 1,
                hidden: 1,
                context: 1,
            },
            1,
        ),
    ];
    for (dims, pairs) in shapes {
        for activation in [Activation::Tanh, Activation::Relu] {
            for optimizer in [
                OptimizerKind::Sgd,
                OptimizerKind::Momentum,
                OptimizerKind::Adam,
            ] {
                let name = format!("{dims:?} {activation:?} {optimizer:?}");
                validate(
                    &format!("train_fused.wgsl {name}"),
                    &fused_source(&dims, pairs, activation, optimizer),
                );
                validate(
                    &format!("train_per_run.wgsl {name}"),
                    &per_run_source(&dims, pairs, activation, optimizer),
                );
                validate(
                    &format!("sample.wgsl {name}"),
                    &sample_source(&dims, activation, optimizer),
                );
                let chunk = pairs.div_ceil(3);
                validate(
                    &format!("train_layered.wgsl {name}"),
                    &layered_source(&dims, pairs, chunk, activation, optimizer),
                );
            }
        }
    }
}

/// The attention kernel for windows 1..6, every optimizer, one and several runs.
#[test]
fn attention_kernels_are_valid() {
    use nextword::engine::attention::attention_source;
    use nextword::model::attention::AttnDims;
    for window in 1..=6 {
        for optimizer in [
            OptimizerKind::Sgd,
            OptimizerKind::Momentum,
            OptimizerKind::Adam,
        ] {
            let dims = AttnDims {
                vocab: 9,
                embed_dim: 8,
                attn_dim: 4,
                window,
            };
            let name = format!("attention W{window} {optimizer:?}");
            validate(
                &name,
                &attention_source(&dims, 15, 1 + window % 3, optimizer),
            );
        }
    }
}
