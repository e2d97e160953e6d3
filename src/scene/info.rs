//! What the scene knows about a lesson on the CPU: names, not numbers. The vocabulary, the
//! recorded pairs and their contexts, parameter offsets and run labels are fixed for a training
//! session; everything that changes while training lives in GPU buffers.

use crate::engine::TrainingSetup;
use crate::lesson::Pair;

/// Static description of the model and lesson being drawn.
#[derive(Clone, Debug, PartialEq)]
pub struct SceneInfo {
    /// Shown in the header, e.g. "The cat sat on the mat" (in the active language).
    pub title: crate::lesson::Localized,
    pub vocab: Vec<String>,
    pub context: u32,
    pub embed_dim: u32,
    pub hidden: u32,
    /// Parameter offsets (MODEL.md order) and floats per run.
    pub off_w1: u32,
    pub off_b1: u32,
    pub off_w2: u32,
    pub off_b2: u32,
    pub param_count: u32,
    /// Every training pair (to find all true next words of a context).
    pub pairs: Vec<Pair>,
    /// The pairs the history records, in recording order (index = recorded pair index).
    pub recorded: Vec<Pair>,
    /// One short label per run, e.g. "lr 0.05".
    pub run_labels: Vec<String>,
    /// Epochs the lesson plans to train (the loss plot's x range at least).
    pub total_epochs: u32,
}

impl SceneInfo {
    /// From a trainer's setup and the corpus vocabulary.
    pub fn from_setup(
        title: &crate::lesson::Localized,
        vocab: &[String],
        setup: &TrainingSetup,
        total_epochs: u32,
    ) -> Self {
        let dims = setup.dims;
        let offsets = dims.offsets();
        let recorded = setup
            .recorded_pairs
            .iter()
            .filter_map(|&i| setup.pairs.get(i as usize).cloned())
            .collect();
        Self {
            title: title.clone(),
            vocab: vocab.to_vec(),
            context: dims.context as u32,
            embed_dim: dims.embed_dim as u32,
            hidden: dims.hidden as u32,
            off_w1: offsets.w1 as u32,
            off_b1: offsets.b1 as u32,
            off_w2: offsets.w2 as u32,
            off_b2: offsets.b2 as u32,
            param_count: offsets.total as u32,
            pairs: setup.pairs.clone(),
            recorded,
            run_labels: setup.lrs.iter().map(|lr| format!("lr {lr}")).collect(),
            total_epochs,
        }
    }

    pub fn word(&self, id: u32) -> &str {
        self.vocab.get(id as usize).map_or("?", String::as_str)
    }

    /// "the cat" for a pair's context.
    pub fn context_text(&self, pair: &Pair) -> String {
        pair.context
            .iter()
            .map(|&w| self.word(w))
            .collect::<Vec<_>>()
            .join(" ")
    }

    /// For the recorded pair `pair`: each word's best possible probability after its context
    /// (the share of training pairs with that context that continue with the word).
    pub fn ideal_probs(&self, pair: u32) -> Vec<f32> {
        let mut probs = vec![0.0; self.vocab.len()];
        let Some(selected) = self.recorded.get(pair as usize) else {
            return probs;
        };
        let same: Vec<&Pair> = self
            .pairs
            .iter()
            .filter(|p| p.context == selected.context)
            .collect();
        for p in &same {
            if let Some(x) = probs.get_mut(p.target as usize) {
                *x += 1.0 / same.len() as f32;
            }
        }
        probs
    }

    /// The recorded pair index of the first recorded pair whose context is `context`.
    pub fn recorded_index(&self, context: &[u32]) -> Option<u32> {
        self.recorded
            .iter()
            .position(|p| p.context == context)
            .map(|i| i as u32)
    }
}

/// Most rows the prediction bars show.
pub const MAX_BARS: usize = 10;

/// The smallest bar row, in design pixels at 1080 lines: its label is at least 18 (12 pixels at
/// 720 lines).
const BAR_ROW_1080: f32 = 25.0;

/// Bars always shown when the vocabulary has them.
const MIN_BARS: usize = 3;

/// How many bar rows fit the bars' plot in `layout` with readable labels (rows of
/// [`BAR_ROW_1080`] design pixels, type at least 12 pixels at 720 lines): up to [`MAX_BARS`].
pub fn bar_capacity(layout: &super::Layout) -> usize {
    let row = BAR_ROW_1080 * layout.type_scale();
    ((layout.plot(super::Panel::Bars).h / row.max(1.0)).floor() as usize).clamp(MIN_BARS, MAX_BARS)
}

/// The row of each word in the prediction bars (None: not shown), at most `max_rows` words
/// ([`bar_capacity`]). If all fit: all, in vocabulary order (rows never jump). More: the most
/// probable first (by `probs`, e.g. the latest summary), always including the true next words
/// (`ideal` > 0) so the visitor sees where the right answer ranks. Ties break by word id, so the
/// order is deterministic.
pub fn bar_rows(ideal: &[f32], probs: Option<&[f32]>, max_rows: usize) -> Vec<Option<u32>> {
    let vocab = ideal.len();
    let max_rows = max_rows.max(1);
    if vocab <= max_rows {
        return (0..vocab as u32).map(Some).collect();
    }
    let p = |w: usize| {
        probs
            .and_then(|p| p.get(w))
            .copied()
            .filter(|x| x.is_finite())
            .unwrap_or(0.0)
    };
    let by_prob = |a: &usize, b: &usize| p(*b).total_cmp(&p(*a)).then(a.cmp(b));
    let mut order: Vec<usize> = (0..vocab).collect();
    order.sort_by(by_prob);
    let mut shown: Vec<usize> = order[..max_rows].to_vec();
    let missing: Vec<usize> = (0..vocab)
        .filter(|w| ideal[*w] > 0.0 && !shown.contains(w))
        .collect();
    for target in missing {
        // Replace the least likely shown word that is not itself a true next word.
        if let Some(slot) = shown.iter().rposition(|w| ideal[*w] <= 0.0) {
            shown[slot] = target;
        }
    }
    shown.sort_by(by_prob);
    let mut rows = vec![None; vocab];
    for (row, w) in shown.into_iter().enumerate() {
        rows[w] = Some(row as u32);
    }
    rows
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bar_rows_keep_small_vocabularies_in_order_and_rank_big_ones() {
        assert_eq!(
            bar_rows(&[0.0, 1.0, 0.0], None, MAX_BARS),
            vec![Some(0), Some(1), Some(2)]
        );
        // Fewer rows than words: ranked even for a small vocabulary.
        let small = bar_rows(&[0.0, 1.0, 0.0], Some(&[0.5, 0.2, 0.3]), 2);
        assert_eq!(small, vec![Some(0), Some(1), None]);
        let n = MAX_BARS + 5;
        let mut ideal = vec![0.0; n];
        ideal[n - 1] = 1.0; // the true next word is the least likely
        let probs: Vec<f32> = (0..n).map(|w| 1.0 - w as f32 / n as f32).collect();
        let rows = bar_rows(&ideal, Some(&probs), MAX_BARS);
        assert_eq!(rows.iter().flatten().count(), MAX_BARS);
        assert_eq!(rows[0], Some(0));
        assert_eq!(
            rows[n - 1],
            Some(MAX_BARS as u32 - 1),
            "the true word is shown, last"
        );
        assert_eq!(
            rows[MAX_BARS - 1],
            None,
            "it took the least likely shown word's place"
        );
    }

    #[test]
    fn ideal_probs_split_between_true_next_words() {
        let pair = |c: u32, t: u32| Pair {
            context: vec![c],
            target: t,
        };
        let pairs = vec![pair(0, 1), pair(1, 2), pair(2, 3), pair(3, 0), pair(0, 4)];
        let info = SceneInfo {
            title: Default::default(),
            vocab: ["the", "cat", "sat", "on", "mat"]
                .map(String::from)
                .to_vec(),
            context: 1,
            embed_dim: 8,
            hidden: 4,
            off_w1: 40,
            off_b1: 72,
            off_w2: 76,
            off_b2: 96,
            param_count: 101,
            recorded: pairs.clone(),
            pairs,
            run_labels: vec![],
            total_epochs: 300,
        };
        assert_eq!(info.ideal_probs(0), vec![0.0, 0.5, 0.0, 0.0, 0.5]);
        assert_eq!(info.ideal_probs(1), vec![0.0, 0.0, 1.0, 0.0, 0.0]);
        assert_eq!(info.ideal_probs(9), vec![0.0; 5]);
        assert_eq!(info.context_text(&info.recorded[3]), "on");
        assert_eq!(info.recorded_index(&[2]), Some(2));
    }
}
