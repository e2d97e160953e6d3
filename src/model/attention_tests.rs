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

/// Token ids of `sentences` in first-appearance order (MODEL.md's vocabulary).
fn token_ids(sentences: &[&str]) -> (Vec<String>, Vec<Vec<u32>>) {
    let mut vocab: Vec<String> = Vec::new();
    let ids = sentences
        .iter()
        .map(|s| {
            crate::lesson::tokenize(s)
                .into_iter()
                .map(|w| match vocab.iter().position(|v| *v == w) {
                    Some(i) => i as u32,
                    None => {
                        vocab.push(w);
                        (vocab.len() - 1) as u32
                    }
                })
                .collect()
        })
        .collect();
    (vocab, ids)
}

/// ATTENTION.md's story, as the `attention` lesson file tells it: in every pair that ends
/// "... on the", attention on the animal three words back rises to 0.8 or more and the right
/// thing to 0.95 or more within the lesson's epochs, while the context-2 MLP on the same text
/// stays at its ambiguous floor (a third each).
#[test]
fn the_attention_lesson_tells_its_story() {
    let text = include_str!("../../assets/lessons/attention.toml");
    let lesson = crate::lesson::parse_lesson(text, "attention.toml", "attention").unwrap();
    let AttnLesson { vocab, dims, pairs } = AttnLesson::of(&lesson).unwrap().unwrap();
    // The vocabulary is MODEL.md's: words in order of first appearance.
    let sentences: Vec<&str> = lesson.sentences.iter().map(String::as_str).collect();
    assert_eq!(token_ids(&sentences).0, vocab);
    let on_the: Vec<usize> = (0..pairs.len())
        .filter(|&j| {
            let c = &pairs[j].context;
            c.len() >= 3 && vocab[c[c.len() - 2] as usize] == "on"
        })
        .collect();
    assert_eq!(on_the.len(), 3, "one \"on the\" pair per animal");
    let mut run = AttnRun::new(
        dims,
        lesson.optimizer,
        lesson.lr[0],
        init_attention(&dims, lesson.seed),
    );
    let start = run.record(&pairs);
    while run.epoch < lesson.epochs {
        run.step(&pairs);
    }
    let end = run.record(&pairs);
    for &j in &on_the {
        let animal = pairs[j].context.len() - 4;
        let target = pairs[j].target as usize;
        let (a, p) = (end.attention[j][animal], end.probs[j][target]);
        assert!(a >= 0.8, "attention on the animal {a:.3}");
        assert!(p >= 0.95, "P(right thing) {p:.3}");
        // It was learned: at epoch 0 neither held.
        assert!(start.probs[j][target] < 0.5);
    }
    // The context-2 MLP cannot know which thing: it stays at a third.
    let mlp_lesson = crate::model::without_attention::mlp_lesson(&lesson);
    let corpus = mlp_lesson.corpus().unwrap();
    let mlp_dims = crate::model::Dims::from_spec(corpus.vocab.len(), &mlp_lesson.model);
    let records = crate::model::train_reference(
        mlp_dims,
        mlp_lesson.model.activation,
        mlp_lesson.optimizer,
        mlp_lesson.lr[0],
        crate::model::init_params(&mlp_dims, mlp_lesson.seed),
        &corpus.pairs,
        mlp_lesson.epochs,
    );
    // The ghost line is this run's loss.
    let ghost = crate::model::without_attention::ghost_losses(&lesson, lesson.epochs).unwrap();
    assert_eq!(ghost.len(), records.len());
    for (g, r) in ghost.iter().zip(&records) {
        assert_eq!(*g, r.loss);
    }
    let last = records.last().unwrap();
    let on = corpus.vocab.iter().position(|w| w == "on").unwrap() as u32;
    let mut checked = 0;
    for (j, pair) in corpus.pairs.iter().enumerate() {
        if pair.context[0] == on {
            let p = last.probs[j][pair.target as usize];
            assert!(
                (0.25..=0.42).contains(&p),
                "MLP P(right thing | on the) {p:.3}"
            );
            checked += 1;
        }
    }
    assert_eq!(checked, 3);
}

/// Every dispatch stays within the loop budget of Mesa's software drivers: a lesson-sized model
/// walks its whole epoch in one dispatch, a big vocabulary in chunks, and one where even a
/// single pair would not fit is refused before anything is allocated.
#[test]
fn dispatches_stay_within_the_loop_budget() {
    let dims = |vocab| AttnDims {
        vocab,
        embed_dim: 8,
        attn_dim: 4,
        window: 6,
    };
    let budget = crate::limits::LOOP_BUDGET;
    for vocab in [12, 200, 1000] {
        let d = dims(vocab);
        let per = d.pairs_per_dispatch().unwrap();
        assert!(per >= 1);
        assert!(per * d.loop_iterations_per_pair() + 2 * d.param_count() as u64 <= budget);
    }
    assert!(
        dims(12).pairs_per_dispatch().unwrap() >= 15,
        "the lesson: one dispatch an epoch"
    );
    assert_eq!(dims(5000).pairs_per_dispatch(), None);
    let lesson = AttnLesson {
        vocab: (0..5000).map(|i| format!("w{i}")).collect(),
        dims: dims(5000),
        pairs: vec![],
    };
    let err = lesson.check_sizes(1, 1).unwrap_err();
    assert!(err.contains("too big for one GPU pass"), "{err}");
}
