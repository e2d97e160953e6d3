//! The built-in lessons tell the story they promise: trained with the CPU reference (MODEL.md),
//! the numbers behave as the lesson descriptions say. Facts are computed, not hard-coded.

use super::{Dims, EpochRecord, init_params, train_reference};
use crate::lesson::facts::loss_floor as floor_of;
use crate::lesson::{Corpus, Lesson, load_builtin};

/// Trains run `run` of a lesson on the CPU; returns the lesson's corpus and the history.
fn train(lesson: &Lesson, run: u32) -> (Corpus, Vec<EpochRecord>) {
    let corpus = lesson.corpus().unwrap();
    let dims = Dims::from_spec(corpus.vocab.len(), &lesson.model);
    let params = init_params(&dims, lesson.seed_of_run(run));
    let lr = lesson.lr_per_run()[run as usize];
    let history = train_reference(
        dims,
        lesson.model.activation,
        lesson.optimizer,
        lr,
        params,
        &corpus.pairs,
        lesson.epochs,
    );
    (corpus, history)
}

/// The lowest loss any model can reach on the corpus ([`crate::lesson::facts::loss_floor`]).
fn loss_floor(corpus: &Corpus) -> f64 {
    floor_of(&corpus.pairs)
}

/// P(target | context) of the pair with these words, at one epoch.
fn prob(corpus: &Corpus, record: &EpochRecord, context: &[&str], target: &str) -> f64 {
    let ids: Vec<u32> = context.iter().map(|w| corpus.word_id(w).unwrap()).collect();
    let j = corpus.pairs.iter().position(|p| p.context == ids).unwrap();
    record.probs[j][corpus.word_id(target).unwrap() as usize]
}

#[test]
fn cat_sat_story() {
    let lesson = load_builtin("cat-sat").unwrap();
    let (corpus, history) = train(&lesson, 0);
    let floor = loss_floor(&corpus);
    assert!((floor - 0.4 * 2f64.ln()).abs() < 1e-12, "floor {floor}");

    let p_sat = |r: &EpochRecord| prob(&corpus, r, &["cat"], "sat");
    let start = p_sat(&history[0]);
    assert!(start < 0.35, "P(sat|cat) starts at {start}");
    let sure = history.iter().position(|r| p_sat(r) >= 0.99);
    let sure = sure.unwrap_or_else(|| panic!("P(sat|cat) never reaches 0.99"));
    assert!(sure <= lesson.epochs as usize);

    let last = history.last().unwrap();
    assert_eq!(last.epoch, lesson.epochs);
    assert!(
        last.loss >= floor - 1e-12 && last.loss - floor < 0.01,
        "final loss {} vs floor {floor}",
        last.loss
    );
    // After "the", the best bet is an even split between "cat" and "mat".
    let j = corpus.pairs.iter().position(|p| p.context == [0]).unwrap();
    let (p_cat, p_mat) = (last.probs[j][1], last.probs[j][4]);
    assert!(
        (p_cat - 0.5).abs() < 0.05 && (p_mat - 0.5).abs() < 0.05,
        "{p_cat} {p_mat}"
    );
    eprintln!(
        "cat-sat: P(sat|cat) {start:.4} at epoch 0, >= 0.99 from epoch {sure}; \
         final loss {:.5}, floor {floor:.5}",
        last.loss
    );
}

#[test]
fn learning_rate_story() {
    let lesson = load_builtin("learning-rate").unwrap();
    assert_eq!(lesson.runs, 4);
    let seeds = lesson.seeds();
    assert!(
        seeds.iter().all(|&s| s == seeds[0]),
        "runs differ only in lr"
    );
    let lrs = lesson.lr_per_run();
    assert!(lrs.windows(2).all(|w| w[0] < w[1]));
    let runs: Vec<(Corpus, Vec<EpochRecord>)> = (0..4).map(|r| train(&lesson, r)).collect();
    let floor = loss_floor(&runs[0].0);
    let final_loss = |r: usize| runs[r].1.last().unwrap().loss;
    let near_floor = |r: usize| runs[r].1.iter().position(|e| e.loss - floor < 0.01);
    let biggest_rise = |r: usize| {
        runs[r]
            .1
            .windows(2)
            .map(|w| w[1].loss - w[0].loss)
            .fold(f64::MIN, f64::max)
    };

    // Too slow: far from the floor after all epochs.
    assert!(
        final_loss(0) > floor + 0.2,
        "slow run ends at {}",
        final_loss(0)
    );
    // Good: close to the floor, and the loss never goes up.
    assert!(
        final_loss(1) < floor + 0.02,
        "good run ends at {}",
        final_loss(1)
    );
    assert!(
        biggest_rise(1) <= 1e-9,
        "good run rises by {}",
        biggest_rise(1)
    );
    // Faster: reaches the floor sooner than the good run.
    assert!(near_floor(2).unwrap() < near_floor(1).unwrap_or(usize::MAX));
    // Unstable: the loss jumps up by a lot at some step.
    assert!(
        biggest_rise(3) > 0.2,
        "unstable run rises by at most {}",
        biggest_rise(3)
    );
}

#[test]
fn context_story() {
    let lesson = load_builtin("context").unwrap();
    assert_eq!(lesson.model.context, 2);
    let (corpus, history) = train(&lesson, 0);
    assert_eq!(corpus.pairs.len(), 4);
    assert!(
        loss_floor(&corpus).abs() < 1e-12,
        "every context has one next word"
    );
    let last = history.last().unwrap();
    assert!(last.loss < 0.01, "final loss {}", last.loss);
    assert!(prob(&corpus, last, &["on", "the"], "mat") > 0.99);

    let one_word = train(&load_builtin("cat-sat").unwrap(), 0).1;
    assert!(last.loss < one_word.last().unwrap().loss - 0.2);
}

fn euclid(a: &[f64], b: &[f64]) -> f64 {
    a.iter()
        .zip(b)
        .map(|(x, y)| (x - y) * (x - y))
        .sum::<f64>()
        .sqrt()
}

fn cosine_distance(a: &[f64], b: &[f64]) -> f64 {
    let dot: f64 = a.iter().zip(b).map(|(x, y)| x * y).sum();
    1.0 - dot / (euclid(a, &vec![0.0; a.len()]) * euclid(b, &vec![0.0; b.len()]))
}

#[test]
fn similar_words_story() {
    let lesson = load_builtin("similar-words").unwrap();
    let (corpus, history) = train(&lesson, 0);
    let last = history.last().unwrap();
    let d = lesson.model.embed_dim;
    let row = |w: &str| {
        let i = corpus
            .word_id(w)
            .unwrap_or_else(|| panic!("{w} not in the lesson")) as usize;
        &last.params[i * d..(i + 1) * d]
    };
    let animals = ["dog", "cat", "bird", "horse", "fox"];
    let places = ["park", "house", "garden", "river", "field"];
    let mean = |pairs: &[(&str, &str)], dist: fn(&[f64], &[f64]) -> f64| {
        pairs.iter().map(|(a, b)| dist(row(a), row(b))).sum::<f64>() / pairs.len() as f64
    };
    let mut within = Vec::new();
    for (i, a) in animals.iter().enumerate() {
        within.extend(animals[i + 1..].iter().map(|b| (*a, *b)));
    }
    let between: Vec<(&str, &str)> = animals
        .iter()
        .flat_map(|a| places.iter().map(move |p| (*a, *p)))
        .collect();
    for (name, dist) in [
        ("euclid", euclid as fn(&[f64], &[f64]) -> f64),
        ("cosine", cosine_distance),
    ] {
        let (w, b) = (mean(&within, dist), mean(&between, dist));
        assert!(w < 0.7 * b, "{name}: animals {w} vs animals-places {b}");
    }
}
