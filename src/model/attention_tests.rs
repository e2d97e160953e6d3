//! Tests of the attention reference: pairs, shapes, finite-difference gradients for every
//! window, and the attention lesson's story on the CPU.

use super::*;

fn dims(window: usize) -> AttnDims {
    AttnDims {
        vocab: 7,
        embed_dim: 5,
        attn_dim: 3,
        window,
    }
}

#[test]
fn pairs_take_every_position_with_up_to_w_words() {
    let pairs = attention_pairs(&[vec![0, 1, 2, 3], vec![4, 5]], 2);
    let got: Vec<(Vec<u32>, u32)> = pairs.into_iter().map(|p| (p.context, p.target)).collect();
    assert_eq!(
        got,
        [(vec![0], 1), (vec![0, 1], 2), (vec![1, 2], 3), (vec![4], 5)]
    );
}

#[test]
fn parameter_count_and_order_follow_the_spec() {
    let d = dims(6);
    let o = d.offsets();
    let (v, e, a, w) = (7, 5, 3, 6);
    assert_eq!(
        d.param_count(),
        v * e + w * e + 2 * e * a + e * e + e * v + v
    );
    assert_eq!(
        [o.embedding, o.position, o.wq, o.wk, o.wv, o.w_out, o.b_out],
        [0, 35, 65, 80, 95, 120, 155]
    );
    let p = init_attention(&d, 3);
    assert_eq!(p, init_attention(&d, 3));
    assert!(p[o.b_out..].iter().all(|&b| b == 0.0));
    assert!(p.iter().all(|&x| f64::from(x as f32) == x));
}

#[test]
fn weights_and_probabilities_are_distributions() {
    let d = dims(4);
    let params = init_attention(&d, 11);
    for len in 1..=4 {
        let pair = AttnPair {
            context: (0..len as u32).collect(),
            target: 6,
        };
        let f = attend(&d, &params, &pair);
        assert_eq!(f.weights.len(), len);
        assert!((f.weights.iter().sum::<f64>() - 1.0).abs() < 1e-12);
        assert!((f.probs.iter().sum::<f64>() - 1.0).abs() < 1e-12);
    }
    // One word of context: it attends to itself entirely.
    let one = attend(
        &d,
        &params,
        &AttnPair {
            context: vec![2],
            target: 0,
        },
    );
    assert_eq!(one.weights, [1.0]);
}

#[test]
fn gradients_match_finite_differences_for_every_window() {
    for window in 1..=4 {
        let d = dims(window);
        let sentences = vec![vec![0, 1, 2, 3, 4, 5], vec![6, 1, 2, 3, 0]];
        let pairs = attention_pairs(&sentences, window);
        let mut params = init_attention(&d, 40 + window as u64);
        // Non-zero biases, so their gradient is tested away from the start too.
        let o = d.offsets();
        for (i, b) in params[o.b_out..].iter_mut().enumerate() {
            *b = 0.1 * i as f64 - 0.3;
        }
        let g = attention_gradients(&d, &params, &pairs);
        let h = 1e-6;
        let mut worst: f64 = 0.0;
        for i in 0..params.len() {
            let mut up = params.clone();
            up[i] += h;
            let mut down = params.clone();
            down[i] -= h;
            let numeric =
                (attention_loss(&d, &up, &pairs) - attention_loss(&d, &down, &pairs)) / (2.0 * h);
            worst = worst.max((numeric - g[i]).abs());
        }
        assert!(
            worst < 1e-7,
            "window {window}: worst gradient error {worst:e}"
        );
        // A wrong gradient would show: the check is sensitive.
        assert!(g.iter().any(|x| x.abs() > 1e-4));
    }
}

#[test]
fn a_step_lowers_the_loss_with_every_optimizer() {
    let d = dims(3);
    let pairs = attention_pairs(&[vec![0, 1, 2, 3, 1, 2, 4]], 3);
    for kind in [
        OptimizerKind::Sgd,
        OptimizerKind::Momentum,
        OptimizerKind::Adam,
    ] {
        let mut run = AttnRun::new(d, kind, 0.05, init_attention(&d, 5));
        let before = run.record(&pairs).loss;
        for _ in 0..20 {
            run.step(&pairs);
        }
        let after = run.record(&pairs);
        assert_eq!(after.epoch, 20);
        assert!(after.loss < before, "{kind:?}: {before} -> {}", after.loss);
    }
}
