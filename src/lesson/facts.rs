//! What a lesson's text itself says, before any training: which words follow each context and
//! how often, the best probability any model can give them, and the lowest loss the text allows.
//! The narration states these facts; the tests check every claim against them.
//!
//! How it works: [`Followers::of`] counts, for one context, the targets of the training pairs
//! with that context (ordered by count, then by vocabulary id, so the order is deterministic).
//! The share of a word is its count over the context's pairs: that share is the best probability
//! any model can give it, because the loss is lowest when the predicted distribution equals the
//! observed one. [`loss_floor`] is the mean over all pairs of −ln(share of the pair's target):
//! the entropy of the next word given the context, the loss of a perfect model.

use std::collections::HashMap;

use super::corpus::Pair;

/// The words that follow one context in the text, most frequent first.
#[derive(Clone, Debug, PartialEq)]
pub struct Followers {
    pub context: Vec<u32>,
    /// (word id, count), by count descending then id ascending.
    pub counts: Vec<(u32, usize)>,
    /// How many pairs have this context.
    pub total: usize,
}

impl Followers {
    /// The followers of `context` among `pairs` (empty when no pair has it).
    pub fn of(pairs: &[Pair], context: &[u32]) -> Self {
        let mut counts: HashMap<u32, usize> = HashMap::new();
        let mut total = 0;
        for p in pairs.iter().filter(|p| p.context == context) {
            *counts.entry(p.target).or_default() += 1;
            total += 1;
        }
        let mut counts: Vec<(u32, usize)> = counts.into_iter().collect();
        counts.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        Self {
            context: context.to_vec(),
            counts,
            total,
        }
    }

    /// (word id, share) for every follower: its count over the context's pairs.
    pub fn shares(&self) -> Vec<(u32, f64)> {
        self.counts
            .iter()
            .map(|&(w, n)| (w, n as f64 / self.total.max(1) as f64))
            .collect()
    }

    /// The share of `word` (0 when it never follows).
    pub fn share(&self, word: u32) -> f64 {
        self.counts
            .iter()
            .find(|(w, _)| *w == word)
            .map_or(0.0, |&(_, n)| n as f64 / self.total.max(1) as f64)
    }

    /// Whether more than one word follows the context.
    pub fn is_ambiguous(&self) -> bool {
        self.counts.len() > 1
    }

    /// The most frequent follower and its share (the best any model can be sure of one word).
    pub fn best(&self) -> Option<(u32, f64)> {
        self.shares().first().copied()
    }
}

/// The lowest loss any model can reach on `pairs` (see the module docs); 0 without pairs.
pub fn loss_floor(pairs: &[Pair]) -> f64 {
    if pairs.is_empty() {
        return 0.0;
    }
    let mut by_context: HashMap<&[u32], usize> = HashMap::new();
    let mut by_pair: HashMap<(&[u32], u32), usize> = HashMap::new();
    for p in pairs {
        *by_context.entry(&p.context).or_default() += 1;
        *by_pair.entry((&p.context, p.target)).or_default() += 1;
    }
    let total: f64 = pairs
        .iter()
        .map(|p| {
            let n = by_pair[&(&p.context[..], p.target)] as f64;
            -(n / by_context[&p.context[..]] as f64).ln()
        })
        .sum();
    total / pairs.len() as f64
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lesson::Corpus;

    fn corpus(text: &[&str], k: usize) -> Corpus {
        let sentences: Vec<String> = text.iter().map(|s| s.to_string()).collect();
        Corpus::build(&sentences, k).unwrap()
    }

    #[test]
    fn followers_count_every_word_after_a_context() {
        let c = corpus(&["the dog chased the ball and the cat chased the dog"], 1);
        let the = c.word_id("the").unwrap();
        let f = Followers::of(&c.pairs, &[the]);
        let names: Vec<(&str, usize)> = f
            .counts
            .iter()
            .map(|&(w, n)| (c.vocab[w as usize].as_str(), n))
            .collect();
        assert_eq!(names, vec![("dog", 2), ("ball", 1), ("cat", 1)]);
        assert_eq!(f.total, 4);
        assert!(f.is_ambiguous());
        assert_eq!(f.best(), Some((c.word_id("dog").unwrap(), 0.5)));
        assert_eq!(f.share(c.word_id("cat").unwrap()), 0.25);
        assert_eq!(f.share(c.word_id("and").unwrap()), 0.0);
    }

    #[test]
    fn the_floor_is_the_entropy_of_the_next_word() {
        let c = corpus(&["the cat sat on the mat"], 1);
        assert!((loss_floor(&c.pairs) - 0.4 * 2f64.ln()).abs() < 1e-12);
        let c = corpus(&["the cat sat on the mat"], 2);
        assert_eq!(loss_floor(&c.pairs), 0.0);
        assert_eq!(loss_floor(&[]), 0.0);
    }
}
