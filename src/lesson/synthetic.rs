//! A synthetic large lesson for benchmarks: sentences of made-up words drawn from a Zipf-like
//! distribution (a few words are very common, most are rare, as in real text), deterministic
//! from a seed.

use super::corpus::{Corpus, CorpusError};
use crate::rng::SeededRng;

/// Sentences of `sentence_len` words over `vocab` made-up words (`w0`, `w1`, ...), enough of
/// them to give about `pairs` training pairs at context length `context`.
pub fn synthetic_sentences(
    vocab: usize,
    pairs: usize,
    context: usize,
    sentence_len: usize,
    seed: u64,
) -> Vec<String> {
    let mut rng = SeededRng::new(seed);
    // Zipf weights 1/(rank+1), sampled through the cumulative sum.
    let cumulative: Vec<f64> = (0..vocab)
        .scan(0.0, |acc, rank| {
            *acc += 1.0 / (rank as f64 + 1.0);
            Some(*acc)
        })
        .collect();
    let total = cumulative.last().copied().unwrap_or(1.0);
    let per_sentence = sentence_len.saturating_sub(context).max(1);
    let sentences = pairs.div_ceil(per_sentence);
    // Every word appears at least once: the first `forced` words of the sentences run through
    // the whole vocabulary.
    let forced = vocab.div_ceil(sentences.max(1)).min(sentence_len);
    (0..sentences)
        .map(|i| {
            let mut words: Vec<String> = (0..forced)
                .map(|k| format!("w{}", (i * forced + k) % vocab.max(1)))
                .collect();
            for _ in forced..sentence_len {
                let x = rng.next_f64() * total;
                let rank = cumulative.partition_point(|&c| c < x).min(vocab - 1);
                words.push(format!("w{rank}"));
            }
            words.join(" ")
        })
        .collect()
}

/// The benchmark's large lesson corpus: about 2,000 words and 20,000 pairs at context 2.
pub fn large_benchmark_corpus() -> Result<Corpus, CorpusError> {
    Corpus::build(&synthetic_sentences(2000, 20_000, 2, 22, 2026), 2)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn large_corpus_has_the_benchmark_shape() {
        let corpus = large_benchmark_corpus().unwrap();
        assert_eq!(corpus.vocab.len(), 2000);
        assert_eq!(corpus.pairs.len(), 20_000);
        assert_eq!(corpus.context, 2);
    }

    #[test]
    fn is_deterministic() {
        assert_eq!(
            synthetic_sentences(50, 100, 1, 6, 3),
            synthetic_sentences(50, 100, 1, 6, 3)
        );
    }
}
