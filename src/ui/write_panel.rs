//! The Write step's card body: pick a start, watch the model write word by word, see what each
//! word was drawn from, and the untrained model's attempt beside it; the temperature dial, the
//! top-k choice, Again and Step.
//!
//! How it works: drawn inside the lesson card ([`super::lesson_card`]) from the
//! [`super::write::WriteState`] alone; every control pushes an [`Action::Write`]. Typed starts are
//! checked here ([`parse_prompt`]) so a word the lesson does not know is refused by name before
//! anything is written. The sentence shows the start dim, the written words in their colours and
//! the newest underlined; the bars are the distribution the newest word was drawn from (after the
//! temperature and top-k), the drawn word marked.

use egui::text::{LayoutJob, TextFormat};
use egui::{Color32, FontId, RichText, Sense, Stroke, Ui, vec2};

use super::kit::{ACCENT, DIM};
use super::look::Look;
use super::state::{Action, UiState};
use super::summary::LessonInfo;
use super::write::{
    PromptProblem, TEMPERATURE_RANGE, WriteAction, Writing, parse_prompt, start_choices,
    temperature_meaning, top_k_choices,
};
use crate::i18n::format::{number, percent};
use crate::scene::palette::word_text;
use crate::tr;

/// The most start chips shown.
const MAX_STARTS: usize = 5;
/// Bars shown for the newest word's distribution.
const BARS: usize = 3;
/// The most characters a typed start may have.
const PROMPT_CHARS: usize = 200;

/// The message for a refused typed start.
pub fn prompt_message(problem: &PromptProblem, info: &LessonInfo) -> String {
    match problem {
        PromptProblem::Empty => tr!("write-empty"),
        PromptProblem::Unknown(words) => {
            let quoted: Vec<String> = words
                .iter()
                .take(5)
                .map(|w| tr!("quoted-word", word = w.as_str()))
                .collect();
            let known: Vec<&str> = info.vocab.iter().take(12).map(String::as_str).collect();
            let more = if info.vocab.len() > known.len() {
                ", …"
            } else {
                ""
            };
            tr!(
                "write-unknown",
                count = words.len(),
                words = quoted.join(", "),
                known = format!("{}{more}", known.join(", "))
            )
        }
        PromptProblem::TooShort { need, .. } => tr!("write-too-short", k = *need),
    }
}

/// The Write step's body (below the step's title and intro). The dial and the top-k choice are
/// in the control bar ([`write_controls`]).
pub fn write_body(
    ui: &mut Ui,
    state: &UiState,
    info: &LessonInfo,
    s: f32,
    actions: &mut Vec<Action>,
) {
    let w = &state.write;
    starts(ui, state, info, s, actions);
    typed_start(ui, info, s, actions);
    if let Some(error) = &w.error {
        ui.add(egui::Label::new(RichText::new(error).color(ACCENT).size(20.0 * s)).wrap());
    }
    ui.add_space(4.0 * s);
    if let Some(trained) = &w.trained {
        let text = Look::of(ui.ctx()).text;
        let title = if trained.epoch == 0 {
            tr!("write-untrained")
        } else {
            tr!("write-trained", epoch = trained.epoch)
        };
        heading(ui, &title, s, text);
        sentence(ui, &w.prompt, trained, w.shown, info, s);
        if let Some((context, probs, drawn)) = w.current_step(info.context) {
            bars(ui, &context, probs, drawn, info, s);
        }
        if trained.epoch == 0 {
            let note = RichText::new(tr!("write-not-trained"))
                .color(DIM)
                .size(20.0 * s);
            ui.add(egui::Label::new(note).wrap());
        } else if let Some(untrained) = &w.untrained {
            heading(ui, &tr!("write-untrained"), s, DIM);
            sentence(ui, &w.prompt, untrained, w.shown, info, s);
        }
    } else if w.pending.is_some() {
        ui.label(RichText::new(tr!("write-writing")).color(DIM));
    }
    ui.add_space(4.0 * s);
    ui.horizontal_wrapped(|ui| {
        if ui.button(tr!("write-again")).clicked() {
            actions.push(Action::Write(WriteAction::Again));
        }
        if ui.button(tr!("write-step")).clicked() {
            actions.push(Action::Write(WriteAction::Step));
        }
    });
}

/// The control bar's part on the Write step: the temperature dial from careful to adventurous
/// and the top-k choice (`tight`: one drop-down instead of a button per choice).
pub(crate) fn write_controls(
    ui: &mut Ui,
    state: &UiState,
    info: &LessonInfo,
    s: f32,
    tight: bool,
    actions: &mut Vec<Action>,
) {
    dial(ui, state, s, actions);
    ui.separator();
    top_k(ui, state, info, s, tight, actions);
    ui.separator();
}

fn heading(ui: &mut Ui, text: &str, s: f32, color: Color32) {
    ui.label(RichText::new(text).size(21.0 * s).color(color).strong());
}

/// The starts as chips (the lesson's contexts); the current one is marked.
fn starts(ui: &mut Ui, state: &UiState, info: &LessonInfo, s: f32, actions: &mut Vec<Action>) {
    ui.horizontal_wrapped(|ui| {
        ui.label(RichText::new(tr!("write-start")).color(DIM).size(20.0 * s));
        for start in start_choices(&info.pairs, MAX_STARTS) {
            let words: Vec<&str> = start.iter().map(|&id| info.word(id)).collect();
            let color = start.last().map_or(DIM, |&id| word_text(id as usize));
            let current = state.write.prompt == start;
            let mut chip =
                egui::Button::new(RichText::new(words.join(" ")).color(color).size(21.0 * s))
                    .selected(current);
            if current {
                chip = chip.stroke(Stroke::new(2.5 * s, color));
            }
            if ui.add(chip).clicked() {
                actions.push(Action::Write(WriteAction::Start(start.clone())));
            }
        }
    });
}

/// A box for a start of one's own, with the Write button.
fn typed_start(ui: &mut Ui, info: &LessonInfo, s: f32, actions: &mut Vec<Action>) {
    let id = ui.scope_id().with("nextword_write_prompt");
    let mut text: String = ui.data_mut(|d| d.get_temp(id)).unwrap_or_default();
    ui.horizontal(|ui| {
        let button_w = 110.0 * s;
        let edit = egui::TextEdit::singleline(&mut text)
            .hint_text(tr!("write-type-hint"))
            .char_limit(PROMPT_CHARS)
            .font(FontId::proportional(21.0 * s))
            .desired_width((ui.available_width() - button_w - 12.0 * s).max(60.0 * s));
        let response = ui.add(edit);
        let entered = response.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
        let clicked = ui
            .add_sized(
                vec2(button_w, 40.0 * s),
                egui::Button::new(tr!("write-button")),
            )
            .clicked();
        if entered || clicked {
            actions.push(Action::Write(
                match parse_prompt(&text, &info.vocab, info.context) {
                    Ok(ids) => WriteAction::Start(ids),
                    Err(problem) => WriteAction::Refused(prompt_message(&problem, info)),
                },
            ));
        }
    });
    ui.data_mut(|d| d.insert_temp(id, text));
}

/// The start (dim) and the first `shown` written words (coloured, the newest underlined).
fn sentence(
    ui: &mut Ui,
    prompt: &[u32],
    writing: &Writing,
    shown: usize,
    info: &LessonInfo,
    s: f32,
) {
    let font = FontId::proportional(23.0 * s);
    let mut job = LayoutJob::default();
    for &id in prompt {
        job.append(
            &format!("{} ", info.word(id)),
            0.0,
            TextFormat::simple(font.clone(), DIM),
        );
    }
    let shown = shown.min(writing.words.len());
    for (i, &id) in writing.words[..shown].iter().enumerate() {
        let mut format = TextFormat::simple(font.clone(), word_text(id as usize));
        if i + 1 == shown {
            format.underline = Stroke::new(2.5 * s, word_text(id as usize));
        }
        job.append(info.word(id), 0.0, format);
        job.append(" ", 0.0, TextFormat::simple(font.clone(), DIM));
    }
    if shown < writing.words.len() {
        job.append("…", 0.0, TextFormat::simple(font, DIM));
    }
    job.wrap.max_width = ui.available_width();
    ui.label(job);
}

/// The distribution the newest word was drawn from: the likeliest words, the drawn one marked.
fn bars(ui: &mut Ui, context: &[u32], probs: &[f32], drawn: u32, info: &LessonInfo, s: f32) {
    let context: Vec<&str> = context.iter().map(|&id| info.word(id)).collect();
    ui.label(
        RichText::new(tr!("write-next-after", context = context.join(" ")))
            .color(DIM)
            .size(20.0 * s),
    );
    let mut order: Vec<usize> = (0..probs.len()).collect();
    order.sort_by(|&a, &b| probs[b].total_cmp(&probs[a]).then(a.cmp(&b)));
    let mut rows: Vec<usize> = order.into_iter().take(BARS).collect();
    if !rows.contains(&(drawn as usize)) {
        rows.pop();
        rows.push(drawn as usize);
    }
    let font = FontId::proportional(20.0 * s);
    let row_h = 28.0 * s;
    // A little short of the column, clear of its scroll bar.
    let left = ui.cursor().left();
    let width = ui.available_width().min(ui.clip_rect().right() - left) - 12.0 * s;
    let (rect, _) = ui.allocate_exact_size(vec2(width, row_h * rows.len() as f32), Sense::hover());
    let painter = ui.painter_at(rect);
    let measure = |text: &str| {
        ui.fonts_mut(|f| {
            f.layout_no_wrap(text.to_owned(), font.clone(), DIM)
                .size()
                .x
        })
    };
    let drawn_tail = format!("{} ◀ {}", percent(0.888), tr!("write-drawn"));
    // With room to spare: the measured width runs a little short of the painted one.
    let tail_w = measure(&drawn_tail) * 1.2 + 12.0 * s;
    let longest = rows
        .iter()
        .map(|&w| measure(info.word(w as u32)))
        .fold(0.0, f32::max);
    let word_w = (longest + 10.0 * s).min(0.42 * width);
    let track_w = (width - word_w - tail_w).max(24.0 * s);
    for (r, &w) in rows.iter().enumerate() {
        let y = rect.top() + row_h * r as f32;
        let mid = y + row_h / 2.0;
        let color = word_text(w);
        painter.text(
            egui::pos2(rect.left() + word_w - 8.0 * s, mid),
            egui::Align2::RIGHT_CENTER,
            info.word(w as u32),
            font.clone(),
            color,
        );
        let p = probs.get(w).copied().unwrap_or(0.0).clamp(0.0, 1.0);
        let x0 = rect.left() + word_w;
        let track =
            egui::Rect::from_min_size(egui::pos2(x0, y + 6.0 * s), vec2(track_w, row_h - 12.0 * s));
        painter.rect_filled(track, 3.0 * s, Color32::from_rgb(30, 38, 58));
        let bar = egui::Rect::from_min_size(track.min, vec2(track_w * p, track.height()));
        painter.rect_filled(bar, 3.0 * s, color);
        let drawn_here = w == drawn as usize;
        let label = if drawn_here {
            format!("{} ◀ {}", percent(p), tr!("write-drawn"))
        } else {
            percent(p)
        };
        // Right-aligned at the row's end, so the label is never cut, whatever the font measures.
        painter.text(
            egui::pos2(rect.right(), mid),
            egui::Align2::RIGHT_CENTER,
            label,
            font.clone(),
            if drawn_here { ACCENT } else { DIM },
        );
    }
}

/// The temperature dial, from careful to adventurous.
fn dial(ui: &mut Ui, state: &UiState, s: f32, actions: &mut Vec<Action>) {
    let mut t = state.write.temperature;
    let small = |text: String| RichText::new(text).color(DIM).size(19.0 * s);
    ui.label(small(tr!("write-careful")));
    let slider = egui::Slider::new(&mut t, TEMPERATURE_RANGE.0..=TEMPERATURE_RANGE.1)
        .show_value(false)
        .step_by(0.1);
    let meaning = tr!(
        "write-temperature",
        t = number(f64::from(state.write.temperature), 1),
        meaning = tr!(temperature_meaning(state.write.temperature))
    );
    if ui.add(slider).on_hover_text(meaning).changed() {
        actions.push(Action::Write(WriteAction::Temperature(t)));
    }
    ui.label(small(tr!("write-adventurous")));
}

/// The top-k choice: all words, or only the best few.
fn top_k(
    ui: &mut Ui,
    state: &UiState,
    info: &LessonInfo,
    s: f32,
    tight: bool,
    actions: &mut Vec<Action>,
) {
    let choices = top_k_choices(info.vocab.len());
    if choices.len() < 2 {
        return;
    }
    let name = |k: Option<usize>| match k {
        None => tr!("write-all"),
        Some(k) => tr!("write-best", k = k),
    };
    if tight {
        // Narrow screens: one drop-down instead of a button per choice.
        let mut chosen = state.write.top_k;
        egui::ComboBox::from_id_salt("nextword_top_k")
            .selected_text(name(chosen))
            .show_ui(ui, |ui| {
                for k in &choices {
                    ui.selectable_value(&mut chosen, *k, name(*k));
                }
            });
        if chosen != state.write.top_k {
            actions.push(Action::Write(WriteAction::TopK(chosen)));
        }
        return;
    }
    ui.label(RichText::new(tr!("write-among")).color(DIM).size(20.0 * s));
    for k in choices {
        if ui
            .selectable_label(
                state.write.top_k == k,
                RichText::new(name(k)).size(20.0 * s),
            )
            .clicked()
        {
            actions.push(Action::Write(WriteAction::TopK(k)));
        }
    }
}
