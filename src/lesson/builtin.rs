//! The built-in lessons, embedded in the binary from `assets/lessons/<id>.toml`.
//!
//! How it works: a fixed table maps each id to its file text (`include_str!`); loading parses it
//! with [`parse_lesson`] like any other lesson file, with origin `assets/lessons/<id>.toml`.
//! A unit test parses every one, so a broken built-in fails `cargo test`.

use super::{Lesson, LessonError, parse_lesson};

const BUILTINS: [(&str, &str); 6] = [
    ("cat-sat", include_str!("../../assets/lessons/cat-sat.toml")),
    (
        "similar-words",
        include_str!("../../assets/lessons/similar-words.toml"),
    ),
    (
        "learning-rate",
        include_str!("../../assets/lessons/learning-rate.toml"),
    ),
    ("context", include_str!("../../assets/lessons/context.toml")),
    (
        "der-kater",
        include_str!("../../assets/lessons/der-kater.toml"),
    ),
    (
        "attention",
        include_str!("../../assets/lessons/attention.toml"),
    ),
];

const IDS: [&str; 5] = [
    "cat-sat",
    "similar-words",
    "learning-rate",
    "context",
    "der-kater",
];

/// The ids of the built-in MLP lessons (the window's lesson menu and exhibits), the default
/// (`cat-sat`) first.
pub fn builtin_ids() -> &'static [&'static str] {
    &IDS
}

/// The id of the built-in attention lesson: it opens its own screen, so the MLP window's menu
/// and exhibits do not list it.
pub const ATTENTION_ID: &str = "attention";

/// Every built-in lesson's id: the MLP lessons, then the attention lesson.
pub fn all_builtin_ids() -> Vec<&'static str> {
    IDS.iter().copied().chain([ATTENTION_ID]).collect()
}

/// Loads a built-in lesson; an unknown id is an error that lists the known ones.
pub fn load_builtin(id: &str) -> Result<Lesson, LessonError> {
    let (_, text) = BUILTINS
        .iter()
        .find(|(name, _)| *name == id)
        .ok_or_else(|| LessonError::UnknownLesson {
            id: id.to_owned(),
            known: all_builtin_ids().iter().map(|s| s.to_string()).collect(),
        })?;
    parse_lesson(text, &format!("assets/lessons/{id}.toml"), id)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_match_the_table() {
        let table: Vec<&str> = BUILTINS.iter().map(|(id, _)| *id).collect();
        assert_eq!(table, all_builtin_ids());
    }

    #[test]
    fn every_builtin_parses_and_builds_a_corpus() {
        for id in builtin_ids() {
            let lesson = load_builtin(id).unwrap_or_else(|e| panic!("{e}"));
            assert_eq!(lesson.id, *id);
            assert!(
                !lesson.title.is_empty() && !lesson.description.is_empty(),
                "{id}"
            );
            assert!(lesson.corpus().is_ok(), "{id}");
            assert_eq!(lesson.lr_per_run().len(), lesson.runs as usize, "{id}");
        }
    }

    #[test]
    fn every_builtin_speaks_every_language() {
        use crate::i18n::Lang;
        for id in builtin_ids() {
            let lesson = load_builtin(id).unwrap();
            for lang in Lang::ALL.into_iter().filter(|l| *l != lesson.language) {
                let title = lesson.title.get_in(lang);
                assert_ne!(title, lesson.title.text, "{id}: no {lang} title");
                assert_ne!(
                    lesson.description.get_in(lang),
                    lesson.description.text,
                    "{id}: no {lang} description"
                );
            }
        }
        // The German lesson is written in German, its words among them.
        let kater = load_builtin("der-kater").unwrap();
        assert_eq!(kater.language, Lang::De);
        assert!(kater.corpus().unwrap().vocab.contains(&"saß".to_owned()));
    }

    #[test]
    fn unknown_builtin_lists_the_known_ones() {
        let err = load_builtin("dog-ran").unwrap_err().to_string();
        assert_eq!(
            err,
            "unknown lesson `dog-ran`; built-in lessons are: cat-sat, similar-words, learning-rate, context, der-kater, attention"
        );
    }
}
