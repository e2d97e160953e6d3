//! Tests of the lesson file format: parsing, defaults, and one-line errors with line:column.

use super::*;

const GOOD: &str = r#"title = "T"
description = "D"
sentences = ["the cat sat on the mat"]
epochs = 10
seed = 3

[model]
embed_dim = 2
hidden = 3

[optimizer]
name = "sgd"
lr = 1
"#;

fn parse(text: &str) -> Result<Lesson, LessonError> {
    parse_lesson(text, "x.toml", "x")
}

fn error(text: &str) -> String {
    let message = parse(text).unwrap_err().to_string();
    assert!(!message.contains('\n'), "not one line: {message}");
    message
}

/// GOOD with the line that starts with `key` replaced by `line` (or with `line` appended).
fn with(key: &str, line: &str) -> String {
    let mut found = false;
    let mut out: Vec<String> = GOOD
        .lines()
        .map(|l| {
            if l.starts_with(key) {
                found = true;
                line.to_owned()
            } else {
                l.to_owned()
            }
        })
        .collect();
    if !found {
        out.push(line.to_owned());
    }
    out.join("\n")
}

#[test]
fn minimal_file_gets_defaults() {
    let lesson = parse(GOOD).unwrap();
    assert_eq!(lesson.id, "x");
    assert_eq!(lesson.runs, 1);
    assert_eq!(lesson.lr, vec![1.0]);
    assert_eq!(lesson.seed, 3);
    assert_eq!(lesson.epochs, 10);
    assert_eq!(
        lesson.model,
        ModelSpec {
            embed_dim: 2,
            hidden: 3,
            context: 1,
            activation: Activation::Tanh,
            kind: ModelKind::Mlp,
        }
    );
    assert_eq!(lesson.optimizer, OptimizerKind::Sgd);
    assert_eq!(
        parse(&with("description", "")).unwrap().description.text,
        ""
    );
}

#[test]
fn text_is_split_into_sentences() {
    let lesson = parse(&with("sentences", "text = \"The cat sat.\\nThe dog ran!\"")).unwrap();
    assert_eq!(lesson.sentences, vec!["The cat sat", "The dog ran"]);
    let lesson = parse(&with("sentences", "sentences = [\"a b. c d\", \"e f\"]")).unwrap();
    assert_eq!(lesson.sentences, vec!["a b", "c d", "e f"]);
}

#[test]
fn line_and_column_of_a_syntax_error() {
    let text = "title = \"T\"\ndescription = \"D\"\nepochs = = 3\n";
    let message = error(text);
    assert!(message.starts_with("x.toml:3:10: "), "{message}");
}

#[test]
fn unknown_key_is_an_error_at_its_place() {
    let message = error(&with("epochs", "epoch = 10"));
    assert!(
        message.starts_with("x.toml:4:1: unknown field `epoch`"),
        "{message}"
    );
    let message = error(&with("hidden", "hiden = 3"));
    assert!(
        message.starts_with("x.toml:9:1: unknown field `hiden`"),
        "{message}"
    );
}

#[test]
fn wrong_type_and_missing_key() {
    let message = error(&with("epochs", "epochs = \"ten\""));
    assert!(message.starts_with("x.toml:4:10: "), "{message}");
    let message = error(&with("title", ""));
    assert!(message.contains("missing field `title`"), "{message}");
}

#[test]
fn validation_errors_point_at_the_value() {
    let cases = [
        (
            "epochs",
            "epochs = 0",
            "x.toml:4:10: `epochs` must be between 1 and 10000000, got 0",
        ),
        (
            "epochs",
            "epochs = 9999999999",
            "x.toml:4:10: `epochs` must be between 1 and 10000000, got 9999999999",
        ),
        (
            "seed",
            "seed = -1",
            "x.toml:5:8: `seed` must be at least 0, got -1",
        ),
        (
            "seed",
            "seed = 3\nruns = 0",
            "x.toml:6:8: `runs` must be between 1 and 4096, got 0",
        ),
        (
            "embed_dim",
            "embed_dim = 0",
            "x.toml:8:13: `embed_dim` must be between 1 and 256, got 0",
        ),
        (
            "hidden",
            "hidden = -2",
            "x.toml:9:10: `hidden` must be between 1 and 1024, got -2",
        ),
        (
            "[optimizer]",
            "context = 0\n[optimizer]",
            "x.toml:11:11: `context` must be between 1 and 16, got 0",
        ),
        (
            "[optimizer]",
            "activation = \"gelu\"\n[optimizer]",
            "x.toml:11:14: unknown activation `gelu`, expected \"tanh\" or \"relu\"",
        ),
        (
            "name",
            "name = \"rmsprop\"",
            "x.toml:12:8: unknown optimizer `rmsprop`, expected \"sgd\", \"momentum\" or \"adam\"",
        ),
        (
            "lr",
            "lr = 0",
            "x.toml:13:6: `lr` must be a finite number > 0, got 0",
        ),
        (
            "lr",
            "lr = -0.5",
            "x.toml:13:6: `lr` must be a finite number > 0, got -0.5",
        ),
        (
            "lr",
            "lr = nan",
            "x.toml:13:6: `lr` must be a finite number > 0, got NaN",
        ),
        (
            "lr",
            "lr = inf",
            "x.toml:13:6: `lr` must be a finite number > 0, got inf",
        ),
        (
            "lr",
            "lr = \"fast\"",
            "x.toml:13:6: `lr` must be a number or an array of numbers",
        ),
        (
            "lr",
            "lr = []",
            "x.toml:13:6: `lr` must have 1 entry or one per run (1), got 0",
        ),
        (
            "lr",
            "lr = [0.1, 0.2]",
            "x.toml:13:6: `lr` must have 1 entry or one per run (1), got 2",
        ),
        (
            "sentences",
            "sentences = []",
            "x.toml:3:13: `sentences` must list at least one sentence",
        ),
        (
            "sentences",
            "sentences = [\"?!\"]",
            "x.toml:3:13: the text has no words (only punctuation, symbols or spaces)",
        ),
        (
            "sentences",
            "sentences = [\"a\"]",
            "x.toml:3:13: context length 1 needs a sentence of at least 2 words, but the longest has 1",
        ),
        (
            "sentences",
            "",
            "x.toml: expected `sentences = [...]` or `text = \"...\"`",
        ),
    ];
    for (key, line, want) in cases {
        assert_eq!(error(&with(key, line)), want, "{key} -> {line}");
    }
    let both = GOOD.replacen("epochs", "text = \"a b\"\nepochs", 1);
    assert_eq!(
        error(&both),
        "x.toml:4:8: give either `sentences` or `text`, not both"
    );
}

#[test]
fn runs_with_one_lr_per_run() {
    let text = with("lr", "lr = [0.1, 0.2, 0.3]").replacen("seed = 3", "seed = 3\nruns = 3", 1);
    let lesson = parse(&text).unwrap();
    assert_eq!(lesson.lr_per_run(), vec![0.1, 0.2, 0.3]);
    assert_eq!(lesson.seeds(), vec![3, 3, 3]);
}

#[test]
fn line_column_counts_characters() {
    assert_eq!(line_column("ab\ncé d", 0), (1, 1));
    assert_eq!(line_column("ab\ncé d", 3), (2, 1));
    assert_eq!(line_column("ab\ncé d", 6), (2, 3));
    assert_eq!(line_column("ab\ncé d", 5), (2, 2)); // inside 'é': its start
    assert_eq!(line_column("ab", 99), (1, 3));
}

#[test]
fn translations_and_language_are_read_and_checked() {
    let base = "title = \"t\"\nsentences = [\"a b a\"]\nepochs = 3\nseed = 1\n";
    let tail = "[model]\nembed_dim = 2\nhidden = 2\n[optimizer]\nname = \"sgd\"\nlr = 0.1\n";
    let ok = format!(
        "{base}language = \"de\"\n[translations.fr]\ntitle = \"titre\"\ndescription = \"d\"\n{tail}"
    );
    let lesson = parse(&ok).unwrap();
    assert_eq!(lesson.language, crate::i18n::Lang::De);
    assert_eq!(lesson.title.get_in(crate::i18n::Lang::Fr), "titre");
    assert_eq!(lesson.title.get_in(crate::i18n::Lang::Es), "t");
    let rtl = format!("{base}[translations.ar]\ntitle = \"x\"\n{tail}");
    let err = parse(&rtl).unwrap_err().to_string();
    assert!(
        err.contains("translations.ar") && err.contains("right to left"),
        "{err}"
    );
    let unknown = format!("{base}language = \"xx\"\n{tail}");
    assert!(parse(&unknown).unwrap_err().to_string().contains(":5:"));
    let two_lines = format!("{base}[translations.de]\ntitle = \"a\\nb\"\n{tail}");
    assert!(
        parse(&two_lines)
            .unwrap_err()
            .to_string()
            .contains("one line")
    );
}

#[test]
fn attention_lessons_are_read_and_bad_values_refused() {
    let base = "title = \"t\"\nsentences = [\"a b c a\"]\nepochs = 3\nseed = 1\n";
    let tail = "[optimizer]\nname = \"adam\"\nlr = 0.02\n";
    let model = |lines: &str| format!("{base}[model]\nembed_dim = 4\n{lines}\n{tail}");
    let lesson = parse(&model("kind = \"attention\"\nattn_dim = 3\nwindow = 2")).unwrap();
    assert_eq!(
        lesson.model.kind,
        ModelKind::Attention {
            attn_dim: 3,
            window: 2
        }
    );
    assert!(
        lesson
            .mlp_only("the window")
            .unwrap_err()
            .contains("attention lesson")
    );
    let default_window = parse(&model("kind = \"attention\"\nattn_dim = 3")).unwrap();
    assert_eq!(
        default_window.model.kind,
        ModelKind::Attention {
            attn_dim: 3,
            window: super::super::DEFAULT_WINDOW
        }
    );
    for (lines, needle) in [
        (
            "kind = \"attention\"\nattn_dim = 3\nwindow = 0",
            ":9:10: `window` must be between 1 and 16, got 0",
        ),
        (
            "kind = \"attention\"\nattn_dim = 3\nwindow = 17",
            ":9:10: `window` must be between 1 and 16, got 17",
        ),
        (
            "kind = \"attention\"\nattn_dim = 0",
            ":8:12: `attn_dim` must be between 1 and 256, got 0",
        ),
        (
            "kind = \"attention\"",
            ":7:8: an attention model needs `attn_dim`",
        ),
        (
            "kind = \"rnn\"\nhidden = 2",
            ":7:8: unknown model kind `rnn`",
        ),
        (
            "hidden = 2\nattn_dim = 3",
            ":8:12: `attn_dim` belongs to attention lessons",
        ),
        ("", "needs `hidden`"),
    ] {
        let err = parse(&model(lines)).unwrap_err().to_string();
        assert!(err.contains(needle), "{lines:?}: {err}");
        assert_eq!(err.lines().count(), 1);
    }
}
