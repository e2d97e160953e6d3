//! Every sentence and label the overlay shows, in one table, plus number formatting.
//!
//! How it works: [`Strings`] is a plain struct of `&'static str` templates; [`EN`] is the English
//! table and [`strings`] returns the active one (a translation is one more `static` of the same
//! type). Templates name their blanks in braces, e.g. `"P({target} | {context})"`, and [`fill`]
//! replaces them, so a translation may reorder the blanks freely. Numbers are formatted by the
//! functions at the bottom ([`percent`], [`loss`], [`rate`]), never inline in the overlay code.

/// One language's user-facing text.
pub struct Strings {
    // Steps: title and body per step (1..=4). Blanks are filled from the lesson.
    pub step_titles: [&'static str; 4],
    /// {sentence}, {vocab}, {context_words}, {target}
    pub step_task: &'static str,
    /// {embed_dim}, {hidden}, {vocab}, {params}, {context}
    pub step_architecture: &'static str,
    pub step_training: &'static str,
    /// {params}
    pub step_takeaways: [&'static str; 5],
    pub step_of: &'static str,
    pub next: &'static str,
    pub previous: &'static str,

    // Narration.
    pub now_heading: &'static str,
    pub phase_names: [&'static str; 5],
    /// {vocab}, {p}
    pub narr_guessing: &'static str,
    /// {from}, {to}
    pub narr_learning: &'static str,
    /// {loss}
    pub narr_converging: &'static str,
    /// {epoch}, {loss}
    pub narr_converged: &'static str,
    /// {epoch}
    pub narr_diverged: &'static str,
    /// {prob}, {epoch}: the live number line, e.g. "P(sat | cat) is 43% at epoch 18".
    pub narr_live: &'static str,
    /// {context}, {first}, {p1}, {second}, {p2}: an ambiguous context split between two words.
    pub narr_split: &'static str,
    /// {run}, {loss}: with several runs, the best one.
    pub narr_best_run: &'static str,
    pub narr_press_play: &'static str,
    /// {context}, {target}
    pub prob_label: &'static str,

    // Milestones. {prob} is the prob_label, {pct} the threshold, {epoch} the epoch.
    pub milestone_passed: &'static str,
    pub milestone_converged: &'static str,
    pub milestone_diverged: &'static str,
    pub milestone_learning: &'static str,

    // Controls.
    pub play: &'static str,
    pub pause: &'static str,
    pub step_forward: &'static str,
    pub step_back: &'static str,
    pub step_forward_tip: &'static str,
    pub step_back_tip: &'static str,
    pub reset: &'static str,
    pub reset_new_seed: &'static str,
    pub speed: &'static str,
    /// {speed}
    pub speed_value: &'static str,
    pub learning_rate: &'static str,
    pub learning_rate_long: &'static str,
    pub optimizer: &'static str,
    pub restart: &'static str,
    pub restart_tip: &'static str,
    /// {hint}, {epoch}
    pub timeline_epoch: &'static str,
    /// {pct}, {epoch}, {total}
    pub progress: &'static str,
    pub timeline_hint: &'static str,
    pub live: &'static str,
    pub words: &'static str,
    /// {word}, {p}: hover text of a word chip.
    pub word_prob: &'static str,

    // Lessons and typed text.
    pub lessons: &'static str,
    pub your_text: &'static str,
    pub your_text_hint: &'static str,
    pub train_text: &'static str,
    /// {chars}, {max}
    pub text_count: &'static str,
    /// {chars}, {max}
    pub err_too_long: &'static str,
    /// {words}, {max}
    pub err_too_many_words: &'static str,
    pub err_no_words: &'static str,
    /// {need}
    pub err_too_short: &'static str,
    pub err_other: &'static str,

    // Hover read-outs. {word}, {p}, {unit}, {dim}, {value}, {context}
    pub hover_bar: &'static str,
    pub hover_cell: &'static str,
    pub hover_neuron: &'static str,
    pub hover_dim: &'static str,

    // Help.
    pub help_title: &'static str,
    pub help_keys: [(&'static str, &'static str); 15],
    pub help_close: &'static str,
    pub hidden_hint: &'static str,
    /// {path}: shown after S saved a screenshot.
    pub screenshot_saved: &'static str,
    /// {error}
    pub screenshot_failed: &'static str,
    /// {error}: a lesson that could not be loaded.
    pub lesson_failed: &'static str,

    // The window's status word in the header.
    /// {speed}
    pub status_playing: &'static str,
    pub status_paused: &'static str,
    pub status_trained: &'static str,

    /// The scene's own labels (card titles, axes, captions).
    pub scene: SceneStrings,
}

/// The text the scene paints itself, beside the GPU views (scene/labels.rs).
pub struct SceneStrings {
    pub app_name: &'static str,
    /// {epoch}
    pub header_epoch: &'static str,
    /// {epoch}, {total}
    pub header_epoch_of: &'static str,
    /// {loss}
    pub header_loss: &'static str,
    pub embedding_title: &'static str,
    pub embedding_raw: &'static str,
    pub embedding_pca: &'static str,
    /// {pct}
    pub embedding_pca_explained: &'static str,
    pub network_title: &'static str,
    /// {context}
    pub network_input: &'static str,
    /// Captions under the network's three columns.
    pub network_columns: [&'static str; 3],
    pub bars_title: &'static str,
    /// {context}
    pub bars_title_after: &'static str,
    /// {count}, {vocab}
    pub bars_top_of: &'static str,
    pub loss_title: &'static str,
    pub loss_linear: &'static str,
    pub loss_log: &'static str,
    /// {subtitle}, {run}
    pub loss_runs: &'static str,
    /// {epoch}
    pub loss_axis_epoch: &'static str,
    pub strips_title: &'static str,
    pub vector_of: &'static str,
    /// {n}
    pub vector_numbers: &'static str,
    pub hidden_per_pair: &'static str,
}

/// English.
pub static EN: Strings = Strings {
    step_titles: [
        "1 · The task",
        "2 · The network",
        "3 · Training",
        "4 · What we learned",
    ],
    step_task: "We teach a tiny network one job: read a word and guess the word that comes next. \
        Its whole world is “{sentence}”, {vocab} different words. After “{context_words}” the \
        right answer is “{target}”. Your phone's next-word suggestions and large language models \
        do exactly this, one word at a time.",
    step_architecture: "Each word is looked up as a list of {embed_dim} numbers, its embedding. \
        The embedding of the last {context} word(s) feeds a hidden layer of {hidden} neurons, \
        which scores every one of the {vocab} words; the scores become probabilities. \
        All in all the network has {params} numbers to learn. At first they are random.",
    step_training: "Every epoch the network predicts each next word, measures how wrong it was \
        (the loss), and nudges all its numbers to be less wrong. Watch the loss fall, the right \
        word's bar grow, the embedding move and the hidden neurons settle.",
    step_takeaways: [
        "Embeddings: words become lists of numbers, and words used alike end up close together.",
        "Loss: learning means making the loss smaller, step by step.",
        "Probability: the network's answer is a bet spread over all words; the right word's share grows.",
        "Backpropagation: the error flows backwards and tells every number which way to move.",
        "Scale: this network has {params} numbers; large language models have billions, trained on \
         a large part of the written web, but they learn the same way.",
    ],
    step_of: "Step {n} of {total}",
    next: "Next ▶",
    previous: "◀ Back",

    now_heading: "What's happening now?",
    phase_names: [
        "Guessing",
        "Learning",
        "Converging",
        "Converged",
        "Diverged",
    ],
    narr_guessing: "The numbers are still random, so the network is guessing: each of the {vocab} \
        words gets a similar share, about {p}.",
    narr_learning: "The network is learning: the loss has dropped from {from} to {to}, and the \
        right words are gaining probability.",
    narr_converging: "Most of the learning is done. The loss ({loss}) still falls, but more \
        slowly with every epoch.",
    narr_converged: "Converged at epoch {epoch}: the loss stays at {loss}. The network has learned \
        what this text can teach it.",
    narr_diverged: "The loss blew up at epoch {epoch}: the steps were too big and the numbers \
        ran off. A smaller learning rate fixes it.",
    narr_live: "{prob} is {p} at epoch {epoch}",
    narr_split: "After “{context}” two words are possible, so the best bet is to split: \
        {first} {p1}, {second} {p2}.",
    narr_best_run: "Lowest loss so far: the run with learning rate {run} ({loss}).",
    narr_press_play: "Press play (space) to start training.",
    prob_label: "P({target} | {context})",

    milestone_passed: "{prob} passed {pct} at epoch {epoch}",
    milestone_converged: "Converged at epoch {epoch}",
    milestone_diverged: "Diverged at epoch {epoch}",
    milestone_learning: "Learning took off at epoch {epoch}",

    play: "▶ Play",
    pause: "❚❚ Pause",
    step_forward: "+1 ▶",
    step_back: "◀ −1",
    step_forward_tip: "Forward one epoch (→)",
    step_back_tip: "Back one epoch (←)",
    reset: "⟲ Reset",
    reset_new_seed: "New seed",
    speed: "Speed",
    speed_value: "{speed} epochs/s",
    learning_rate: "Rate",
    learning_rate_long: "Learning rate",
    optimizer: "Optimizer",
    restart: "Restart",
    restart_tip: "Train again from epoch 0 with this learning rate and optimizer",
    timeline_epoch: "{hint} · epoch {epoch}",
    progress: "{pct} · epoch {epoch} of {total}",
    timeline_hint: "Drag to replay any epoch",
    live: "Back to live",
    words: "Words",
    word_prob: "P({word}) = {p}",

    lessons: "Lessons",
    your_text: "Your own text",
    your_text_hint: "Type a sentence or two…",
    train_text: "Train on it",
    text_count: "{chars} / {max} characters",
    err_too_long: "That is {chars} characters. Please keep it to {max} or fewer.",
    err_too_many_words: "That text has {words} different words. The network can handle up to \
        {max}; please try something shorter.",
    err_no_words: "I could not find any words in that. Try letters or numbers, like “the dog ran”.",
    err_too_short: "Each sentence needs at least {need} words so there is a next word to guess.",
    err_other: "That text could not be used. Try a simple sentence.",

    hover_bar: "P({word} | {context}) = {p}",
    hover_cell: "After “{context}”: P({word}) = {p}",
    hover_neuron: "Hidden neuron {unit}: {value}",
    hover_dim: "“{word}”, number {dim}: {value}",

    help_title: "Keys",
    help_keys: [
        ("Space", "play / pause"),
        ("→", "step one epoch"),
        ("←", "step back"),
        ("Home / End", "first / newest epoch"),
        ("R / Shift+R", "reset / reset with a new seed"),
        ("1 – 9", "choose a lesson"),
        ("PgDn / PgUp", "next / previous step"),
        ("↑ / ↓ / Tab", "choose a pair / a word"),
        ("+ / −", "faster / slower"),
        ("Drag / wheel", "turn / zoom the 3D view (C: home)"),
        ("F", "full screen"),
        ("H", "hide or show the panels"),
        ("S", "save a screenshot (PNG)"),
        ("?", "this help"),
        ("Esc / Q", "close / quit"),
    ],
    help_close: "Close",
    hidden_hint: "H shows the panels",
    screenshot_saved: "Saved {path}",
    screenshot_failed: "Could not save the screenshot: {error}",
    lesson_failed: "That lesson could not be loaded: {error}",

    status_playing: "▶ {speed} epochs/s",
    status_paused: "paused",
    status_trained: "trained",

    scene: SceneStrings {
        app_name: "nextword",
        header_epoch: "epoch {epoch}",
        header_epoch_of: "epoch {epoch} / {total}",
        header_loss: "loss {loss}",
        embedding_title: "Embedding space",
        embedding_raw: "embedding dims 1, 2, 3 (raw)",
        embedding_pca: "PCA of the word vectors",
        embedding_pca_explained: "PCA of the word vectors: 3 axes show {pct} of the variance",
        network_title: "Network",
        network_input: "input “{context}”",
        network_columns: ["context", "hidden", "next word"],
        bars_title: "Next word",
        bars_title_after: "Next word after “{context}”",
        bars_top_of: "top {count} of {vocab} words",
        loss_title: "Loss",
        loss_linear: "cross-entropy",
        loss_log: "cross-entropy, log scale",
        loss_runs: "{subtitle}, {run} (others faint)",
        loss_axis_epoch: "epoch {epoch}",
        strips_title: "Inside the numbers",
        vector_of: "vector of ",
        vector_numbers: "{n} numbers",
        hidden_per_pair: "hidden units, per pair",
    },
};

/// The active language's table.
pub fn strings() -> &'static Strings {
    &EN
}

/// Replaces each `{name}` in `template` by its value; unknown blanks stay as they are.
pub fn fill(template: &str, values: &[(&str, &str)]) -> String {
    let mut out = template.to_owned();
    for (name, value) in values {
        out = out.replace(&format!("{{{name}}}"), value);
    }
    out
}

/// A probability as a percentage: "43%", with one decimal near the ends ("99.4%", "0.3%").
pub fn percent(p: f32) -> String {
    if !p.is_finite() {
        return "–".to_owned();
    }
    let pct = f64::from(p.clamp(0.0, 1.0)) * 100.0;
    if (pct > 0.0 && pct < 1.0) || (pct > 99.0 && pct < 100.0) {
        let one = format!("{pct:.1}");
        // Never round a value below 100% up to "100.0%".
        if one == "100.0" {
            return "99.9%".to_owned();
        }
        return format!("{one}%");
    }
    format!("{pct:.0}%")
}

/// A loss value: two decimals, three below 0.1, "–" when not finite.
pub fn loss(value: f32) -> String {
    if !value.is_finite() {
        "–".to_owned()
    } else if value.abs() < 0.1 {
        format!("{value:.3}")
    } else {
        format!("{value:.2}")
    }
}

/// A learning rate or speed in its shortest form: 0.02, 1, 0.001.
pub fn rate(value: f64) -> String {
    let s = format!("{value}");
    if s.len() > 8 {
        format!("{value:.3e}")
    } else {
        s
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fill_replaces_named_blanks() {
        assert_eq!(
            fill("{a} and {b} and {a}", &[("a", "x"), ("b", "y")]),
            "x and y and x"
        );
        assert_eq!(fill("{missing}", &[]), "{missing}");
    }

    #[test]
    fn percent_is_readable() {
        assert_eq!(percent(0.43), "43%");
        assert_eq!(percent(0.126), "13%");
        assert_eq!(percent(0.994), "99.4%");
        assert_eq!(percent(0.99999), "99.9%");
        assert_eq!(percent(1.0), "100%");
        assert_eq!(percent(0.003), "0.3%");
        assert_eq!(percent(0.0), "0%");
        assert_eq!(percent(f32::NAN), "–");
    }

    #[test]
    fn loss_and_rate_format() {
        assert_eq!(loss(1.609), "1.61");
        assert_eq!(loss(0.0123), "0.012");
        assert_eq!(loss(f32::INFINITY), "–");
        assert_eq!(rate(0.02), "0.02");
        assert_eq!(rate(1.0), "1");
    }

    #[test]
    fn every_template_blank_is_known() {
        let s = strings();
        for t in [s.narr_live, s.milestone_passed, s.step_architecture] {
            assert!(t.contains('{'), "{t}");
        }
        assert_eq!(s.phase_names.len(), 5);
    }
}
