//! Property tests over every kind of input a user controls: lesson TOML, exhibit config TOML,
//! typed text and command lines. Each input gives a result or a clean error, never a panic, and
//! what is accepted is within the limits of [`crate::limits`].

use proptest::prelude::*;

use crate::limits;

/// TOML-ish text: real keys with hostile values, and plain junk.
fn lesson_text() -> impl Strategy<Value = String> {
    let number = prop_oneof![
        Just("0".to_owned()),
        Just("-1".to_owned()),
        Just("18446744073709551615".to_owned()),
        Just("9223372036854775807".to_owned()),
        Just("1e309".to_owned()),
        Just("nan".to_owned()),
        Just("inf".to_owned()),
        (0i64..5000).prop_map(|n| n.to_string()),
        Just("\"x\"".to_owned()),
    ];
    let sentence = prop_oneof![
        Just("the cat sat on the mat".to_owned()),
        Just("".to_owned()),
        Just("!!! ...".to_owned()),
        Just("nai\u{0308}ve cafe\u{0301} 猫 😀".to_owned()),
        "[a-z ]{0,40}",
    ];
    (
        number.clone(),
        number.clone(),
        number.clone(),
        number.clone(),
        number.clone(),
        number,
        sentence,
        any::<bool>(),
    )
        .prop_map(|(epochs, seed, runs, dim, hidden, context, sentence, lr_list)| {
            let lr = if lr_list { "[0.1, 0.2]" } else { "0.02" };
            format!(
                "title = \"t\"\nsentences = [\"{sentence}\"]\nepochs = {epochs}\nseed = {seed}\n\
                 runs = {runs}\n[model]\nembed_dim = {dim}\nhidden = {hidden}\ncontext = \
                 {context}\n[optimizer]\nname = \"adam\"\nlr = {lr}\n"
            )
        })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn lesson_files_load_or_say_why(text in lesson_text()) {
        if let Ok(lesson) = crate::lesson::parse_lesson(&text, "x.toml", "x") {
            // Accepted: within every limit, and its corpus builds.
            let corpus = lesson.corpus().expect("an accepted lesson has a corpus");
            prop_assert!(lesson.runs as usize <= limits::MAX_RUNS);
            prop_assert!(lesson.epochs <= limits::MAX_EPOCHS);
            prop_assert!(corpus.vocab.len() <= limits::MAX_VOCAB);
        }
    }

    #[test]
    fn any_bytes_as_a_lesson_file_never_panic(text in "\\PC{0,200}") {
        let _ = crate::lesson::parse_lesson(&text, "x.toml", "x");
    }

    #[test]
    fn exhibit_configs_load_or_say_why(
        idle in prop_oneof![Just("-5".to_owned()), Just("1e400".to_owned()), Just("nan".to_owned()), (0u32..100_000).prop_map(|n| n.to_string())],
        junk in "\\PC{0,80}",
        lesson in prop_oneof![Just("cat-sat".to_owned()), Just("/dev/zero".to_owned()), Just("nope".to_owned()), "[a-z/.]{0,20}"],
    ) {
        let text = format!("idle_secs = {idle}\nlessons = [\"{lesson}\"]\n");
        let _ = crate::kiosk::ExhibitConfig::parse(&text, "c.toml", None);
        let _ = crate::kiosk::ExhibitConfig::parse(&junk, "c.toml", None);
    }

    #[test]
    fn typed_text_trains_or_says_why(text in "\\PC{0,400}") {
        match crate::ui::text::check_text(&text) {
            Ok(lesson) => {
                let corpus = lesson.corpus().expect("an accepted text has a corpus");
                prop_assert!(!corpus.pairs.is_empty());
            }
            Err(message) => prop_assert!(!message.is_empty() && !message.contains('\n')),
        }
    }

    #[test]
    fn command_lines_parse_or_say_why(
        args in proptest::collection::vec(
            prop_oneof![
                Just("train".to_owned()), Just("render".to_owned()), Just("generate".to_owned()),
                Just("--epochs".to_owned()), Just("--runs".to_owned()), Just("--lr".to_owned()),
                Just("--hidden".to_owned()), Just("--size".to_owned()), Just("--orbit".to_owned()),
                Just("--temperature".to_owned()), Just("--top-k".to_owned()), Just("--speed".to_owned()),
                Just("NaN".to_owned()), Just("-inf".to_owned()), Just("1e999".to_owned()),
                Just("18446744073709551616".to_owned()), Just("99999x99999".to_owned()),
                "\\PC{0,12}",
            ],
            0..8,
        )
    ) {
        use clap::Parser;
        let mut argv = vec!["nextword".to_owned()];
        argv.extend(args);
        if let Ok(cli) = crate::cli::Cli::try_parse_from(&argv) {
            // Accepted numbers are finite where a float is asked for.
            if let Some(crate::cli::Command::Render(r)) = &cli.command {
                prop_assert!(r.orbit.is_finite() && r.fps.is_finite());
                prop_assert!(r.size.0 <= limits::MAX_FRAME_SIDE && r.size.1 <= limits::MAX_FRAME_SIDE);
            }
            if let Some(crate::cli::Command::Generate(g)) = &cli.command {
                prop_assert!(g.temperature.is_finite() && g.temperature >= 0.0);
            }
            prop_assert!(cli.window.speed.is_finite() && cli.window.speed > 0.0);
        }
    }
}
