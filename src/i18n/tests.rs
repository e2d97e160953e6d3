//! Every language has every message, uses every placeable of the English one, and parses; every
//! message the code asks for exists; numbers follow each language's conventions.

use std::collections::BTreeSet;

use super::format::{integer, loss, number_in, percent, percent_in, rate, signed};
use super::*;

#[test]
fn every_file_parses_and_every_language_has_every_message() {
    let english = message_variables(Lang::En).unwrap_or_else(|e| panic!("{e:?}"));
    assert!(english.len() > 100, "{} messages", english.len());
    for lang in Lang::ALL {
        let vars = message_variables(lang).unwrap_or_else(|e| panic!("{e:?}"));
        let missing: Vec<&String> = english.keys().filter(|k| !vars.contains_key(*k)).collect();
        assert!(missing.is_empty(), "{lang}: missing {missing:?}");
        let extra: Vec<&String> = vars.keys().filter(|k| !english.contains_key(*k)).collect();
        assert!(extra.is_empty(), "{lang}: not in English {extra:?}");
        for (id, want) in &english {
            assert_eq!(
                &vars[id], want,
                "{lang}: message {id} must use exactly the placeables of the English one"
            );
        }
    }
}

/// Message ids the code asks for: the first string literal of every `tr!(` / `tr_level!(` and
/// the ids listed in tables (`"help-…"` rows, phase and step titles).
fn ids_in_source() -> BTreeSet<String> {
    let mut ids = BTreeSet::new();
    let mut stack = vec![std::path::PathBuf::from(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/src"
    ))];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
                continue;
            }
            // The i18n module's own docs and tests name example ids.
            if path.extension().is_none_or(|e| e != "rs")
                || path.parent().is_some_and(|p| p.ends_with("i18n"))
            {
                continue;
            }
            let text = std::fs::read_to_string(&path).unwrap();
            for (i, _) in text
                .match_indices("tr!(")
                .chain(text.match_indices("tr_level!("))
            {
                // `tr!(`, not `include_str!(`.
                let before = text[..i].chars().next_back();
                if before.is_some_and(|c| c.is_alphanumeric() || c == '_') {
                    continue;
                }
                let rest = &text[i..];
                let Some(open) = rest.find('"') else { continue };
                // Only a literal that opens the call (ids picked by `match` are listed below).
                if rest[..open].contains([',', ';']) || open > 60 {
                    continue;
                }
                let body = &rest[open + 1..];
                if let Some(close) = body.find('"') {
                    ids.insert(body[..close].to_owned());
                }
            }
        }
    }
    ids
}

#[test]
fn every_message_the_code_asks_for_exists() {
    let english = message_ids(Lang::En).unwrap();
    let asked = ids_in_source();
    assert!(asked.len() > 50, "found only {} ids", asked.len());
    let missing: Vec<&String> = asked
        .iter()
        .filter(|id| !id.contains('{') && !english.contains(*id))
        .collect();
    assert!(missing.is_empty(), "no English message for {missing:?}");
}

#[test]
fn an_unknown_id_reads_as_itself() {
    assert_eq!(text("no-such-message", &[]), "no-such-message");
    assert_eq!(
        text("percent.no-such-attribute", &[]),
        "percent.no-such-attribute"
    );
}

#[test]
fn plurals_and_numbers_follow_the_language() {
    let _en = LanguageGuard::new(Lang::En);
    assert_eq!(
        tr!("task-job", k = 1u32),
        "We teach a tiny network one job: read a word and guess the word that comes next."
    );
    assert!(tr!("task-job", k = 2u32).contains("read 2 words"));
    assert_eq!(percent(0.453), "45%");
    assert_eq!(percent(0.0453), "4.5%");
    assert_eq!(percent(0.994), "99.4%");
    assert_eq!(percent(0.99999), "99.9%");
    assert_eq!(percent(1.0), "100%");
    assert_eq!(percent(0.0), "0%");
    assert_eq!(percent(f32::NAN), "–");
    assert_eq!(integer(1024), "1,024");
    assert_eq!(loss(1.609), "1.61");
    assert_eq!(loss(0.0123), "0.012");
    assert_eq!(rate(0.02), "0.02");
    assert_eq!(rate(1.0), "1");
    assert_eq!(signed(0.994, 2), "+0.99");
    assert_eq!(signed(-0.2, 2), "−0.20");
    assert_eq!(signed(-0.001, 2), "0.00");
    assert_eq!(number_in(Lang::De, 1234.5, 1), "1.234,5");
    assert_eq!(number_in(Lang::Fr, 1234.5, 1), "1\u{202f}234,5");
    assert_eq!(number_in(Lang::Es, 1234.5, 1), "1234,5");
    assert_eq!(number_in(Lang::Es, 12345.0, 0), "12.345");
    assert_eq!(number_in(Lang::En, -0.0001, 2), "0.00");
}

#[test]
fn a_thread_override_leaves_other_threads_alone() {
    let german = std::thread::spawn(|| {
        let _de = LanguageGuard::new(Lang::De);
        (language(), percent_in(language(), 0.453))
    })
    .join()
    .unwrap();
    assert_eq!(german.0, Lang::De);
    assert!(german.1.starts_with("45"), "{}", german.1);
    assert_eq!(language(), Lang::En);
}

#[test]
fn languages_parse_and_refuse_scripts_we_cannot_lay_out() {
    assert_eq!(Lang::parse("de"), Ok(Lang::De));
    assert_eq!(Lang::parse("fr-CH"), Ok(Lang::Fr));
    assert_eq!(Lang::parse("ES"), Ok(Lang::Es));
    let arabic = Lang::parse("ar").unwrap_err();
    assert!(arabic.contains("right to left"), "{arabic}");
    let japanese = Lang::parse("ja").unwrap_err();
    assert!(japanese.contains("CJK"), "{japanese}");
    let klingon = Lang::parse("tlh").unwrap_err();
    assert!(klingon.contains("en, de, fr, es"), "{klingon}");
    for lang in Lang::ALL {
        assert_eq!(Lang::parse(lang.code()), Ok(lang));
        assert!(!lang.native_name().is_empty());
    }
}
