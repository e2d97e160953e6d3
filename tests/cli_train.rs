//! `nextword train` and `nextword lessons` as a user runs them: the jsonl output contract of
//! MODEL.md, csv and table, and one clear error line (never a panic) for every bad input.

mod common;

use std::process::{Command, Output};

use nextword::lesson;
use nextword::model::{Dims, init_params, train_reference};
use serde_json::Value;

fn nextword(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_nextword"))
        .args(args)
        .output()
        .expect("run nextword")
}

fn stdout_lines(output: &Output) -> Vec<String> {
    assert!(
        output.status.success(),
        "nextword failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout.clone())
        .unwrap()
        .lines()
        .map(str::to_owned)
        .collect()
}

/// `nextword <command> --format jsonl <args>` lines as JSON.
fn json_lines(command: &str, args: &[&str]) -> Vec<Value> {
    let mut all = vec![command, "--format", "jsonl"];
    all.extend_from_slice(args);
    stdout_lines(&nextword(&all))
        .iter()
        .map(|l| serde_json::from_str(l).expect("a JSON line"))
        .collect()
}

fn jsonl(args: &[&str]) -> Vec<Value> {
    json_lines("train", args)
}

#[test]
fn jsonl_header_follows_the_contract() {
    let lines = jsonl(&["--epochs", "3"]);
    let h = &lines[0];
    assert_eq!(h["type"], "header");
    assert_eq!(h["lesson"], "cat-sat");
    assert_eq!(
        h["vocab"],
        serde_json::json!(["the", "cat", "sat", "on", "mat"])
    );
    let pairs: Vec<(String, String)> = h["pairs"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| {
            (
                p["context"][0].as_str().unwrap().to_owned(),
                p["target"].as_str().unwrap().to_owned(),
            )
        })
        .collect();
    let want = [
        ("the", "cat"),
        ("cat", "sat"),
        ("sat", "on"),
        ("on", "the"),
        ("the", "mat"),
    ];
    assert_eq!(pairs, want.map(|(a, b)| (a.to_owned(), b.to_owned())));
    assert_eq!(h["model"]["embed_dim"], 8);
    assert_eq!(h["model"]["hidden"], 4);
    assert_eq!(h["model"]["context"], 1);
    assert_eq!(h["model"]["activation"], "tanh");
    assert_eq!(h["model"]["parameters"], 101);
    assert_eq!(h["optimizer"]["name"], "adam");
    assert_eq!(h["optimizer"]["lr"].as_array().unwrap().len(), 1);
    assert_eq!(h["runs"], 1);
    assert_eq!(h["seeds"].as_array().unwrap().len(), 1);
    assert!(h["adapter"].as_str().unwrap().len() > 3);
}

#[test]
fn jsonl_epochs_match_the_cpu_reference() {
    let epochs = 40;
    let lines = jsonl(&["--epochs", "40", "--runs", "2", "--lr", "0.01,0.05"]);
    assert_eq!(lines.len(), 1 + 2 * (epochs + 1));
    let lesson = lesson::load_builtin("cat-sat").unwrap();
    let corpus = lesson.corpus().unwrap();
    let dims = Dims::from_spec(corpus.vocab.len(), &lesson.model);
    for run in 0..2u32 {
        let lr = [0.01, 0.05][run as usize];
        // Runs that differ by learning rate share the seed; the header says which.
        let seed = lines[0]["seeds"][run as usize].as_u64().unwrap();
        assert_eq!(seed, lesson.seed);
        let params = init_params(&dims, seed);
        let reference = train_reference(
            dims,
            lesson.model.activation,
            lesson.optimizer,
            lr,
            params,
            &corpus.pairs,
            epochs as u32,
        );
        let rows: Vec<&Value> = lines[1..].iter().filter(|l| l["run"] == run).collect();
        assert_eq!(rows.len(), epochs + 1);
        for (row, want) in rows.iter().zip(&reference) {
            assert_eq!(row["type"], "epoch");
            assert_eq!(row["epoch"], want.epoch);
            let loss = row["loss"].as_f64().unwrap();
            assert!(
                (loss - want.loss).abs() < 1e-4,
                "run {run} epoch {}: {loss} vs {}",
                want.epoch,
                want.loss
            );
            let probs = row["probs"].as_array().unwrap();
            assert_eq!(probs.len(), 5);
            for (got, want) in probs.iter().zip(&want.probs) {
                let got: Vec<f64> = got
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|x| x.as_f64().unwrap())
                    .collect();
                assert_eq!(got.len(), 5);
                for (g, w) in got.iter().zip(want) {
                    assert!((g - w).abs() < 1e-4);
                }
            }
            assert!(row.get("params").is_none());
            assert!(row.get("diverged").is_none());
        }
    }
    // Epoch-major order: every epoch's runs together.
    assert_eq!(lines[1]["epoch"], 0);
    assert_eq!(lines[2]["epoch"], 0);
    assert_eq!(lines[3]["epoch"], 1);
}

#[test]
fn long_runs_stream_past_the_history_capacity() {
    // 5000 epochs need more slots than one history holds: the CLI streams them in chunks.
    let lines = jsonl(&["--epochs", "5000"]);
    assert_eq!(lines.len(), 1 + 5001);
    for (e, line) in lines[1..].iter().enumerate() {
        assert_eq!(line["epoch"], e as u64);
    }
    let last = lines.last().unwrap()["loss"].as_f64().unwrap();
    assert!(
        last < 0.3,
        "cat-sat converges near its floor 0.277, got {last}"
    );
}

#[test]
fn params_have_the_documented_shapes_and_move() {
    let lines = jsonl(&["--epochs", "2", "--params"]);
    assert_eq!(lines.len(), 4);
    for line in &lines[1..] {
        let p = &line["params"];
        let rows = |name: &str| p[name].as_array().unwrap().clone();
        assert_eq!(rows("embedding").len(), 5);
        assert!(
            rows("embedding")
                .iter()
                .all(|r| r.as_array().unwrap().len() == 8)
        );
        assert_eq!(rows("w1").len(), 8);
        assert!(rows("w1").iter().all(|r| r.as_array().unwrap().len() == 4));
        assert_eq!(rows("b1").len(), 4);
        assert_eq!(rows("w2").len(), 4);
        assert!(rows("w2").iter().all(|r| r.as_array().unwrap().len() == 5));
        assert_eq!(rows("b2").len(), 5);
    }
    assert_ne!(lines[1]["params"]["w1"], lines[3]["params"]["w1"]);
    let lesson = lesson::load_builtin("cat-sat").unwrap();
    let dims = Dims::from_spec(5, &lesson.model);
    let init = init_params(&dims, lesson.seed);
    let first = lines[1]["params"]["embedding"][0][0].as_f64().unwrap();
    // Shortest round-trip f32 text: parsed back as f32 it is exactly the engine's value.
    assert_eq!(
        first as f32, init[0] as f32,
        "epoch 0 reports the initial parameters, printed exactly"
    );
}

#[test]
fn a_diverging_run_is_flagged_in_its_epoch_lines() {
    let lines = jsonl(&[
        "--epochs",
        "20",
        "--runs",
        "2",
        "--lr",
        "0.05,1e30",
        "--optimizer",
        "sgd",
        "--activation",
        "relu",
    ]);
    let diverged: Vec<&Value> = lines[1..]
        .iter()
        .filter(|l| l["diverged"] == true)
        .collect();
    assert!(!diverged.is_empty(), "lr 1e30 must diverge");
    assert!(diverged.iter().all(|l| l["run"] == 1));
    let healthy = lines[1..].iter().filter(|l| l["run"] == 0);
    assert!(healthy.clone().all(|l| l["loss"].is_number()));
    assert!(
        diverged.iter().any(|l| l["loss"].is_null()),
        "a non-finite loss prints as null"
    );
}

#[test]
fn csv_and_table_carry_the_same_numbers() {
    let json = jsonl(&["--epochs", "2", "--lesson", "context"]);
    let csv = stdout_lines(&nextword(&[
        "train", "--epochs", "2", "--lesson", "context", "--format", "csv",
    ]));
    let columns: Vec<&str> = csv[0].split(',').collect();
    assert_eq!(&columns[..4], &["run", "epoch", "loss", "diverged"]);
    assert_eq!(columns.len(), 4 + 4 * 5, "4 pairs x 5 words");
    assert_eq!(csv.len(), 1 + 3);
    for (row, line) in csv[1..].iter().zip(&json[1..]) {
        let cells: Vec<&str> = row.split(',').collect();
        assert_eq!(cells[1], line["epoch"].to_string());
        assert_eq!(
            cells[2].parse::<f64>().unwrap(),
            line["loss"].as_f64().unwrap()
        );
        let probs: Vec<f64> = line["probs"]
            .as_array()
            .unwrap()
            .iter()
            .flat_map(|p| p.as_array().unwrap().clone())
            .map(|x| x.as_f64().unwrap())
            .collect();
        let cells: Vec<f64> = cells[4..].iter().map(|c| c.parse().unwrap()).collect();
        assert_eq!(cells, probs);
    }
    let table = stdout_lines(&nextword(&[
        "train", "--epochs", "2", "--lesson", "context",
    ]))
    .join("\n");
    assert!(table.contains("epoch     2"));
    assert!(table.contains("on the -> mat"));
    let loss = json[3]["loss"].as_f64().unwrap();
    assert!(
        table.contains(&format!("{loss:.6}")),
        "table shows epoch 2's loss {loss:.6}"
    );
}

#[test]
fn lessons_are_listed() {
    let lines = stdout_lines(&nextword(&["lessons"]));
    for id in lesson::all_builtin_ids() {
        assert!(lines.iter().any(|l| l.starts_with(id)), "{id} missing");
    }
}

/// Runs nextword expecting failure with exactly one stderr line containing `needle`.
fn fails_with(args: &[&str], needle: &str) {
    let output = nextword(args);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(!output.status.success(), "{args:?} should fail");
    assert!(!stderr.contains("panicked"), "{args:?} panicked: {stderr}");
    let lines: Vec<&str> = stderr
        .lines()
        .filter(|l| !l.contains("XDG_RUNTIME_DIR"))
        .collect();
    assert_eq!(lines.len(), 1, "{args:?}: expected one line, got: {stderr}");
    assert!(
        lines[0].to_lowercase().contains(&needle.to_lowercase()),
        "{args:?}: {:?} lacks {needle:?}",
        lines[0]
    );
}

#[test]
fn bad_input_gives_one_clear_line_and_a_failure() {
    fails_with(&["train", "--lesson", "no-such-lesson"], "no-such-lesson");
    fails_with(&["train", "--text", ""], "word");
    fails_with(&["train", "--text", "!!! ... ???"], "word");
    fails_with(&["train", "--context", "9"], "context");
    fails_with(&["train", "--lr", "0"], "lr");
    fails_with(&["train", "--lr", "-1"], "lr");
    fails_with(&["train", "--lr", "nan"], "lr");
    fails_with(&["train", "--lr", "inf"], "lr");
    fails_with(&["train", "--runs", "0"], "runs");
    fails_with(&["train", "--epochs", "many"], "many");
    fails_with(&["train", "--lr", "abc"], "abc");
    fails_with(
        &["train", "--runs", "3", "--lr", "0.1,0.2"],
        "learning rates",
    );
    fails_with(&["train", "--optimizer", "rmsprop"], "rmsprop");
    fails_with(&["train", "--hidden", "0"], "hidden");
    fails_with(&["train", "--format", "xml"], "xml");
}

#[test]
fn malformed_lesson_files_name_the_place() {
    let dir = std::env::temp_dir().join(format!("nextword-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let broken = dir.join("broken.toml");
    std::fs::write(
        &broken,
        "title = \"x\"\nsentences = [\"a b c\"\nepochs = 3\n",
    )
    .unwrap();
    fails_with(
        &["train", "--lesson", broken.to_str().unwrap()],
        "broken.toml:",
    );
    let unknown = dir.join("unknown.toml");
    let text = lesson::builtin_ids()
        .first()
        .map(|_| include_str!("../assets/lessons/cat-sat.toml"))
        .unwrap();
    std::fs::write(&unknown, format!("{text}\ncolour = \"red\"\n")).unwrap();
    fails_with(&["train", "--lesson", unknown.to_str().unwrap()], "colour");
    fails_with(
        &[
            "train",
            "--lesson",
            dir.join("missing.toml").to_str().unwrap(),
        ],
        "missing",
    );
}

/// `nextword narrate` lines as JSON.
fn narrate(args: &[&str]) -> Vec<Value> {
    json_lines("narrate", args)
}

#[test]
fn narrate_states_the_numbers_train_prints() {
    // The narration's probability of sat after cat at epoch 40 is the engine's, as `train`
    // prints it (the same GPU history, read by the same code as the window).
    let lines = narrate(&["--lesson", "cat-sat", "--epoch", "40"]);
    assert_eq!(lines[0]["type"], "header");
    assert!(
        lines[0]["milestones"]
            .as_array()
            .is_some_and(|m| !m.is_empty())
    );
    let narration = lines
        .iter()
        .find(|l| l["type"] == "narration")
        .expect("a narration line");
    assert_eq!(narration["epoch"], 40);
    let claims: Vec<&Value> = narration["sentences"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|s| s["claims"].as_array().unwrap())
        .collect();
    let p = claims
        .iter()
        .find(|c| c["kind"] == "probability" && c["word"] == "sat" && c["context"][0] == "cat")
        .expect("a probability claim")["p"]
        .as_f64()
        .unwrap();
    let trained = jsonl(&["--epochs", "40"]);
    let epoch40 = trained
        .iter()
        .find(|l| l["type"] == "epoch" && l["epoch"] == 40)
        .unwrap();
    // Pair 1 is cat -> sat; word 2 is "sat".
    let want = epoch40["probs"][1][2].as_f64().unwrap();
    assert!((p - want).abs() < 1e-7, "narrated {p}, trained {want}");
    // One line per step, each sentence with its text.
    let steps: Vec<&Value> = lines.iter().filter(|l| l["type"] == "step").collect();
    assert_eq!(steps.len(), nextword::ui::Step::ALL.len());
    assert!(steps.iter().all(|s| s["sentences"][0]["text"].is_string()));
}

#[test]
fn narrate_names_every_word_after_an_ambiguous_context() {
    let lines = narrate(&[
        "--text",
        "the dog chased the ball and the cat chased the dog",
        "--epoch",
        "200",
    ]);
    let split = lines
        .iter()
        .flat_map(|l| l["sentences"].as_array().cloned().unwrap_or_default())
        .flat_map(|s| s["claims"].as_array().cloned().unwrap())
        .find(|c| c["kind"] == "split")
        .expect("a split claim");
    assert_eq!(split["context"], serde_json::json!(["the"]));
    assert_eq!(
        split["words"],
        serde_json::json!([["dog", 0.5], ["ball", 0.25], ["cat", 0.25]])
    );
    // Bad input: one clear line.
    let out = nextword(&["narrate", "--epoch", "3", "--all"]);
    assert!(!out.status.success());
    let out = nextword(&["narrate", "--lang", "ar"]);
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("right to left"), "{err}");
}

/// `nextword generate --format jsonl` lines as JSON.
fn generate(args: &[&str]) -> Vec<Value> {
    json_lines("generate", args)
}

#[test]
fn generate_follows_the_contract_and_the_cpu_reference() {
    use nextword::model::ReferenceRun;
    use nextword::model::sample::{Sampling, write};
    let lines = generate(&[
        "--lesson",
        "context",
        "--epoch",
        "60",
        "--prompt",
        "the cat",
        "--words",
        "8",
        "--temperature",
        "0.8",
        "--top-k",
        "3",
        "--seed",
        "5",
    ]);
    let h = &lines[0];
    assert_eq!(h["type"], "header");
    assert_eq!(h["epoch"], 60);
    assert_eq!(h["prompt"], serde_json::json!(["the", "cat"]));
    assert_eq!(h["temperature"], 0.8);
    assert_eq!(h["top_k"], 3);
    assert_eq!(h["seed"], 5);
    assert_eq!(lines.len(), 1 + 8);

    let lesson = lesson::load_builtin("context").unwrap();
    let corpus = lesson.corpus().unwrap();
    let dims = Dims::from_spec(corpus.vocab.len(), &lesson.model);
    let mut run = ReferenceRun::new(
        dims,
        lesson.model.activation,
        lesson.optimizer,
        lesson.lr[0],
        init_params(&dims, lesson.seed),
    );
    for _ in 0..60 {
        run.step(&corpus.pairs);
    }
    let prompt = [
        corpus.word_id("the").unwrap(),
        corpus.word_id("cat").unwrap(),
    ];
    let sampling = Sampling {
        temperature: 0.8,
        top_k: Some(3),
    };
    let want = write(
        &dims,
        lesson.model.activation,
        run.params(),
        &prompt,
        8,
        sampling,
        5,
    );
    for (step, (line, want)) in lines[1..].iter().zip(&want).enumerate() {
        assert_eq!(line["type"], "step");
        assert_eq!(line["step"], step);
        let context: Vec<&str> = line["context"]
            .as_array()
            .unwrap()
            .iter()
            .map(|w| w.as_str().unwrap())
            .collect();
        let want_context: Vec<&str> = want
            .context
            .iter()
            .map(|&id| corpus.vocab[id as usize].as_str())
            .collect();
        assert_eq!(context, want_context);
        let probs: Vec<f64> = line["probs"]
            .as_array()
            .unwrap()
            .iter()
            .map(|p| p.as_f64().unwrap())
            .collect();
        assert_eq!(probs.len(), corpus.vocab.len());
        assert_eq!(
            probs.iter().filter(|&&p| p > 0.0).count(),
            3.min(probs.len())
        );
        for (g, w) in probs.iter().zip(&want.probs) {
            assert!((g - w).abs() < 1e-4, "step {step}: {g} vs {w}");
        }
        assert_eq!(line["word"], corpus.vocab[want.word as usize].as_str());
    }
}

#[test]
fn generate_refuses_bad_prompts_and_settings() {
    fails_with(&["generate", "--prompt", "the dog"], "“dog”");
    fails_with(&["generate", "--prompt", ""], "no words");
    fails_with(
        &["generate", "--lesson", "context", "--prompt", "cat"],
        "at least 2",
    );
    fails_with(
        &["generate", "--prompt", "cat", "--temperature", "-1"],
        "temperature",
    );
    fails_with(
        &["generate", "--prompt", "cat", "--temperature", "nan"],
        "temperature",
    );
    fails_with(
        &["generate", "--prompt", "cat", "--temperature", "inf"],
        "temperature",
    );
    fails_with(&["generate", "--prompt", "cat", "--top-k", "0"], "top-k");
    fails_with(&["generate", "--prompt", "cat", "--top-k", "6"], "top-k");
    fails_with(&["generate", "--prompt", "cat", "--words", "0"], "words");
    fails_with(
        &["generate", "--prompt", "cat", "--words", "100000"],
        "words",
    );
    fails_with(&["generate", "--prompt", "cat", "--epoch", "-3"], "-3");
}

#[test]
fn milestones_stay_true_after_the_history_compacts() {
    // 300 epochs: every epoch recorded, every milestone exact.
    let exact = narrate(&["--epoch", "300", "--step", "3"]);
    // 50,000 epochs: the history keeps every 64th epoch or so; a milestone is a bound.
    let coarse = narrate(&["--epoch", "50000", "--step", "3"]);
    let milestones =
        |lines: &[Value]| -> Vec<Value> { lines[0]["milestones"].as_array().unwrap().clone() };
    let exact = milestones(&exact);
    let coarse = milestones(&coarse);
    assert!(!coarse.is_empty());
    for m in &coarse {
        let twin = exact
            .iter()
            .find(|e| e["milestone"] == m["milestone"] && e["pct"] == m["pct"])
            .unwrap_or_else(|| panic!("{m} has no exact twin in {exact:?}"));
        assert!(
            twin.get("after").is_none() && twin.get("by").is_none(),
            "{twin}"
        );
        let (true_epoch, epoch) = (
            twin["epoch"].as_u64().unwrap(),
            m["epoch"].as_u64().unwrap(),
        );
        // At the latest at the recorded epoch, and after the one before when that is said.
        assert!(true_epoch <= epoch, "{m} vs {twin}");
        if let Some(after) = m["after"].as_u64() {
            assert!(true_epoch > after, "{m} vs {twin}");
        } else {
            assert_eq!(m["by"], true, "a coarse milestone says it is a bound: {m}");
        }
    }
}

#[test]
fn hostile_inputs_get_one_line_and_no_allocation() {
    let dir = std::env::temp_dir().join(format!("nextword-hostile-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let lesson = |name: &str, extra: &str, model: &str| {
        let path = dir.join(name);
        std::fs::write(
            &path,
            format!(
                "title = \"x\"\nsentences = [\"a b c a\"]\nepochs = 3\nseed = 1\n{extra}\n\
                 [model]\nembed_dim = 8\nhidden = 4\n{model}\n[optimizer]\nname = \"adam\"\nlr = 0.02\n"
            ),
        )
        .unwrap();
        path.to_str().unwrap().to_owned()
    };
    // Sizes past the limits: refused before anything is allocated (these used to abort).
    fails_with(&["train", "--hidden", "1000000000"], "hidden is 1000000000");
    fails_with(
        &["train", "--embed-dim", "1000000000"],
        "embed_dim is 1000000000",
    );
    fails_with(&["train", "--runs", "4000000000"], "runs is 4000000000");
    fails_with(
        &[
            "train",
            "--runs",
            "4096",
            "--hidden",
            "1024",
            "--embed-dim",
            "256",
        ],
        "all runs",
    );
    let big = lesson("big.toml", "runs = 4000000000", "");
    fails_with(
        &["train", "--lesson", &big],
        "`runs` must be between 1 and 4096",
    );
    let wide = lesson("wide.toml", "", "context = 99");
    fails_with(
        &["train", "--lesson", &wide],
        "`context` must be between 1 and 16",
    );
    // Only regular files are read.
    fails_with(&["train", "--lesson", "/dev/zero"], "not a regular file");
    fails_with(
        &["train", "--lesson", dir.to_str().unwrap()],
        "not a regular file",
    );
    // NaN and infinities are no numbers for any float flag; PNG only.
    fails_with(&["render", "--orbit", "NaN"], "finite");
    fails_with(&["render", "--epoch", "inf"], "finite");
    fails_with(&["render", "--fps", "nan", "--frames", "2"], "finite");
    fails_with(
        &["generate", "--prompt", "cat", "--temperature", "inf"],
        "temperature",
    );
    fails_with(&["render", "--out", "x.jpg"], "png");
    fails_with(&["render", "--epoch", "99999999"], "limit");
    // Words the fonts cannot draw are refused where they would be drawn (not where they are not).
    let cjk = dir.join("cjk.toml");
    std::fs::write(
        &cjk,
        "title = \"t\"\nsentences = [\"猫 が 座った\"]\nepochs = 3\nseed = 1\n[model]\n\
         embed_dim = 8\nhidden = 4\n[optimizer]\nname = \"adam\"\nlr = 0.02\n",
    )
    .unwrap();
    fails_with(
        &["render", "--lesson", cjk.to_str().unwrap()],
        "cannot draw (猫が座った)",
    );
    assert!(
        nextword(&["train", "--lesson", cjk.to_str().unwrap()])
            .status
            .success()
    );
    // One size rule for text: typed or from a file, as long as a lesson file's.
    let long = "the cat sat on the mat. ".repeat(200);
    assert!(
        nextword(&["train", "--text", &long, "--epochs", "1"])
            .status
            .success()
    );
    let file = dir.join("text.txt");
    std::fs::write(&file, &long).unwrap();
    assert!(
        nextword(&[
            "train",
            "--text-file",
            file.to_str().unwrap(),
            "--epochs",
            "1"
        ])
        .status
        .success()
    );
    fails_with(&["train", "--text-file", "/dev/zero"], "not a regular file");
    // Said once, naming what to do.
    fails_with(&["--config", "x.toml"], "add --kiosk");
    let out = nextword(&["train", "--lesson", dir.to_str().unwrap()]);
    let line = String::from_utf8_lossy(&out.stderr).into_owned();
    assert_eq!(line.matches("not a regular file").count(), 1, "{line}");
    // A learning rate too small to move a 32-bit weight trains, with a warning.
    let out = nextword(&["train", "--lr", "1e-50", "--epochs", "2"]);
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("too small to train"));
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_bad_backend_is_named() {
    let out = Command::new(env!("CARGO_BIN_EXE_nextword"))
        .args(["train", "--epochs", "1"])
        .env("WGPU_BACKEND", "foo")
        .output()
        .unwrap();
    assert!(!out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("WGPU_BACKEND=foo names no graphics backend"),
        "{stderr}"
    );
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
}

/// ATTENTION.md's contract on the attention lesson: the header's model and pairs, attention
/// weights per pair (one per context word, summing to 1), the numbers of the f64 reference, and
/// every parameter's shape; MLP headers say `"kind":"mlp"`.
#[test]
fn attention_lessons_follow_their_contract() {
    use nextword::model::attention::{AttnDims, AttnRun, attention_pairs, init_attention};
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/assets/lessons/attention.toml");
    let lines = json_lines("train", &["--lesson", path, "--epochs", "40", "--params"]);
    let header = &lines[0];
    let model = &header["model"];
    assert_eq!(model["kind"], "attention");
    let (d, a, w) = (8usize, 4usize, 6usize);
    assert_eq!(
        (
            model["embed_dim"].as_u64(),
            model["attn_dim"].as_u64(),
            model["window"].as_u64()
        ),
        (Some(d as u64), Some(a as u64), Some(w as u64))
    );
    let vocab: Vec<String> = header["vocab"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap().to_owned())
        .collect();
    let v = vocab.len();
    assert_eq!(
        model["parameters"].as_u64(),
        Some((v * d + w * d + 2 * d * a + d * d + d * v + v) as u64)
    );
    let pairs = header["pairs"].as_array().unwrap();
    assert_eq!(pairs.len(), 15);
    assert_eq!(lines.len(), 1 + 41);
    // The reference, from the same lesson.
    let id = |word: &Value| {
        vocab
            .iter()
            .position(|v| v == word.as_str().unwrap())
            .unwrap() as u32
    };
    let sentences: Vec<Vec<u32>> = [
        "the cat sat on the mat",
        "the dog sat on the rug",
        "the bird sat on the branch",
    ]
    .iter()
    .map(|s| {
        s.split(' ')
            .map(|w| vocab.iter().position(|v| v == w).unwrap() as u32)
            .collect()
    })
    .collect();
    let ref_pairs = attention_pairs(&sentences, w);
    for (pair, json) in ref_pairs.iter().zip(pairs) {
        let context: Vec<u32> = json["context"].as_array().unwrap().iter().map(id).collect();
        assert_eq!(context, pair.context);
        assert_eq!(id(&json["target"]), pair.target);
    }
    let dims = AttnDims {
        vocab: v,
        embed_dim: d,
        attn_dim: a,
        window: w,
    };
    let mut run = AttnRun::new(
        dims,
        lesson::OptimizerKind::Adam,
        0.005,
        init_attention(&dims, 1),
    );
    for line in &lines[1..] {
        let epoch = line["epoch"].as_u64().unwrap() as u32;
        assert_eq!(epoch, run.epoch);
        let want = run.record(&ref_pairs);
        // The engine's f32 against the f64 reference.
        assert!((line["loss"].as_f64().unwrap() - want.loss).abs() < 2e-3);
        let attention = line["attention"].as_array().unwrap();
        for (j, weights) in attention.iter().enumerate() {
            let weights: Vec<f64> = weights
                .as_array()
                .unwrap()
                .iter()
                .map(|x| x.as_f64().unwrap())
                .collect();
            assert_eq!(weights.len(), ref_pairs[j].context.len());
            assert!((weights.iter().sum::<f64>() - 1.0).abs() < 1e-5);
            for (got, want) in weights.iter().zip(&want.attention[j]) {
                assert!((got - want).abs() < 2e-3, "epoch {epoch} pair {j}");
            }
        }
        let params = &line["params"];
        for (name, rows, cols) in [
            ("embedding", v, d),
            ("position", w, d),
            ("wq", d, a),
            ("wk", d, a),
            ("wv", d, d),
            ("w_out", d, v),
        ] {
            let m = params[name].as_array().unwrap();
            assert_eq!(m.len(), rows, "{name}");
            assert!(
                m.iter().all(|r| r.as_array().unwrap().len() == cols),
                "{name}"
            );
        }
        assert_eq!(params["b_out"].as_array().unwrap().len(), v);
        if run.epoch < 40 {
            run.step(&ref_pairs);
        }
    }
    // The MLP's header names its kind; steps beyond a lesson's are refused in one line.
    let mlp = json_lines("train", &["--epochs", "1"]);
    assert_eq!(mlp[0]["model"]["kind"], "mlp");
    fails_with(
        &["train", "--lesson", path, "--hidden", "3"],
        "no hidden layer",
    );
    fails_with(
        &["render", "--lesson", "cat-sat", "--step", "6"],
        "steps 1 to 5",
    );
    fails_with(&["narrate", "--lesson", path, "--context", "2"], "window");
    // Sizes are checked before the engine allocates (this used to panic in wgpu).
    fails_with(
        &[
            "train",
            "--lesson",
            path,
            "--runs",
            "4096",
            "--embed-dim",
            "256",
            "--epochs",
            "1",
        ],
        "the parameters of all runs is 302026752",
    );
    fails_with(
        &[
            "generate", "--lesson", path, "--prompt", "the", "--top-k", "10",
        ],
        "--top-k must be between 1 and 9",
    );
    fails_with(
        &["generate", "--lesson", path, "--prompt", "the zebra"],
        "no “zebra”",
    );
    // The trained model writes the story: after "on the" the animal's own thing, looking back
    // at the animal (ATTENTION.md's sampling: the context is the last W words).
    for (animal, thing) in [("cat", "mat"), ("dog", "rug"), ("bird", "branch")] {
        let prompt = format!("the {animal} sat on the");
        let lines = json_lines(
            "generate",
            &[
                "--lesson",
                path,
                "--prompt",
                &prompt,
                "--temperature",
                "0",
                "--words",
                "1",
            ],
        );
        assert_eq!(lines[0]["model"]["kind"], "attention");
        let step = &lines[1];
        assert_eq!(step["word"], thing, "{prompt}");
        let looked: Vec<f64> = step["attention"]
            .as_array()
            .unwrap()
            .iter()
            .map(|x| x.as_f64().unwrap())
            .collect();
        assert!(looked[1] >= 0.8, "{prompt}: attention {looked:?}");
    }
}

/// Own text under the attention model: `--model attention` trains any text with the attention
/// lesson's model (ATTENTION.md's header), `--model mlp` with the MLP's; `render` draws the
/// attention screen of it; a kiosk refuses an attention lesson in one line.
#[test]
fn own_text_can_choose_the_attention_model() {
    let text = "the red fox ran to the den. the grey wolf ran to the cave.";
    let lines = json_lines(
        "train",
        &["--text", text, "--model", "attention", "--epochs", "3"],
    );
    assert_eq!(lines[0]["model"]["kind"], "attention");
    assert_eq!(lines[0]["model"]["window"].as_u64(), Some(6));
    assert!(lines[1]["attention"].is_array());
    let lines = json_lines(
        "train",
        &[
            "--lesson",
            "attention",
            "--text",
            text,
            "--model",
            "mlp",
            "--epochs",
            "3",
        ],
    );
    assert_eq!(lines[0]["model"]["kind"], "mlp");
    let dir = std::env::temp_dir().join(format!("nextword-attn-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let out = dir.join("attention.png");
    let output = nextword(&[
        "render",
        "--text",
        text,
        "--model",
        "attention",
        "--epoch",
        "20",
        "--size",
        "640x360",
        "--out",
        out.to_str().unwrap(),
    ]);
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(std::fs::metadata(&out).unwrap().len() > 10_000);
    std::fs::remove_dir_all(&dir).ok();
    fails_with(&["train", "--model", "transformer"], "transformer");
}

/// `narrate` on the attention lesson states what `train` prints for the same epoch: for every
/// place in the text, the word it names has the most attention and the weight it gives, the
/// next word's probability is the one in the epoch line, and the best shares are the text's.
#[test]
fn narrate_states_the_attention_numbers_train_prints() {
    let epoch = "40";
    let train = json_lines("train", &["--lesson", "attention", "--epochs", epoch]);
    let header = &train[0];
    let line = train.last().unwrap();
    assert_eq!(line["epoch"].as_u64(), Some(40));
    let narration = json_lines(
        "narrate",
        &["--lesson", "attention", "--epoch", epoch, "--all-places"],
    );
    let pairs = header["pairs"].as_array().unwrap();
    let places: Vec<&Value> = narration
        .iter()
        .filter(|l| l["type"] == "narration")
        .collect();
    assert_eq!(places.len(), pairs.len());
    let close = |a: &Value, b: &Value| (a.as_f64().unwrap() - b.as_f64().unwrap()).abs() < 1e-6;
    for place in places {
        assert_eq!(place["epoch"].as_u64(), Some(40));
        let j = place["pair"].as_u64().unwrap() as usize;
        let weights = line["attention"][j].as_array().unwrap();
        let sentences = place["sentences"].as_array().unwrap();
        let looks = &sentences[0]["claim"];
        assert_eq!(looks["kind"], "looks_at");
        let at = looks["position"].as_u64().unwrap() as usize;
        assert!(close(&looks["weight"], &weights[at]));
        assert!(weights.iter().all(|w| w.as_f64() <= weights[at].as_f64()));
        assert_eq!(looks["word"], pairs[j]["context"][at]);
        let gives = &sentences[1]["claim"];
        assert_eq!(gives["word"], pairs[j]["target"]);
        let vocab = header["vocab"].as_array().unwrap();
        let target = vocab.iter().position(|w| *w == pairs[j]["target"]).unwrap();
        assert!(close(&gives["p"], &line["probs"][j][target]));
        // The best share with the whole window, counted from the header's pairs.
        let same: Vec<&Value> = pairs
            .iter()
            .filter(|p| p["context"] == pairs[j]["context"])
            .collect();
        let hits = same
            .iter()
            .filter(|p| p["target"] == pairs[j]["target"])
            .count();
        let best = &sentences[2]["claim"];
        assert_eq!(best["words"].as_u64(), Some(6));
        assert!((best["share"].as_f64().unwrap() - hits as f64 / same.len() as f64).abs() < 1e-12);
    }
}
