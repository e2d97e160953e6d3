//! Text to training pairs, exactly as MODEL.md ("Text to training pairs") says.
//!
//! How it works: [`split_sentences`] cuts free text at `.`, `!`, `?` and line breaks;
//! [`tokenize`] normalizes a sentence to Unicode NFC, lower-cases it and keeps maximal runs of
//! Unicode letters, combining marks, digits and apostrophes (everything else separates tokens,
//! so "naïve" typed with a combining diaeresis is one word, the same as the precomposed one); [`Corpus::build`] numbers the words in order of
//! first appearance over the whole corpus and, for context length k, emits one [`Pair`]
//! `(t_{i-k} .. t_{i-1}) -> t_i` for every i in k..n of every sentence, ordered by sentence then i.
//! Pairs never cross a sentence boundary.
//!
//! Apostrophes are the ASCII `'` and the typographic `’`, kept as typed (the rule is MODEL.md's,
//! to the letter, so outside tools tokenize alike). Input made only of punctuation, emoji or
//! control characters yields no tokens and [`CorpusError::NoTokens`], never a panic.

use std::collections::HashMap;

/// One training example: the ids of the k context words (oldest first) and the id of the word
/// that follows them.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Pair {
    pub context: Vec<u32>,
    pub target: u32,
}

/// The vocabulary (index = word id) and the training pairs of a lesson.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Corpus {
    pub vocab: Vec<String>,
    pub pairs: Vec<Pair>,
    /// Context length k: every pair has exactly this many context ids.
    pub context: usize,
}

/// Why a list of sentences cannot become training pairs.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CorpusError {
    #[error("the text has no words (only punctuation, symbols or spaces)")]
    NoTokens,
    #[error("context length must be at least 1")]
    ZeroContext,
    #[error(
        "context length {context} needs a sentence of at least {} words, but the longest has {longest}",
        context + 1
    )]
    ContextTooLong { context: usize, longest: usize },
    /// A size past one of [`crate::limits`] (the message names it and the value).
    #[error("{0}")]
    Limit(String),
}

fn is_apostrophe(c: char) -> bool {
    c == '\'' || c == '\u{2019}'
}

fn is_token_char(c: char) -> bool {
    c.is_alphanumeric() || unicode_normalization::char::is_combining_mark(c) || is_apostrophe(c)
}

/// Lower-cased tokens of `text` (see the module docs for the rule).
pub fn tokenize(text: &str) -> Vec<String> {
    use unicode_normalization::UnicodeNormalization;
    let normalized: String = text.nfc().collect();
    normalized
        .split(|c: char| !is_token_char(c))
        .filter(|run| !run.is_empty())
        .map(str::to_lowercase)
        .collect()
}

fn is_sentence_end(c: char) -> bool {
    matches!(
        c,
        '.' | '!' | '?' | '\n' | '\r' | '\u{85}' | '\u{2028}' | '\u{2029}'
    )
}

/// Splits free text into sentences at `.`, `!`, `?` and line breaks. Pieces are trimmed and
/// pieces without any token are dropped.
pub fn split_sentences(text: &str) -> Vec<String> {
    text.split(is_sentence_end)
        .map(str::trim)
        .filter(|s| !tokenize(s).is_empty())
        .map(str::to_owned)
        .collect()
}

impl Corpus {
    /// Builds the vocabulary and the pairs. Each entry of `sentences` is one sentence (it is not
    /// split further; use [`split_sentences`] for free text).
    pub fn build(sentences: &[String], context: usize) -> Result<Corpus, CorpusError> {
        if context == 0 {
            return Err(CorpusError::ZeroContext);
        }
        let mut vocab: Vec<String> = Vec::new();
        let mut ids: HashMap<String, u32> = HashMap::new();
        let mut pairs = Vec::new();
        let mut longest = 0;
        for sentence in sentences {
            let tokens: Vec<u32> = tokenize(sentence)
                .into_iter()
                .map(|word| {
                    *ids.entry(word.clone()).or_insert_with(|| {
                        vocab.push(word);
                        (vocab.len() - 1) as u32
                    })
                })
                .collect();
            longest = longest.max(tokens.len());
            for i in context..tokens.len() {
                pairs.push(Pair {
                    context: tokens[i - context..i].to_vec(),
                    target: tokens[i],
                });
            }
        }
        if vocab.is_empty() {
            return Err(CorpusError::NoTokens);
        }
        if pairs.is_empty() {
            return Err(CorpusError::ContextTooLong { context, longest });
        }
        Ok(Corpus {
            vocab,
            pairs,
            context,
        })
    }

    /// The id of `word` (compared after lower-casing), if it is in the vocabulary.
    pub fn word_id(&self, word: &str) -> Option<u32> {
        let word = word.to_lowercase();
        self.vocab.iter().position(|w| *w == word).map(|i| i as u32)
    }

    /// The words of a pair's context, for messages and output.
    pub fn context_words(&self, pair: &Pair) -> Vec<&str> {
        pair.context
            .iter()
            .map(|&id| self.vocab[id as usize].as_str())
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn strings(xs: &[&str]) -> Vec<String> {
        xs.iter().map(|s| s.to_string()).collect()
    }

    fn pair(context: &[u32], target: u32) -> Pair {
        Pair {
            context: context.to_vec(),
            target,
        }
    }

    #[test]
    fn tokenize_lowercases_and_splits_on_non_letters() {
        assert_eq!(tokenize("The Cat, sat!"), strings(&["the", "cat", "sat"]));
        assert_eq!(
            tokenize("Café CRÈME naïve"),
            strings(&["café", "crème", "naïve"])
        );
        assert_eq!(tokenize("Ünïcödé Σοφία"), strings(&["ünïcödé", "σοφία"]));
        assert_eq!(tokenize("don't DON’T"), strings(&["don't", "don’t"]));
        assert_eq!(
            tokenize("'tis 'quoted' ''"),
            strings(&["'tis", "'quoted'", "''"])
        );
        assert_eq!(
            tokenize("route 66 in 2024"),
            strings(&["route", "66", "in", "2024"])
        );
        assert_eq!(tokenize("cat🐈dog 🎉"), strings(&["cat", "dog"]));
        assert_eq!(
            tokenize("tab\tnew\u{0}line\u{7f}x"),
            strings(&["tab", "new", "line", "x"])
        );
        assert_eq!(tokenize("well-known"), strings(&["well", "known"]));
    }

    #[test]
    fn decomposed_letters_stay_in_their_word() {
        // "naïve café" with combining marks (NFD) and precomposed (NFC): the same two words.
        let nfd = "nai\u{0308}ve cafe\u{0301}";
        let nfc = "na\u{00ef}ve caf\u{00e9}";
        assert_eq!(tokenize(nfd), vec!["na\u{00ef}ve", "caf\u{00e9}"]);
        assert_eq!(tokenize(nfd), tokenize(nfc));
        // A mark with no precomposed form stays inside the word too.
        assert_eq!(
            tokenize("q\u{0323}\u{0307}x y"),
            vec!["q\u{0323}\u{0307}x", "y"]
        );
    }

    #[test]
    fn tokenize_never_panics_on_junk() {
        for junk in ["", "   ", "...!?", "🎉🎉", "\u{0}\u{1}\u{1b}[;", "\u{200b}"] {
            assert!(tokenize(junk).is_empty(), "{junk:?}");
        }
    }

    #[test]
    fn split_sentences_at_punctuation_and_line_breaks() {
        let text = "The cat sat. The dog ran!  Who ate?\nA bird\r\nflew... \n\n?!";
        assert_eq!(
            split_sentences(text),
            strings(&["The cat sat", "The dog ran", "Who ate", "A bird", "flew"])
        );
        assert!(split_sentences("... ! ?\n").is_empty());
    }

    #[test]
    fn default_lesson_vocabulary_and_pairs() {
        let corpus = Corpus::build(&strings(&["the cat sat on the mat"]), 1).unwrap();
        assert_eq!(corpus.vocab, strings(&["the", "cat", "sat", "on", "mat"]));
        let want = vec![
            pair(&[0], 1),
            pair(&[1], 2),
            pair(&[2], 3),
            pair(&[3], 0),
            pair(&[0], 4),
        ];
        assert_eq!(corpus.pairs, want);
        assert_eq!(corpus.word_id("Mat"), Some(4));
        assert_eq!(corpus.word_id("dog"), None);
        assert_eq!(corpus.context_words(&corpus.pairs[3]), vec!["on"]);
    }

    #[test]
    fn context_two_starts_at_the_third_word() {
        let corpus = Corpus::build(&strings(&["the cat sat on the mat"]), 2).unwrap();
        let want = vec![
            pair(&[0, 1], 2),
            pair(&[1, 2], 3),
            pair(&[2, 3], 0),
            pair(&[3, 0], 4),
        ];
        assert_eq!(corpus.pairs, want);
        assert!(corpus.pairs.iter().all(|p| p.context.len() == 2));
    }

    #[test]
    fn pairs_never_cross_sentences() {
        let corpus = Corpus::build(&strings(&["the cat", "a dog ran", "hi"]), 1).unwrap();
        // the=0 cat=1 a=2 dog=3 ran=4 hi=5; "hi" is in the vocabulary but makes no pair.
        assert_eq!(corpus.vocab.len(), 6);
        let want = vec![pair(&[0], 1), pair(&[2], 3), pair(&[3], 4)];
        assert_eq!(corpus.pairs, want);
    }

    #[test]
    fn build_errors() {
        assert_eq!(
            Corpus::build(&strings(&["?!", "🎉"]), 1),
            Err(CorpusError::NoTokens)
        );
        assert_eq!(Corpus::build(&[], 1), Err(CorpusError::NoTokens));
        assert_eq!(
            Corpus::build(&strings(&["a b"]), 0),
            Err(CorpusError::ZeroContext)
        );
        let err = Corpus::build(&strings(&["a b", "c d e"]), 3).unwrap_err();
        assert_eq!(
            err,
            CorpusError::ContextTooLong {
                context: 3,
                longest: 3
            }
        );
        assert_eq!(
            err.to_string(),
            "context length 3 needs a sentence of at least 4 words, but the longest has 3"
        );
    }
}
