//! What an attention lesson's text gives a model *without* attention: the context-2 MLP of
//! MODEL.md trained on the same text (its loss is the ghost line "without attention" beside the
//! attention model's), and the best any model can do from a given context (the share of the
//! text's pairs with that context that continue with each word), which the narration cites.
//!
//! How it works: the MLP is [`crate::model::train_reference`] on the lesson's own corpus with a
//! two-word context and 8 hidden units, the lesson's optimizer, learning rate and seed; it runs
//! on the CPU once per lesson, and only when its work is small ([`MAX_GHOST_WORK`]).

use std::collections::HashMap;

use crate::lesson::{Lesson, ModelKind};

use super::{Dims, ReferenceRun, init_params};

/// The MLP's words of context and hidden units.
pub const GHOST_CONTEXT: usize = 2;
pub const GHOST_HIDDEN: usize = 8;

/// Most multiply-adds the ghost may take (about a second on one core).
pub const MAX_GHOST_WORK: f64 = 3e8;

/// The same text, optimizer, learning rate, seed and epochs, under the context-2 MLP.
pub fn mlp_lesson(lesson: &Lesson) -> Lesson {
    let mut mlp = lesson.clone();
    mlp.model.kind = ModelKind::Mlp;
    mlp.model.context = GHOST_CONTEXT;
    mlp.model.hidden = GHOST_HIDDEN;
    mlp.runs = 1;
    mlp.lr.truncate(1);
    mlp
}

/// The context-2 MLP's loss at every epoch 0..=`epochs` on `lesson`'s text; None when that
/// would take more than [`MAX_GHOST_WORK`] or the text has no pairs for it.
pub fn ghost_losses(lesson: &Lesson, epochs: u32) -> Option<Vec<f64>> {
    let mlp = mlp_lesson(lesson);
    let corpus = mlp.corpus().ok()?;
    let dims = Dims::from_spec(corpus.vocab.len(), &mlp.model);
    let per_pair = (dims.context * dims.embed_dim * dims.hidden + dims.hidden * dims.vocab) as f64;
    let work = per_pair * 3.0 * corpus.pairs.len() as f64 * f64::from(epochs);
    if work > MAX_GHOST_WORK || corpus.pairs.is_empty() {
        return None;
    }
    let mut run = ReferenceRun::new(
        dims,
        mlp.model.activation,
        mlp.optimizer,
        mlp.lr[0],
        init_params(&dims, mlp.seed),
    );
    let mut losses = Vec::with_capacity(epochs as usize + 1);
    for _ in 0..epochs {
        losses.push(run.step_recording(&corpus.pairs).loss);
    }
    losses.push(run.record(&corpus.pairs).loss);
    Some(losses)
}

/// How many pairs have some last words, and how many of them continue with each next word.
type Followers = (usize, Vec<(u32, usize)>);

/// For every run of `k` last words among a text's pairs: how often each next word follows it,
/// counted once, so that any pair's shares are a look-up.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ShareTable {
    k: usize,
    /// Last `k` words of a context -> (pairs with them, (next word, count) per next word).
    counts: HashMap<Vec<u32>, Followers>,
}

impl ShareTable {
    /// Counts `pairs` (context, next word) by the last `k` words of their contexts (all of them
    /// when shorter).
    pub fn new<'a>(pairs: impl IntoIterator<Item = (&'a [u32], u32)>, k: usize) -> Self {
        let mut counts: HashMap<Vec<u32>, Followers> = HashMap::new();
        for (context, next) in pairs {
            let entry = counts.entry(tail(context, k).to_vec()).or_default();
            entry.0 += 1;
            match entry.1.iter_mut().find(|(w, _)| *w == next) {
                Some(seen) => seen.1 += 1,
                None => entry.1.push((next, 1)),
            }
        }
        Self { k, counts }
    }

    /// After the last `k` words of `context`, the share of the pairs that continue with each
    /// word: `(word, share)`, largest first (empty when no pair has them).
    pub fn shares(&self, context: &[u32]) -> Vec<(u32, f64)> {
        let Some((total, next)) = self.counts.get(tail(context, self.k)) else {
            return Vec::new();
        };
        let mut next = next.clone();
        next.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        next.into_iter()
            .map(|(w, n)| (w, n as f64 / (*total).max(1) as f64))
            .collect()
    }

    /// The share of `word` after the last `k` words of `context`.
    pub fn share(&self, context: &[u32], word: u32) -> f64 {
        self.counts
            .get(tail(context, self.k))
            .and_then(|(total, next)| {
                let n = next.iter().find(|(w, _)| *w == word)?.1;
                Some(n as f64 / (*total).max(1) as f64)
            })
            .unwrap_or(0.0)
    }

    /// The largest share of any word after the last `k` words of `context`.
    pub fn top_share(&self, context: &[u32]) -> f64 {
        self.counts
            .get(tail(context, self.k))
            .map_or(0.0, |(total, next)| {
                let top = next.iter().map(|(_, n)| *n).max().unwrap_or(0);
                top as f64 / (*total).max(1) as f64
            })
    }
}

/// The last `k` words of `context` (all of them when shorter).
fn tail(context: &[u32], k: usize) -> &[u32] {
    &context[context.len().saturating_sub(k)..]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shares_count_the_pairs_with_the_same_last_words() {
        // "a x c" twice, "b x d" once: after "x" c 2/3, d 1/3; after "a x" c only.
        let pairs = [
            (vec![0, 1], 2),
            (vec![0, 1], 2),
            (vec![3, 1], 4),
            (vec![5], 1),
        ];
        let pairs = pairs.iter().map(|(c, t)| (c.as_slice(), *t));
        let one = ShareTable::new(pairs.clone(), 1);
        let two = ShareTable::new(pairs, 2);
        assert_eq!(one.shares(&[9, 1]), vec![(2, 2.0 / 3.0), (4, 1.0 / 3.0)]);
        assert_eq!(one.share(&[9, 1], 4), 1.0 / 3.0);
        assert_eq!(one.top_share(&[9, 1]), 2.0 / 3.0);
        assert_eq!(two.shares(&[0, 1]), vec![(2, 1.0)]);
        assert_eq!(two.shares(&[7]), vec![]);
        assert_eq!(two.share(&[7], 1), 0.0);
        assert_eq!(two.top_share(&[7]), 0.0);
    }
}
