//! What an attention lesson's text gives a model *without* attention: the context-2 MLP of
//! MODEL.md trained on the same text (its loss is the ghost line "without attention" beside the
//! attention model's), and the best any model can do from a given context (the share of the
//! text's pairs with that context that continue with each word), which the narration cites.
//!
//! How it works: the MLP is [`crate::model::train_reference`] on the lesson's own corpus with a
//! two-word context and 8 hidden units, the lesson's optimizer, learning rate and seed; it runs
//! on the CPU once per lesson, and only when its work is small ([`MAX_GHOST_WORK`]).

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

/// Among `pairs` (context, target), the share that continue with each word after the last
/// `k` words of `context` (all of them when shorter): `(word, share)`, largest first.
pub fn shares_after(pairs: &[(Vec<u32>, u32)], context: &[u32], k: usize) -> Vec<(u32, f64)> {
    let tail = |c: &[u32]| c[c.len().saturating_sub(k)..].to_vec();
    let want = tail(context);
    let mut counts: Vec<(u32, usize)> = Vec::new();
    let mut total = 0usize;
    for (c, t) in pairs {
        if tail(c) == want {
            total += 1;
            match counts.iter_mut().find(|(w, _)| w == t) {
                Some(entry) => entry.1 += 1,
                None => counts.push((*t, 1)),
            }
        }
    }
    counts.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    counts
        .into_iter()
        .map(|(w, n)| (w, n as f64 / total.max(1) as f64))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shares_count_the_pairs_with_the_same_last_words() {
        // "a x c" twice, "b x d" once: after "x" c 2/3, d 1/3; after "a x" c only.
        let pairs = vec![
            (vec![0, 1], 2),
            (vec![0, 1], 2),
            (vec![3, 1], 4),
            (vec![5], 1),
        ];
        assert_eq!(
            shares_after(&pairs, &[9, 1], 1),
            vec![(2, 2.0 / 3.0), (4, 1.0 / 3.0)]
        );
        assert_eq!(shares_after(&pairs, &[0, 1], 2), vec![(2, 1.0)]);
        assert_eq!(shares_after(&pairs, &[7], 2), vec![]);
    }
}
