//! How the model writes, in f64: MODEL.md's "Sampling" section, the reference the GPU sampler
//! is tested against.
//!
//! How it works: the logits of the context (its last k words) come from [`super::forward`]; the
//! distribution a word is drawn from is softmax(logits / T), with only the `top_k` most likely
//! words kept (ranked by probability, ties to the lower vocabulary index) and renormalised; at
//! T = 0 it is the one-hot of the argmax (ties to the lower index). A word is drawn by inverse
//! transform: with u uniform in [0, 1) from the seeded generator ([`crate::rng::SeededRng`], one
//! draw per word, `next_f64`), the first word in vocabulary order whose cumulative probability
//! exceeds u (the last word with a non-zero probability when rounding leaves u beyond the sum).

use super::dims::Dims;
use super::forward::pass;
use crate::lesson::Activation;
use crate::rng::SeededRng;

/// Temperature and top-k.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Sampling {
    /// 0: always the most likely word; higher: bolder choices.
    pub temperature: f64,
    /// Keep only this many most likely words (None: all).
    pub top_k: Option<usize>,
}

/// The rank of every word: 0 for the most likely, ties to the lower index.
pub fn ranks(scores: &[f64]) -> Vec<usize> {
    let mut order: Vec<usize> = (0..scores.len()).collect();
    order.sort_by(|&a, &b| scores[b].total_cmp(&scores[a]).then(a.cmp(&b)));
    let mut rank = vec![0; scores.len()];
    for (r, &w) in order.iter().enumerate() {
        rank[w] = r;
    }
    rank
}

/// The distribution a word is drawn from, for `logits` (see the module docs).
pub fn distribution(logits: &[f64], sampling: Sampling) -> Vec<f64> {
    let v = logits.len();
    if v == 0 {
        return Vec::new();
    }
    let greedy = sampling.temperature <= 0.0;
    let scores: Vec<f64> = if greedy {
        logits.to_vec()
    } else {
        logits.iter().map(|l| l / sampling.temperature).collect()
    };
    let rank = ranks(&scores);
    let keep = if greedy {
        1
    } else {
        sampling.top_k.unwrap_or(v).clamp(1, v)
    };
    let max = scores
        .iter()
        .zip(&rank)
        .filter(|(_, r)| **r < keep)
        .map(|(s, _)| *s)
        .fold(f64::NEG_INFINITY, f64::max);
    let mut p: Vec<f64> = scores
        .iter()
        .zip(&rank)
        .map(|(s, r)| if *r < keep { (s - max).exp() } else { 0.0 })
        .collect();
    let sum: f64 = p.iter().sum();
    for x in &mut p {
        *x /= sum;
    }
    p
}

/// The word `u` (uniform in [0, 1)) draws from `p` (see the module docs).
pub fn draw(p: &[f64], u: f64) -> usize {
    let mut cumulative = 0.0;
    let mut last = 0;
    for (w, &x) in p.iter().enumerate() {
        if x > 0.0 {
            last = w;
        }
        cumulative += x;
        if u < cumulative {
            return w;
        }
    }
    last
}

/// One written word.
#[derive(Clone, Debug, PartialEq)]
pub struct WrittenWord {
    /// The context it was predicted from (word ids, oldest first).
    pub context: Vec<u32>,
    /// The distribution it was drawn from.
    pub probs: Vec<f64>,
    pub word: u32,
}

/// Writes `words` words after `prompt` (word ids, at least k of them) with the parameters
/// `params` of a model of `dims`, drawing with the generator seeded with `seed`.
pub fn write(
    dims: &Dims,
    activation: Activation,
    params: &[f64],
    prompt: &[u32],
    words: usize,
    sampling: Sampling,
    seed: u64,
) -> Vec<WrittenWord> {
    let k = dims.context;
    write_with(
        prompt,
        words,
        sampling,
        seed,
        |text| Some(text[text.len().checked_sub(k)?..].to_vec()),
        |context| pass(dims, activation, params, context).logits,
    )
}

/// Writes `words` words after `prompt`, any model: `context_of` picks the words the model reads
/// from the text so far (None: too few, writing stops), `logits` scores the next word.
pub fn write_with(
    prompt: &[u32],
    words: usize,
    sampling: Sampling,
    seed: u64,
    context_of: impl Fn(&[u32]) -> Option<Vec<u32>>,
    logits: impl Fn(&[u32]) -> Vec<f64>,
) -> Vec<WrittenWord> {
    let mut text = prompt.to_vec();
    let mut rng = SeededRng::new(seed);
    let mut out = Vec::with_capacity(words);
    for _ in 0..words {
        let Some(context) = context_of(&text) else {
            break;
        };
        let probs = distribution(&logits(&context), sampling);
        let word = draw(&probs, rng.next_f64()) as u32;
        text.push(word);
        out.push(WrittenWord {
            context,
            probs,
            word,
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn temperature_zero_is_the_argmax_with_ties_to_the_lower_index() {
        let p = distribution(
            &[1.0, 3.0, 3.0, 0.5],
            Sampling {
                temperature: 0.0,
                top_k: None,
            },
        );
        assert_eq!(p, vec![0.0, 1.0, 0.0, 0.0]);
    }

    #[test]
    fn top_k_keeps_the_k_most_likely_and_renormalises() {
        let logits = [0.0, 2.0, 1.0, 1.0, -1.0];
        let p = distribution(
            &logits,
            Sampling {
                temperature: 1.0,
                top_k: Some(2),
            },
        );
        // 2.0 and the first 1.0 (ties to the lower index).
        assert_eq!(p[3], 0.0);
        assert_eq!(p[0], 0.0);
        let e = 1f64.exp();
        assert!((p[1] - e / (e + 1.0)).abs() < 1e-12, "{p:?}");
        assert!((p.iter().sum::<f64>() - 1.0).abs() < 1e-12);
        // A high temperature flattens, a low one sharpens.
        let hot = distribution(
            &logits,
            Sampling {
                temperature: 10.0,
                top_k: None,
            },
        );
        let cold = distribution(
            &logits,
            Sampling {
                temperature: 0.1,
                top_k: None,
            },
        );
        assert!(hot[1] < 0.3 && cold[1] > 0.99, "{hot:?} {cold:?}");
    }

    #[test]
    fn draws_follow_the_cumulative_distribution() {
        let p = [0.0, 0.5, 0.25, 0.25];
        assert_eq!(draw(&p, 0.0), 1);
        assert_eq!(draw(&p, 0.49), 1);
        assert_eq!(draw(&p, 0.5), 2);
        assert_eq!(draw(&p, 0.99), 3);
        // Rounding that leaves u past the sum draws the last possible word.
        assert_eq!(draw(&[0.3, 0.3, 0.0], 0.99), 1);
    }
}
