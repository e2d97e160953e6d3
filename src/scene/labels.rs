//! Every piece of text in the composition, painted with egui on top of the tonemapped frame
//! (window and headless alike): the header, card titles, word labels at the projected 3D
//! positions, bar names and percentages, loss ticks, network output names, strip captions and the
//! hover tooltip.
//!
//! How it works: numbers come from the latest [`Summary`] (the tiny async readback); positions
//! from the same [`Layout`] the GPU draws with. Sizes are design pixels at 1080p times
//! `layout.scale`, so text keeps its proportions at any resolution; word labels are large and
//! bold with a dark halo (eight offset copies) so they read from across a room. Word labels are
//! placed greedily, nearest word first, trying four spots around the point and skipping a label
//! only when every spot would overlap one already placed (never for small vocabularies).

use egui::{Align2, Color32, FontFamily, FontId, Pos2, Rect as ERect, Stroke, Vec2 as EVec2};
use glam::Vec2;

use super::SceneFrame;
use super::camera::OrbitCamera;
use super::declutter::{LabelCandidate, label_budget, place_labels};
use super::info::SceneInfo;
use super::layout::{Layout, Panel, Rect, network_geometry};
use super::palette::{BOLD, word_text};
use super::summary::Summary;
use crate::i18n::format::{percent, tick};
use crate::tr;

const TITLE: Color32 = Color32::from_rgb(226, 232, 255);
const DIM: Color32 = Color32::from_rgb(176, 186, 212);
const FAINT: Color32 = Color32::from_rgb(148, 158, 188);

/// The smallest type the scene paints, in design pixels: 12 pixels at 720 lines.
pub const MIN_TEXT_1080: f32 = 18.0;
const ACCENT: Color32 = Color32::from_rgb(255, 196, 110);
const HALO: Color32 = Color32::from_rgba_premultiplied(2, 3, 8, 230);

/// How a piece of text looks: size in design pixels (at 1080p), colour, bold, dark halo.
#[derive(Clone, Copy)]
struct Style {
    size: f32,
    color: Color32,
    bold: bool,
    halo: bool,
}

fn style(size: f32, color: Color32) -> Style {
    Style {
        size,
        color,
        bold: false,
        halo: false,
    }
}

impl Style {
    fn bold(self, bold: bool) -> Self {
        Self { bold, ..self }
    }

    fn halo(self) -> Self {
        Self { halo: true, ..self }
    }
}

/// Font sizes in steps of half a point (at least 4). Word labels shrink and grow with depth as
/// the camera moves; egui rasterizes every distinct size into its font atlas, so continuous sizes
/// would fill the atlas with fresh glyphs every frame (measured: a kiosk window's atlas and its
/// uploads reached 512 MiB allocations). Half-point steps are invisible at label sizes.
pub fn quantized_points(points: f32) -> f32 {
    ((points * 2.0).round() / 2.0).max(4.0)
}

/// Paints in target pixels on egui's background layer.
struct Ink {
    painter: egui::Painter,
    ppp: f32,
    scale: f32,
}

impl Ink {
    fn font(&self, size: f32, bold: bool) -> FontId {
        let family = if bold {
            FontFamily::Name(BOLD.into())
        } else {
            FontFamily::Proportional
        };
        FontId::new(quantized_points(size * self.scale / self.ppp), family)
    }

    fn pt(&self, p: Vec2) -> Pos2 {
        Pos2::new(p.x / self.ppp, p.y / self.ppp)
    }

    /// The size of `text` in target pixels.
    fn measure(&self, text: &str, size: f32, bold: bool) -> Vec2 {
        let galley =
            self.painter
                .layout_no_wrap(text.to_owned(), self.font(size, bold), Color32::WHITE);
        Vec2::new(galley.size().x, galley.size().y) * self.ppp
    }

    /// `text`, cut at the end with "…" so it is at most `width` pixels wide in `size`.
    fn fit(&self, text: &str, size: f32, bold: bool, width: f32) -> String {
        if self.measure(text, size, bold).x <= width {
            return text.to_owned();
        }
        let chars: Vec<char> = text.chars().collect();
        let (mut lo, mut hi) = (0, chars.len());
        while lo < hi {
            let mid = (lo + hi).div_ceil(2);
            let candidate: String = chars[..mid].iter().collect::<String>() + "…";
            if self.measure(&candidate, size, bold).x <= width {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        chars[..lo].iter().collect::<String>() + "…"
    }

    /// Draws `text` anchored at `pos` (pixels). Returns its rect (pixels).
    fn text(&self, pos: Vec2, anchor: Align2, text: &str, style: Style) -> Rect {
        let Style {
            size,
            color,
            bold,
            halo,
        } = style;
        let galley = self
            .painter
            .layout_no_wrap(text.to_owned(), self.font(size, bold), color);
        let rect = anchor.anchor_size(self.pt(pos), galley.size());
        if halo {
            let r = (2.2 * self.scale / self.ppp).max(0.8);
            for (dx, dy) in [
                (-1.0, 0.0),
                (1.0, 0.0),
                (0.0, -1.0),
                (0.0, 1.0),
                (-0.7, -0.7),
                (0.7, -0.7),
                (-0.7, 0.7),
                (0.7, 0.7),
            ] {
                self.painter.galley_with_override_text_color(
                    rect.min + EVec2::new(dx * r, dy * r),
                    galley.clone(),
                    HALO,
                );
            }
        }
        self.painter.galley(rect.min, galley, color);
        Rect::new(
            rect.min.x * self.ppp,
            rect.min.y * self.ppp,
            rect.width() * self.ppp,
            rect.height() * self.ppp,
        )
    }

    /// The card's title and, where it fits on the same line, its subtitle. Returns the right
    /// end of what was drawn.
    fn card_title(&self, layout: &Layout, panel: Panel, title: &str, subtitle: &str) -> f32 {
        self.card_title_of(layout, panel, &[title], subtitle)
    }

    /// [`Ink::card_title`] with shorter wordings to fall back on, longest first: the first that
    /// fits is used (the last is cut with "…" if even it does not).
    fn card_title_of(&self, layout: &Layout, panel: Panel, titles: &[&str], subtitle: &str) -> f32 {
        let card = layout.card(panel);
        let pad = 16.0 * self.scale;
        let room = card.w - 2.0 * pad;
        let title = titles
            .iter()
            .find(|t| self.measure(t, 25.0, true).x <= room)
            .map(|t| t.to_string())
            .unwrap_or_else(|| self.fit(titles.last().copied().unwrap_or(""), 25.0, true, room));
        let r = self.text(
            Vec2::new(card.x + pad, card.y + 10.0 * self.scale),
            Align2::LEFT_TOP,
            &title,
            style(25.0, TITLE).bold(true),
        );
        let x = r.right() + 12.0 * self.scale;
        let room = card.right() - pad - x;
        if subtitle.is_empty() || self.measure(subtitle, MIN_TEXT_1080, false).x > room {
            return r.right();
        }
        self.text(
            Vec2::new(x, r.bottom() - 2.0 * self.scale),
            Align2::LEFT_BOTTOM,
            subtitle,
            style(MIN_TEXT_1080, DIM),
        )
        .right()
    }
}

fn overlaps(a: &Rect, b: &Rect) -> bool {
    a.x < b.right() && b.x < a.right() && a.y < b.bottom() && b.y < a.bottom()
}

/// Paints all scene text. `ppp` is egui's pixels per point.
pub fn paint(
    ctx: &egui::Context,
    info: &SceneInfo,
    frame: &SceneFrame,
    layout: &Layout,
    summary: Option<&Summary>,
    ppp: f32,
) {
    let ink = Ink {
        painter: ctx.layer_painter(egui::LayerId::background()),
        ppp,
        scale: layout.type_scale(),
    };
    header(&ink, info, frame, layout, summary);
    embedding(&ink, info, frame, layout, summary);
    network(&ink, info, frame, layout);
    bars(&ink, info, frame, layout, summary);
    loss(&ink, info, frame, layout, summary);
    strips(&ink, info, frame, layout);
}

fn header(
    ink: &Ink,
    info: &SceneInfo,
    frame: &SceneFrame,
    layout: &Layout,
    summary: Option<&Summary>,
) {
    let h = layout.header;
    let mid = h.y + h.h * 0.55;
    let gap = 18.0 * layout.scale;
    let name = ink.text(
        Vec2::new(h.x + 4.0, mid),
        Align2::LEFT_CENTER,
        &tr!("app-name"),
        style(24.0, ACCENT).bold(true),
    );
    // The shown epoch's numbers: the overlay's when it reads them, else the scene's own.
    let epoch = match (&frame.numbers, summary) {
        (Some(n), _) => n.epoch,
        (None, Some(s)) => s.epoch,
        (None, None) => frame.playhead.max(0.0).floor() as u32,
    };
    let loss = frame
        .numbers
        .as_ref()
        .map(|n| n.loss)
        .or(summary.map(|s| s.loss));
    let mut right = if frame.total_epochs > 0 {
        tr!("header-epoch-of", epoch = epoch, total = frame.total_epochs)
    } else {
        tr!("header-epoch", epoch = epoch)
    };
    if let Some(loss) = loss.filter(|l| l.is_finite()) {
        let loss = tr!(
            "header-loss",
            loss = crate::i18n::format::number(f64::from(loss), 3)
        );
        right = format!("{right}     {loss}");
    }
    // The numbers first; the status word only where it fits beside the title's least room;
    // the title takes what is left (cut with "…"), so nothing overlaps on a narrow screen.
    let r = ink.text(
        Vec2::new(h.right() - 4.0, mid),
        Align2::RIGHT_CENTER,
        &right,
        style(32.0, TITLE).bold(true),
    );
    let mut title_end = r.x - gap;
    let title_min = ink
        .measure(info.title.get(), 36.0, true)
        .x
        .min(240.0 * layout.scale);
    if !frame.status.is_empty() {
        let status_w = ink.measure(&frame.status, 22.0, false).x;
        let status_x = r.x - 22.0 * layout.scale;
        if status_x - status_w - gap - title_min >= name.right() + gap {
            ink.text(
                Vec2::new(status_x, mid),
                Align2::RIGHT_CENTER,
                &frame.status,
                style(22.0, ACCENT),
            );
            title_end = status_x - status_w - gap;
        }
    }
    let left = name.right() + gap;
    let title = ink.fit(info.title.get(), 36.0, true, (title_end - left).max(0.0));
    ink.text(
        Vec2::new(left, mid),
        Align2::LEFT_CENTER,
        &title,
        style(36.0, TITLE).bold(true),
    );
}

fn embedding(
    ink: &Ink,
    info: &SceneInfo,
    frame: &SceneFrame,
    layout: &Layout,
    summary: Option<&Summary>,
) {
    let subtitle = match summary {
        _ if frame.raw_dims => tr!("embedding-raw"),
        Some(s) if s.explained > 0.0 => tr!("embedding-pca-explained", pct = percent(s.explained)),
        _ => tr!("embedding-pca"),
    };
    ink.card_title(layout, Panel::Embedding, &tr!("embedding-title"), &subtitle);
    let Some(summary) = summary else { return };
    let plot = layout.plot(Panel::Embedding);
    let size = plot.size();
    // Priority: the followed word and the hovered one, the selected pair's context, its true
    // next words and the likely ones, then the rest (nearest first).
    let context: Vec<u32> = info
        .recorded
        .get(frame.pair as usize)
        .map(|p| p.context.clone())
        .unwrap_or_default();
    let ideal = info.ideal_probs(frame.pair);
    let probs = shown_probs(frame, Some(summary));
    let priority = |w: u32| -> u32 {
        if frame.word == w || frame.hover_word == Some(w) {
            0
        } else if context.contains(&w) {
            1
        } else if ideal.get(w as usize).is_some_and(|&p| p > 0.0) {
            2
        } else if probs
            .and_then(|p| p.get(w as usize))
            .is_some_and(|&p| p >= 0.05)
        {
            3
        } else {
            4
        }
    };
    let mut styles = Vec::new();
    let candidates: Vec<LabelCandidate> = summary
        .positions
        .iter()
        .enumerate()
        .filter_map(|(w, &p)| {
            let (px, depth) = frame.camera.project(p, size)?;
            let at = plot.min() + px;
            if !plot.contains(at) {
                return None;
            }
            // Clear of the point's ring: keep in sync with point_radius_px() in points.wgsl.
            let radius = 9.0 * layout.scale * (3.6 / depth.max(0.1)).sqrt().clamp(0.6, 1.8);
            let size_px = 32.0 * (3.6 / depth.max(0.5)).sqrt().clamp(0.75, 1.25);
            let text = info.word(w as u32);
            styles.push((w as u32, size_px));
            Some(LabelCandidate {
                word: w as u32,
                at,
                radius,
                size: ink.measure(text, size_px, true),
                priority: priority(w as u32),
                depth,
            })
        })
        .collect();
    let typical = ink.measure("word", 32.0, true);
    let budget = label_budget(plot.w * plot.h, typical.x * 1.5 * typical.y);
    let space = 8.0 * layout.scale;
    for placement in place_labels(&candidates, plot, space, budget) {
        let w = placement.word;
        let size_px = styles
            .iter()
            .find(|(s, _)| *s == w)
            .map_or(32.0, |(_, size)| *size);
        if placement.leader
            && let Some(c) = candidates.iter().find(|c| c.word == w)
        {
            let r = placement.rect;
            let end = Vec2::new(c.at.x.clamp(r.x, r.right()), c.at.y.clamp(r.y, r.bottom()));
            ink.painter.line_segment(
                [ink.pt(c.at), ink.pt(end)],
                Stroke::new(
                    1.2 * layout.scale / ink.ppp,
                    word_text(w as usize).gamma_multiply(0.6),
                ),
            );
        }
        ink.text(
            placement.rect.min(),
            Align2::LEFT_TOP,
            info.word(w),
            style(size_px, word_text(w as usize)).bold(true).halo(),
        );
    }
    legend(ink, info, frame, plot);
    if let Some(w) = frame.hover_word
        && let Some(&p) = summary.positions.get(w as usize)
        && let Some((px, _)) = frame.camera.project(p, size)
    {
        tooltip(ink, info, frame, w, plot.min() + px, plot, summary);
    }
}

/// What the colours mean, along the bottom of the 3D view: the ring, the trails, the blue and
/// orange of signed numbers (network, strip, heatmap) and, with several runs, each run's colour.
fn legend(ink: &Ink, info: &SceneInfo, frame: &SceneFrame, plot: Rect) {
    let s = ink.scale;
    let size = MIN_TEXT_1080;
    let h = ink.measure("Ag", size, false).y;
    let mut items: Vec<(Swatch, String)> = vec![
        (Swatch::Ring, tr!("legend-ring")),
        (Swatch::Trail, tr!("legend-trail")),
        (Swatch::Fill(NEGATIVE), tr!("legend-negative")),
        (Swatch::Fill(POSITIVE), tr!("legend-positive")),
    ];
    if info.run_labels.len() > 1 {
        for (r, label) in info.run_labels.iter().enumerate() {
            // The followed run is drawn in its words' colours, bright; the others in theirs.
            let (color, text) = if r as u32 == frame.run {
                (TITLE, tr!("legend-followed", run = label.as_str()))
            } else {
                (super::palette::run_text(r), label.clone())
            };
            items.push((Swatch::Fill(color), text));
        }
    }
    // Laid out from the bottom-left, wrapping to a row above when the view is narrow.
    let mut rows: Vec<Vec<(Swatch, String, f32)>> = vec![vec![]];
    let mut x = 0.0;
    let width = plot.w - 24.0 * s;
    for (swatch, text) in items {
        let w = 22.0 * s + ink.measure(&text, size, false).x + 18.0 * s;
        if x + w > width && x > 0.0 {
            rows.push(vec![]);
            x = 0.0;
        }
        x += w;
        rows.last_mut().expect("a row").push((swatch, text, w));
    }
    let count = rows.len() as f32;
    for (i, row) in rows.into_iter().enumerate() {
        let y = plot.bottom() - 10.0 * s - (count - i as f32 - 0.5) * h * 1.3;
        let mut x = plot.x + 12.0 * s;
        for (swatch, text, w) in row {
            let c = ink.pt(Vec2::new(x + 7.0 * s, y));
            let r = 6.0 * s / ink.ppp;
            match swatch {
                Swatch::Ring => {
                    ink.painter
                        .circle_stroke(c, r, Stroke::new(2.0 * s / ink.ppp, TITLE));
                }
                Swatch::Trail => {
                    ink.painter.line_segment(
                        [c - egui::vec2(r, -r * 0.5), c + egui::vec2(r, -r * 0.5)],
                        Stroke::new(2.0 * s / ink.ppp, TITLE),
                    );
                }
                Swatch::Fill(color) => {
                    ink.painter.rect_filled(
                        ERect::from_center_size(c, EVec2::splat(2.0 * r)),
                        2.0 * s / ink.ppp,
                        color,
                    );
                }
            }
            ink.text(
                Vec2::new(x + 20.0 * s, y),
                Align2::LEFT_CENTER,
                &text,
                style(size, DIM).halo(),
            );
            x += w;
        }
    }
}

/// A legend entry's sample.
#[derive(Clone, Copy)]
enum Swatch {
    Ring,
    Trail,
    Fill(Color32),
}

/// The diverging colours of signed numbers (keep in sync with `diverging` in frame.wgsl).
const NEGATIVE: Color32 = Color32::from_rgb(40, 130, 255);
const POSITIVE: Color32 = Color32::from_rgb(255, 120, 30);

fn tooltip(
    ink: &Ink,
    info: &SceneInfo,
    frame: &SceneFrame,
    word: u32,
    at: Vec2,
    bounds: Rect,
    summary: &Summary,
) {
    let d = info.embed_dim as usize;
    let vector: Option<&[f32]> = match &frame.numbers {
        Some(n) => n.embedding.get(word as usize * d..(word as usize + 1) * d),
        None => (summary.vector_word == word).then_some(summary.focus_vector.as_slice()),
    };
    let mut values = String::new();
    if let Some(vector) = vector {
        values = tr!("tooltip-vector", n = vector.len()) + "\n";
        let shown = vector.len().min(12);
        let parts: Vec<String> = vector[..shown]
            .iter()
            .map(|v| crate::i18n::format::signed(*v, 2))
            .collect();
        values += &format!(
            "[{}{}]",
            parts.join("  "),
            if shown < vector.len() { "  …" } else { "" }
        );
    }
    let s = ink.scale;
    let title_size = ink.measure(info.word(word), 26.0, true);
    let values_size = ink.measure(&values, 18.0, false);
    let w = title_size.x.max(values_size.x) + 28.0 * s;
    let h = title_size.y + values_size.y + 24.0 * s;
    // Below right of the point, flipped to stay inside the 3D view.
    let mut pos = at + Vec2::new(20.0 * s, 24.0 * s);
    if pos.x + w > bounds.right() {
        pos.x = (at.x - 20.0 * s - w).max(bounds.x);
    }
    if pos.y + h > bounds.bottom() {
        pos.y = (at.y - 24.0 * s - h).max(bounds.y);
    }
    let rect = ERect::from_min_size(ink.pt(pos), EVec2::new(w, h) / ink.ppp);
    ink.painter.rect(
        rect,
        10.0 * s / ink.ppp,
        Color32::from_rgba_premultiplied(8, 10, 20, 235),
        Stroke::new(1.5 * s / ink.ppp, word_text(word as usize)),
        egui::StrokeKind::Inside,
    );
    let r = ink.text(
        pos + Vec2::new(14.0 * s, 10.0 * s),
        Align2::LEFT_TOP,
        info.word(word),
        style(26.0, word_text(word as usize)).bold(true),
    );
    ink.text(
        Vec2::new(r.x, r.bottom() + 4.0 * s),
        Align2::LEFT_TOP,
        &values,
        style(18.0, DIM),
    );
}

fn network(ink: &Ink, info: &SceneInfo, frame: &SceneFrame, layout: &Layout) {
    let pair = info.recorded.get(frame.pair as usize);
    let subtitle = pair
        .map(|p| tr!("network-input", context = info.context_text(p)))
        .unwrap_or_default();
    ink.card_title(layout, Panel::Network, &tr!("network-title"), &subtitle);
    let plot = layout.plot(Panel::Network);
    let v = info.vocab.len().max(1);
    let row = plot.h / v as f32 / ink.scale;
    let ideal = info.ideal_probs(frame.pair);
    let radius = network_geometry::radius(plot, v, layout.scale);
    // Every output word when the rows give readable type; else only the true next words.
    let size = (row * 0.85).clamp(MIN_TEXT_1080, 22.0);
    let every = row * 0.85 >= MIN_TEXT_1080;
    let mut placed: Vec<Rect> = Vec::new();
    for (w, name) in info.vocab.iter().enumerate() {
        if !every && ideal[w] <= 0.0 {
            continue;
        }
        let at = network_geometry::neuron(plot, 2, w, v);
        let color = if ideal[w] > 0.0 { word_text(w) } else { DIM };
        let pos = Vec2::new(at.x + radius * 1.9 + 6.0 * layout.scale, at.y);
        let dim = ink.measure(name, size, ideal[w] > 0.0);
        let r = Rect::new(pos.x, pos.y - dim.y / 2.0, dim.x, dim.y);
        if placed.iter().any(|q| overlaps(&r, q)) {
            continue;
        }
        placed.push(ink.text(
            pos,
            Align2::LEFT_CENTER,
            name,
            style(size, color).bold(ideal[w] > 0.0),
        ));
    }
    let card = layout.card(Panel::Network);
    let foot = card.bottom() - 4.0 * layout.scale;
    let columns = [
        tr!("network-column-context"),
        tr!("network-column-hidden"),
        tr!("network-column-next"),
    ];
    // Each caption under its column, left to right; one that would touch the last is left out.
    let mut right_end = f32::NEG_INFINITY;
    for (i, label) in columns.iter().enumerate() {
        let cx = network_geometry::neuron(plot, i, 0, 1).x;
        let width = ink.measure(label, MIN_TEXT_1080, false).x;
        let left = match i {
            0 => cx - 8.0 * layout.scale,
            1 => cx - width / 2.0,
            _ => (cx - width / 2.0).min(card.right() - 8.0 * layout.scale - width),
        };
        if left < right_end + 10.0 * layout.scale {
            continue;
        }
        let r = ink.text(
            Vec2::new(left, foot),
            Align2::LEFT_BOTTOM,
            label,
            style(MIN_TEXT_1080, FAINT),
        );
        right_end = r.right();
    }
}

fn bars(
    ink: &Ink,
    info: &SceneInfo,
    frame: &SceneFrame,
    layout: &Layout,
    summary: Option<&Summary>,
) {
    let pair = info.recorded.get(frame.pair as usize);
    let title = pair.map_or_else(
        || tr!("bars-title"),
        |p| tr!("bars-title-after", context = info.context_text(p)),
    );
    let short = pair.map_or_else(String::new, |p| {
        tr!("bars-title-short", context = info.context_text(p))
    });
    ink.card_title_of(layout, Panel::Bars, &[&title, &short], "");
    let plot = layout.plot(Panel::Bars);
    let ideal = info.ideal_probs(frame.pair);
    let probs = shown_probs(frame, summary);
    // The same rows as the GPU draws (from the same numbers).
    let rows = super::info::bar_rows(&ideal, probs, super::info::bar_capacity(layout));
    let count = rows.iter().flatten().count().max(1);
    let row = plot.h / count as f32;
    let size = (row * 0.72 / ink.scale).clamp(MIN_TEXT_1080, 24.0);
    if info.vocab.len() > count {
        // Under the bars, where it never meets the title.
        let note = tr!("bars-top-of", count = count, vocab = info.vocab.len());
        let card = layout.card(Panel::Bars);
        let room = card.bottom() - plot.bottom();
        if room >= MIN_TEXT_1080 * ink.scale * 1.1 {
            ink.text(
                Vec2::new(plot.x, card.bottom() - 2.0 * ink.scale),
                Align2::LEFT_BOTTOM,
                &note,
                style(MIN_TEXT_1080, FAINT),
            );
        }
    }
    for (w, name) in info.vocab.iter().enumerate() {
        let Some(r) = rows[w] else { continue };
        let y = plot.y + (r as f32 + 0.5) * row;
        let is_target = ideal[w] > 0.0;
        let color = if is_target { word_text(w) } else { DIM };
        ink.text(
            Vec2::new(plot.x - 14.0 * layout.scale, y),
            Align2::RIGHT_CENTER,
            name,
            style(size, color).bold(is_target),
        );
        if let Some(p) = probs.and_then(|p| p.get(w)) {
            let color = if is_target { TITLE } else { DIM };
            ink.text(
                Vec2::new(plot.right() + 12.0 * layout.scale, y),
                Align2::LEFT_CENTER,
                &percent(*p),
                style(size, color).bold(is_target),
            );
        }
    }
}

/// P(word | selected pair) as the frame shows them: the overlay's numbers, else the summary's.
pub fn shown_probs<'a>(frame: &'a SceneFrame, summary: Option<&'a Summary>) -> Option<&'a [f32]> {
    match &frame.numbers {
        Some(n) => Some(n.probs.as_slice()),
        None => summary.map(|s| s.probs.as_slice()),
    }
}

fn loss(
    ink: &Ink,
    info: &SceneInfo,
    frame: &SceneFrame,
    layout: &Layout,
    summary: Option<&Summary>,
) {
    let mut subtitle = tr!(if frame.loss_log {
        "loss-log"
    } else {
        "loss-linear"
    });
    if info.run_labels.len() > 1 {
        let run = info
            .run_labels
            .get(frame.run as usize)
            .map_or("", String::as_str);
        subtitle = tr!("loss-runs", subtitle = subtitle, run = run);
    }
    ink.card_title(layout, Panel::Loss, &tr!("loss-title"), &subtitle);
    let plot = layout.plot(Panel::Loss);
    let s = layout.scale;
    if let Some(summary) = summary.filter(|s| s.loss_max.is_finite() && s.loss_min.is_finite()) {
        // Keep in sync with loss_y_px() in loss_curve.wgsl (PAD = 0.06).
        const PAD: f32 = 0.06;
        let (lo, hi) = (summary.loss_min.max(1e-6), summary.loss_max.max(1e-6));
        // A label on every grid line (quarters) where they have room, else every other one.
        let line_gap = plot.h * (1.0 - 2.0 * PAD) / 4.0;
        let every = if line_gap >= MIN_TEXT_1080 * ink.scale * 1.3 {
            1
        } else {
            2
        };
        for i in (0..5).step_by(every) {
            let n = i as f32 / 4.0;
            let value = if frame.loss_log {
                (lo.ln() + (hi.ln() - lo.ln()) * n).exp()
            } else {
                hi * n
            };
            let y = plot.y + plot.h * (1.0 - (PAD + (1.0 - 2.0 * PAD) * n));
            ink.text(
                Vec2::new(plot.x - 10.0 * s, y),
                Align2::RIGHT_CENTER,
                &tick(value),
                style(MIN_TEXT_1080, FAINT),
            );
        }
    }
    let last = frame.loss_x_extent();
    let y = plot.bottom() + 6.0 * s;
    ink.text(
        Vec2::new(plot.x, y),
        Align2::LEFT_TOP,
        "0",
        style(MIN_TEXT_1080, FAINT),
    );
    ink.text(
        Vec2::new(plot.right(), y),
        Align2::RIGHT_TOP,
        &tr!("loss-axis-epoch", epoch = last.round() as u32),
        style(MIN_TEXT_1080, FAINT),
    );
}

fn strips(ink: &Ink, info: &SceneInfo, frame: &SceneFrame, layout: &Layout) {
    ink.card_title_of(
        layout,
        Panel::Strip,
        &[&tr!("strips-title"), &tr!("strips-title-short")],
        "",
    );
    let s = ink.scale;
    let strip = layout.plot(Panel::Strip);
    let left = layout.card(Panel::Strip).x + 12.0 * s;
    let word = info.word(frame.word);
    // Left of the strip: whose vector it is.
    let quoted = ink.fit(
        &tr!("quoted-word", word = word),
        20.0,
        true,
        strip.x - 8.0 * s - left,
    );
    ink.text(
        Vec2::new(left, strip.y + strip.h * 0.5),
        Align2::LEFT_CENTER,
        &quoted,
        style(20.0, word_text(frame.word as usize)).bold(true),
    );
    let heat = layout.plot(Panel::Heatmap);
    let caption = ink.fit(
        &tr!("hidden-per-pair"),
        MIN_TEXT_1080,
        false,
        layout.card(Panel::Strip).right() - 8.0 * s - heat.x,
    );
    ink.text(
        Vec2::new(heat.x, heat.y - 4.0 * s),
        Align2::LEFT_BOTTOM,
        &caption,
        style(MIN_TEXT_1080, DIM),
    );
    let rows = info.recorded.len().max(1);
    let row = heat.h / rows as f32;
    // Each pair named at its row when the rows are tall enough to read; else the selected one.
    let readable = row / s * 0.9 >= MIN_TEXT_1080;
    for (i, p) in info.recorded.iter().enumerate() {
        let selected = i as u32 == frame.pair;
        if !readable && !selected {
            continue;
        }
        let full = format!("{} \u{2192} {}", info.context_text(p), info.word(p.target));
        let room = heat.x - 8.0 * s - left;
        let label = ink.fit(&full, MIN_TEXT_1080, selected, room);
        let color = if selected { TITLE } else { FAINT };
        ink.text(
            Vec2::new(heat.x - 8.0 * s, heat.y + (i as f32 + 0.5) * row),
            Align2::RIGHT_CENTER,
            &label,
            style(MIN_TEXT_1080, color).bold(selected),
        );
    }
}

/// The word whose point is nearest `cursor` (target pixels) within a grab radius, from the latest
/// summary's positions.
pub fn pick_word(
    summary: &Summary,
    camera: &OrbitCamera,
    layout: &Layout,
    cursor: Vec2,
) -> Option<u32> {
    let plot = layout.plot(Panel::Embedding);
    if !plot.contains(cursor) {
        return None;
    }
    let radius = 28.0 * layout.scale;
    summary
        .positions
        .iter()
        .enumerate()
        .filter_map(|(w, &p)| {
            let (px, _) = camera.project(p, plot.size())?;
            let d = (plot.min() + px).distance(cursor);
            (d <= radius).then_some((w as u32, d))
        })
        .min_by(|a, b| a.1.total_cmp(&b.1))
        .map(|(w, _)| w)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn label_sizes_come_in_a_few_steps() {
        // A camera dolly sweeps label sizes continuously; the atlas sees at most 121 sizes.
        let sizes: std::collections::BTreeSet<u32> = (0..10_000)
            .map(|i| quantized_points(2.0 + i as f32 * 0.0062).to_bits())
            .collect();
        assert!(sizes.len() <= 121, "{} sizes", sizes.len());
        assert_eq!(quantized_points(13.3), 13.5);
        assert_eq!(quantized_points(1.0), 4.0);
    }

    #[test]
    fn number_formats() {
        let _english = crate::i18n::LanguageGuard::new(crate::i18n::Lang::En);
        assert_eq!(percent(0.5), "50%");
        assert_eq!(percent(0.0123), "1.2%");
        assert_eq!(tick(0.0), "0");
        assert_eq!(tick(1.6094), "1.61");
        assert_eq!(tick(0.0123), "0.012");
    }

    #[test]
    fn picking_finds_the_nearest_point() {
        let layout = Layout::new(1280, 720);
        let camera = OrbitCamera::default();
        let summary = Summary {
            positions: vec![glam::Vec3::ZERO, glam::Vec3::new(0.8, 0.0, 0.0)],
            ..Default::default()
        };
        let plot = layout.plot(Panel::Embedding);
        let centre = plot.min() + camera.project(glam::Vec3::ZERO, plot.size()).unwrap().0;
        assert_eq!(
            pick_word(&summary, &camera, &layout, centre + Vec2::new(3.0, 2.0)),
            Some(0)
        );
        assert_eq!(
            pick_word(&summary, &camera, &layout, Vec2::new(2.0, 2.0)),
            None
        );
    }
}
