//! Where each view goes on screen: card rects (the framed panels) and plot rects (where the GPU
//! draws inside them), in target pixels.
//!
//! How it works: everything scales with `scale = height / 1080`, so a frame looks the same at any
//! resolution. Landscape targets put the 3D embedding view large on the left and stack network,
//! prediction bars, loss curve and the strip/heatmap cards on the right; tall targets put the 3D
//! view on top and the four cards in a 2x2 grid below. Each card keeps a title row; plots are
//! inset so the CPU can place tick labels, word names and percentages beside them (labels.rs).

use glam::Vec2;

/// Index of each view in [`Layout::cards`] / [`Layout::plots`]; keep in sync with `PANEL_*` in
/// shaders/common/frame.wgsl.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Panel {
    Embedding = 0,
    Network = 1,
    Bars = 2,
    Loss = 3,
    Strip = 4,
    Heatmap = 5,
}

pub const PANEL_COUNT: usize = 6;

/// An axis-aligned rectangle in pixels (origin top left).
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Rect {
    pub x: f32,
    pub y: f32,
    pub w: f32,
    pub h: f32,
}

impl Rect {
    pub fn new(x: f32, y: f32, w: f32, h: f32) -> Self {
        Self {
            x,
            y,
            w: w.max(0.0),
            h: h.max(0.0),
        }
    }

    pub fn inset(&self, left: f32, top: f32, right: f32, bottom: f32) -> Self {
        Self::new(
            self.x + left,
            self.y + top,
            self.w - left - right,
            self.h - top - bottom,
        )
    }

    pub fn contains(&self, p: Vec2) -> bool {
        p.x >= self.x && p.y >= self.y && p.x < self.x + self.w && p.y < self.y + self.h
    }

    pub fn min(&self) -> Vec2 {
        Vec2::new(self.x, self.y)
    }

    pub fn size(&self) -> Vec2 {
        Vec2::new(self.w, self.h)
    }

    pub fn right(&self) -> f32 {
        self.x + self.w
    }

    pub fn bottom(&self) -> f32 {
        self.y + self.h
    }

    /// Clamped to a `width` x `height` target, as integers for a viewport/scissor.
    pub fn to_pixels(&self, width: u32, height: u32) -> Option<(u32, u32, u32, u32)> {
        let x0 = self.x.max(0.0).floor() as u32;
        let y0 = self.y.max(0.0).floor() as u32;
        let x1 = (self.right().ceil().max(0.0) as u32).min(width);
        let y1 = (self.bottom().ceil().max(0.0) as u32).min(height);
        (x1 > x0 && y1 > y0).then(|| (x0, y0, x1 - x0, y1 - y0))
    }

    /// Snapped to whole pixels (viewports are whole pixels on some backends, e.g. GL).
    pub fn snapped(&self) -> Self {
        let (x, y) = (self.x.round(), self.y.round());
        Self::new(x, y, self.right().round() - x, self.bottom().round() - y)
    }

    pub fn as_array(&self) -> [f32; 4] {
        [self.x, self.y, self.w, self.h]
    }
}

/// The composition of one frame.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Layout {
    pub width: u32,
    pub height: u32,
    /// `height / 1080`: multiply design pixels (at 1080p) by this.
    pub scale: f32,
    /// The title strip across the top.
    pub header: Rect,
    pub cards: [Rect; PANEL_COUNT],
    pub plots: [Rect; PANEL_COUNT],
}

impl Layout {
    /// The whole target for the views.
    pub fn new(width: u32, height: u32) -> Self {
        Self::with_reserve(width, height, 0.0)
    }

    /// The views above a strip of `bottom_1080` design pixels (at 1080 lines, scaled like
    /// everything else) kept free at the bottom, e.g. for the overlay's control bar.
    pub fn with_reserve(width: u32, height: u32, bottom_1080: f32) -> Self {
        let (w, h) = (width.max(1) as f32, height.max(1) as f32);
        let scale = (h / 1080.0).min(w / 1100.0).max(0.05);
        let margin = 20.0 * scale;
        let gap = 16.0 * scale;
        let header = Rect::new(margin, 0.0, w - 2.0 * margin, 76.0 * scale);
        let body_top = header.bottom();
        let reserve = bottom_1080.max(0.0) * scale;
        let bottom = if reserve > 0.0 { reserve + gap } else { margin };
        let body = Rect::new(margin, body_top, w - 2.0 * margin, h - body_top - bottom);
        let mut cards = [Rect::default(); PANEL_COUNT];
        let side: [Rect; 4];
        if w / h >= 1.25 {
            let hero_w = (body.w * 0.6).round();
            cards[Panel::Embedding as usize] = Rect::new(body.x, body.y, hero_w, body.h);
            let col = Rect::new(body.x + hero_w + gap, body.y, body.w - hero_w - gap, body.h);
            let fractions = [0.30, 0.25, 0.24, 0.21];
            let avail = col.h - gap * 3.0;
            let mut y = col.y;
            side = fractions.map(|f| {
                let r = Rect::new(col.x, y, col.w, avail * f);
                y += avail * f + gap;
                r
            });
        } else {
            let hero_h = (body.h * 0.55).round();
            cards[Panel::Embedding as usize] = Rect::new(body.x, body.y, body.w, hero_h);
            let grid = Rect::new(body.x, body.y + hero_h + gap, body.w, body.h - hero_h - gap);
            let (cw, ch) = ((grid.w - gap) / 2.0, (grid.h - gap) / 2.0);
            side = [
                Rect::new(grid.x, grid.y, cw, ch),
                Rect::new(grid.x + cw + gap, grid.y, cw, ch),
                Rect::new(grid.x, grid.y + ch + gap, cw, ch),
                Rect::new(grid.x + cw + gap, grid.y + ch + gap, cw, ch),
            ];
        }
        let [network, bars, loss, strips] = side;
        cards[Panel::Network as usize] = network;
        cards[Panel::Bars as usize] = bars;
        cards[Panel::Loss as usize] = loss;
        cards[Panel::Strip as usize] = strips;
        // The heatmap shares the strips card (right half); its card slot stays empty.
        let title = 46.0 * scale;
        let pad = 14.0 * scale;
        let mut plots = [Rect::default(); PANEL_COUNT];
        plots[Panel::Embedding as usize] =
            cards[Panel::Embedding as usize].inset(2.0, 2.0, 2.0, 2.0);
        plots[Panel::Network as usize] = network.inset(
            pad + 12.0 * scale,
            title,
            network.w * 0.2,
            pad + 14.0 * scale,
        );
        plots[Panel::Bars as usize] = bars.inset(bars.w * 0.24, title, bars.w * 0.15, pad);
        plots[Panel::Loss as usize] = loss.inset(
            86.0 * scale,
            title + 6.0 * scale,
            pad * 1.5,
            pad + 30.0 * scale,
        );
        let inner = strips.inset(pad, title, pad, pad);
        let strip_w = (inner.w * 0.42).round();
        let label = 24.0 * scale;
        plots[Panel::Strip as usize] = Rect::new(
            inner.x,
            inner.y + label,
            strip_w,
            (inner.h - label).min(48.0 * scale),
        );
        let heat_x = inner.x + strip_w + 2.0 * gap + inner.w * 0.16;
        plots[Panel::Heatmap as usize] = Rect::new(
            heat_x,
            inner.y + label,
            inner.right() - heat_x,
            inner.h - label,
        );
        Self {
            width,
            height,
            scale,
            header,
            cards: cards.map(|r| r.snapped()),
            plots: plots.map(|r| r.snapped()),
        }
    }

    pub fn card(&self, panel: Panel) -> Rect {
        self.cards[panel as usize]
    }

    pub fn plot(&self, panel: Panel) -> Rect {
        self.plots[panel as usize]
    }

    /// The panel whose plot contains `p`, if any.
    pub fn panel_at(&self, p: Vec2) -> Option<Panel> {
        use Panel::*;
        [Embedding, Network, Bars, Loss, Strip, Heatmap]
            .into_iter()
            .find(|&panel| self.plot(panel).contains(p))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Inside up to the half pixel of snapping; empty rects (tiny targets) count as inside.
    fn inside(inner: Rect, outer: Rect) -> bool {
        inner.w == 0.0
            || inner.h == 0.0
            || (inner.x >= outer.x - 1.0
                && inner.y >= outer.y - 1.0
                && inner.right() <= outer.right() + 1.0
                && inner.bottom() <= outer.bottom() + 1.0)
    }

    #[test]
    fn plots_sit_inside_their_cards_and_the_target() {
        for (w, h) in [
            (1920, 1080),
            (1280, 720),
            (640, 360),
            (800, 1200),
            (300, 200),
            (1, 1),
        ] {
            let layout = Layout::new(w, h);
            let target = Rect::new(0.0, 0.0, w as f32, h as f32);
            for i in 0..PANEL_COUNT {
                let card = if i == Panel::Heatmap as usize {
                    layout.cards[Panel::Strip as usize]
                } else {
                    layout.cards[i]
                };
                assert!(inside(layout.plots[i], card), "{w}x{h} panel {i}");
                assert!(inside(card, target), "{w}x{h} card {i}");
            }
        }
    }

    #[test]
    fn a_reserve_keeps_the_bottom_free() {
        let layout = Layout::with_reserve(1920, 1080, 150.0);
        for i in 0..PANEL_COUNT {
            assert!(layout.cards[i].bottom() <= 1080.0 - 150.0, "card {i}");
        }
        assert_eq!(Layout::with_reserve(1280, 720, 0.0), Layout::new(1280, 720));
    }

    #[test]
    fn hero_view_is_the_largest() {
        let layout = Layout::new(1920, 1080);
        let hero = layout.card(Panel::Embedding);
        assert!(hero.w > 1920.0 * 0.5 && hero.h > 1080.0 * 0.8);
        assert_eq!(
            layout.panel_at(Vec2::new(hero.x + 100.0, hero.y + 100.0)),
            Some(Panel::Embedding)
        );
    }

    #[test]
    fn to_pixels_clamps() {
        let r = Rect::new(-5.0, 10.0, 20.0, 1000.0);
        assert_eq!(r.to_pixels(100, 100), Some((0, 10, 15, 90)));
        assert_eq!(Rect::new(200.0, 0.0, 10.0, 10.0).to_pixels(100, 100), None);
    }
}
