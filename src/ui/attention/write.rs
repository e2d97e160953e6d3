//! The attention model writes: from the text's first word, one word at a time with MODEL.md's
//! sampling (the context being the last W words, ATTENTION.md), using the parameters of one
//! recorded epoch, and for each word the earlier word it looked at most.

use super::story::AttnStory;
use crate::engine::attention_history::AttnSlot;
use crate::model::attention::{AttnPair, attend, write_attention};
use crate::model::sample::Sampling;

/// Words as often as the model learned them.
const SAMPLING: Sampling = Sampling {
    temperature: 1.0,
    top_k: None,
};

/// A written text: its first word, then each written word with the word it looked at most.
#[derive(Clone, Debug, PartialEq)]
pub struct Written {
    pub start: u32,
    pub words: Vec<(u32, u32)>,
}

impl Written {
    /// "the cat sat on the mat".
    pub fn text(&self, story: &AttnStory) -> String {
        std::iter::once(self.start)
            .chain(self.words.iter().map(|w| w.0))
            .map(|id| story.word(id))
            .collect::<Vec<_>>()
            .join(" ")
    }
}

/// How many words the text's first sentence has after its first word.
fn first_sentence_words(story: &AttnStory) -> usize {
    let later = story
        .pairs
        .iter()
        .skip(1)
        .take_while(|p| p.context.len() > 1)
        .count();
    (later + 1).clamp(1, 12)
}

/// What the model of `slot` writes from the text's first word, drawing with `seed`.
pub fn write_from(story: &AttnStory, slot: &AttnSlot, seed: u64) -> Option<Written> {
    let params: Vec<f64> = slot.params.iter().map(|&x| f64::from(x)).collect();
    if params.len() < story.dims.param_count() {
        return None;
    }
    let start = story.pairs.first()?.context[0];
    let written = write_attention(
        &story.dims,
        &params,
        &[start],
        first_sentence_words(story),
        SAMPLING,
        seed,
    );
    let words = written
        .iter()
        .map(|w| {
            let pair = AttnPair {
                context: w.context.clone(),
                target: 0,
            };
            let weights = attend(&story.dims, &params, &pair).weights;
            let most = (0..weights.len())
                .max_by(|&a, &b| weights[a].total_cmp(&weights[b]).then(b.cmp(&a)))
                .unwrap_or(0);
            (w.word, w.context[most])
        })
        .collect();
    Some(Written { start, words })
}
