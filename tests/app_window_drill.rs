//! The real window under Xvfb, put through the faults a kiosk meets over weeks (`--drill`, see
//! src/app/drill.rs): the GPU device destroyed, the surface lost and outdated, rapid resizes
//! down to a sliver, minimize and restore, a DPI change, and a start at 2x scale. The window
//! must carry on: it rebuilds the device from a checkpoint, keeps training, draws real frames
//! after every fault and exits 0 with its report. Needs a display: `scripts/test` runs the tests
//! under `xvfb-run`.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// Runs the window (480x270, plus `args`) with `drill` in a fresh folder; returns (stderr,
/// folder).
fn run_drill(name: &str, drill: &str, args: &[&str], envs: &[(&str, &str)]) -> (String, PathBuf) {
    assert!(
        std::env::var_os("DISPLAY").is_some() || std::env::var_os("WAYLAND_DISPLAY").is_some(),
        "window tests need a display: run them under xvfb-run (apt-get install -y xvfb), \
         as scripts/test does"
    );
    let dir = std::env::temp_dir().join(format!("nextword-drill-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let runtime = std::env::var_os("XDG_RUNTIME_DIR").unwrap_or_else(|| "/tmp".into());
    let mut child = Command::new(env!("CARGO_BIN_EXE_nextword"))
        .args(["--size", "480x270", "--no-vsync", "--drill", drill])
        .args(args)
        .current_dir(&dir)
        .env("XDG_RUNTIME_DIR", runtime)
        .env("RUST_LOG", "warn")
        .envs(envs.iter().copied())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start nextword");
    let start = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if start.elapsed() > Duration::from_secs(240) {
            let _ = child.kill();
            panic!("{name}: the window did not finish its drill in 240 s");
        }
        std::thread::sleep(Duration::from_millis(100));
    };
    let mut stderr = String::new();
    std::io::Read::read_to_string(&mut child.stderr.take().unwrap(), &mut stderr).unwrap();
    assert!(status.success(), "{name}: exit {status}\n{stderr}");
    assert!(!stderr.contains("panicked"), "{name}: {stderr}");
    (stderr, dir)
}

/// The drill report's line.
fn report(stderr: &str) -> &str {
    stderr
        .lines()
        .find(|l| l.starts_with("drill report:"))
        .unwrap_or_else(|| panic!("no drill report in:\n{stderr}"))
}

/// The number after `key` in `line`.
fn number_after(line: &str, key: &str) -> f64 {
    let rest = &line[line
        .find(key)
        .unwrap_or_else(|| panic!("`{key}` in {line}"))
        + key.len()..];
    let text: String = rest
        .trim_start()
        .chars()
        .take_while(|c| c.is_ascii_digit() || *c == '.')
        .collect();
    text.parse()
        .unwrap_or_else(|_| panic!("a number after `{key}` in {line}"))
}

/// Screenshots in `dir`, oldest epoch first, as (epoch, mean brightness, bright pixels).
fn screenshots(dir: &Path) -> Vec<(u32, f64, usize)> {
    let mut shots: Vec<(u32, f64, usize)> = std::fs::read_dir(dir)
        .unwrap()
        .filter_map(|e| {
            let path = e.ok()?.path();
            let name = path.file_stem()?.to_str()?.to_owned();
            let epoch: u32 = name
                .strip_prefix("nextword-")?
                .split('-')
                .next()?
                .parse()
                .ok()?;
            let (_, _, rgba) = nextword::scene::target::read_png(&path).ok()?;
            let pixels = rgba.len() / 4;
            let sum: u64 = rgba
                .chunks(4)
                .map(|p| p[0] as u64 + p[1] as u64 + p[2] as u64)
                .sum();
            let bright = rgba
                .chunks(4)
                .filter(|p| p[0].max(p[1]).max(p[2]) > 200)
                .count();
            Some((epoch, sum as f64 / (3 * pixels) as f64, bright))
        })
        .collect();
    shots.sort_by_key(|s| s.0);
    shots
}

#[test]
fn the_window_survives_device_loss_surface_faults_resizes_and_a_dpi_change() {
    let drill = "key=space@2,screenshot@30,lose-device@45,screenshot@100,\
                 resize=640x360@110,resize=300x200@111,resize=24x16@112,resize=800x450@113,\
                 minimize@120,restore@130,lose-surface@140,outdate-surface@145,\
                 scale=1.5@150,screenshot@190,exit@210";
    let (stderr, dir) = run_drill("faults", drill, &[], &[]);
    let line = report(&stderr);
    // One rebuild, and training went on from there.
    let rebuilt = number_after(line, "rebuilds at epochs [");
    assert!(
        line.contains(&format!("[{rebuilt}]")),
        "one rebuild: {line}"
    );
    // Training runs only a little ahead of the guided playhead, so the trainer may still be at
    // the rebuild's epoch: playback going on past the first screenshot shows the lesson lives.
    let shown_at_exit = number_after(line, "shown epoch ");
    assert!(shown_at_exit > 0.0, "playback stopped: {line}");
    assert!(
        number_after(line, "frames") > 30.0,
        "few frames after: {line}"
    );
    assert!(line.contains("surface 800x450"), "the last resize: {line}");
    assert!(
        line.contains("pixels per point 1.5"),
        "the DPI change: {line}"
    );
    // Frames before the loss, after the rebuild, and after the surface faults and DPI change
    // are all real pictures (not black, not blank): the rebuilt one looks like the first.
    let shots = screenshots(&dir);
    assert_eq!(shots.len(), 3, "{shots:?}\n{stderr}");
    let (first, after_rebuild, last) = (shots[0], shots[1], shots[2]);
    // (Screenshots are named by the playhead's epoch; training, and so the rebuild's epoch,
    // runs a little ahead of it.)
    assert!(after_rebuild.0 > first.0, "{shots:?}");
    assert!(shown_at_exit >= after_rebuild.0 as f64, "{shots:?} {line}");
    for (epoch, mean, bright) in [first, after_rebuild, last] {
        assert!(
            mean > 4.0 && bright > 200,
            "a dark frame at epoch {epoch}: {shots:?}"
        );
    }
    assert!(
        (after_rebuild.1 / first.1 - 1.0).abs() < 0.5,
        "the rebuilt frame differs a lot from the first: {shots:?}"
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn the_window_starts_at_twice_the_scale() {
    let (stderr, dir) = run_drill(
        "hidpi",
        "key=space@2,screenshot@40,exit@60",
        &[],
        &[("WINIT_X11_SCALE_FACTOR", "2")],
    );
    let line = report(&stderr);
    assert!(line.contains("pixels per point 2"), "{line}");
    let shots = screenshots(&dir);
    assert_eq!(shots.len(), 1, "{shots:?}");
    assert!(shots[0].1 > 4.0 && shots[0].2 > 200, "{shots:?}");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn fullscreen_covers_the_monitor_without_a_window_manager() {
    // Xvfb has no window manager, as many kiosk X servers: the window must size itself.
    let (stderr, dir) = run_drill("fullscreen", "exit@30", &["--fullscreen"], &[]);
    let line = report(&stderr);
    let monitor = line
        .rsplit("monitor ")
        .next()
        .filter(|m| m.contains('x'))
        .unwrap_or_else(|| panic!("no monitor size in {line}"));
    assert!(
        line.contains(&format!("surface {monitor},")),
        "the window does not cover the monitor: {line}"
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn the_kiosk_attracts_until_a_tap_then_welcomes_the_visitor() {
    let config =
        std::env::temp_dir().join(format!("nextword-drill-kiosk-{}.toml", std::process::id()));
    std::fs::write(
        &config,
        "idle_secs = 60\nwarning_secs = 10\nlog_file = \"\"\n",
    )
    .unwrap();
    let config = config.to_str().unwrap();
    let kiosk = |drill: &str| {
        let (stderr, dir) = run_drill("kiosk", drill, &["--kiosk", "--config", config], &[]);
        let _ = std::fs::remove_dir_all(&dir);
        report(&stderr).to_owned()
    };
    // Nobody there: the attract loop runs, full screen.
    let idle = kiosk("exit@30");
    assert!(idle.contains("kiosk attract"), "{idle}");
    assert!(!idle.contains("surface 480x270"), "not full screen: {idle}");
    // A tap hands over: the welcome shows, the attract loop stops.
    let tapped = kiosk("tap@20,exit@30");
    assert!(tapped.contains("kiosk welcome"), "{tapped}");
    let _ = std::fs::remove_file(config);
}

#[test]
fn the_window_opens_untrained_and_paused_on_step_one_and_play_trains() {
    let (stderr, dir) = run_drill("opening", "exit@40", &[], &[]);
    let line = report(&stderr);
    assert!(
        line.contains("epoch 0, shown epoch 0, step 1, playing false"),
        "{line}"
    );
    // Xvfb has no window manager: the window took the keyboard itself.
    assert!(line.contains("focused true"), "{line}");
    let _ = std::fs::remove_dir_all(&dir);
    // Next from step 2 starts training on step 3.
    let (stderr, dir) = run_drill("next", "key=pagedown@5,key=pagedown@10,exit@60", &[], &[]);
    let line = report(&stderr);
    assert!(line.contains("step 3, playing true"), "{line}");
    assert!(number_after(line, "epoch ") > 0.0, "{line}");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn w_lets_the_model_write_and_next_adds_a_word() {
    let (stderr, dir) = run_drill(
        "write",
        "key=w@5,key=pagedown@40,key=pagedown@45,exit@60",
        &[],
        &[],
    );
    let line = report(&stderr);
    // Untrained, on the Write step: the model of epoch 0 wrote its words on the GPU, and the
    // presenter's Next showed them one by one.
    assert!(line.contains("step 5"), "{line}");
    assert!(line.contains(" of 10 words at epoch 0"), "{line}");
    assert!(number_after(line, "written ") >= 2.0, "{line}");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn the_kiosk_tour_reads_on_by_itself_and_yields_to_a_touch() {
    let config =
        std::env::temp_dir().join(format!("nextword-drill-tour-{}.toml", std::process::id()));
    // A fast reader, so the steps turn within a test's time.
    std::fs::write(
        &config,
        "idle_secs = 120\nwarning_secs = 10\nreading_wpm = 3000\nlog_file = \"\"\n",
    )
    .unwrap();
    let config = config.to_str().unwrap();
    let run = |name: &str, drill: &str| {
        let (stderr, dir) = run_drill(name, drill, &["--kiosk", "--config", config], &[]);
        let _ = std::fs::remove_dir_all(&dir);
        report(&stderr).to_owned()
    };
    // Alone, the tour moves through the task and the network to training.
    let alone = run("tour", "exit@400");
    let step = number_after(&alone, "step ");
    assert!(step >= 3.0, "the tour stayed on step {step}: {alone}");
    assert!(alone.contains("kiosk attract"), "{alone}");
    // A touch at once: the visitor holds step 1, untrained, for as long as they like.
    let touched = run("tour-touch", "tap@3,exit@400");
    assert!(
        touched.contains("epoch 0, shown epoch 0, step 1, playing false"),
        "{touched}"
    );
    let _ = std::fs::remove_file(config);
}

/// The attention lesson's window under the same faults: it trains and draws, is rebuilt after
/// its device is destroyed (retrained to where it was), survives a lost surface and resizes, and
/// its screenshots before and after are real pictures of the screen.
#[test]
fn the_attention_window_survives_device_loss_and_surface_faults() {
    let drill = "key=space@2,screenshot@40,lose-device@50,screenshot@110,\
                 resize=640x360@120,lose-surface@130,outdate-surface@135,minimize@140,\
                 restore@150,screenshot@190,exit@200";
    let (stderr, dir) = run_drill("attention", drill, &["--lesson", "attention"], &[]);
    let line = report(&stderr);
    let rebuilt = number_after(line, "rebuilds at epochs [");
    assert!(
        line.contains(&format!("[{rebuilt}]")),
        "one rebuild: {line}"
    );
    assert!(
        number_after(line, "shown epoch ") > 0.0,
        "it trained: {line}"
    );
    assert!(
        number_after(line, "frames") > 30.0,
        "few frames after: {line}"
    );
    assert!(line.contains("playing true"), "{line}");
    assert!(line.contains("surface 640x360"), "{line}");
    let shots = screenshots(&dir);
    assert_eq!(shots.len(), 3, "{shots:?}\n{stderr}");
    for (epoch, mean, bright) in &shots {
        // The dark screen with its panels, words and card: not black, not blank.
        assert!(*mean > 8.0 && *bright > 500, "epoch {epoch}: {shots:?}");
    }
    std::fs::remove_dir_all(&dir).ok();
}

/// Picking the attention lesson in the MLP window (key 6 of the lessons) moves the same window
/// to the attention screen, which draws and reports from there.
#[test]
fn the_mlp_window_hands_over_to_the_attention_screen() {
    let (stderr, dir) = run_drill("switch", "key=6@5,screenshot@60,exit@80", &[], &[]);
    let line = report(&stderr);
    assert!(line.contains("screen attention"), "{line}");
    let shots = screenshots(&dir);
    assert_eq!(shots.len(), 1, "{shots:?}\n{stderr}");
    assert!(shots[0].1 > 8.0 && shots[0].2 > 500, "{shots:?}");
    std::fs::remove_dir_all(&dir).ok();
}
