//! Where each view goes on screen: card rects (the framed panels) and plot rects (where the GPU
//! draws inside them), in target pixels.
//!
//! How it works: everything scales with `scale = height / 1080`, so a frame looks the same at any
//! resolution. Landscape targets keep a column for the lesson's text on the left (when the
//! overlay shows), the 3D embedding view in the middle, and stack network, prediction bars, loss
//! curve and the strip/heatmap card on the right; tall targets put the 3D view on top and the
//! text and the four cards below. No card ever sits over the 3D view. Each card keeps a title
//! row; plots are inset so the CPU can place tick labels, word names and percentages beside them
//! (labels.rs). A frame's layout is computed once ([`Layout::compose`]) and shared: the scene
//! draws with it, and [`Layout::install`] hands it to the overlay through egui's memory.

use glam::Vec2;

impl Layout {
    fn id() -> egui::Id {
        egui::Id::unique("nextword_scene_layout")
    }

    /// Makes `self` the layout the overlay of this frame reads ([`Layout::of`]).
    pub fn install(self, ctx: &egui::Context) {
        ctx.data_mut(|d| d.insert_temp(Self::id(), self));
    }

    /// The layout of the frame being drawn, if one was installed.
    pub fn of(ctx: &egui::Context) -> Option<Layout> {
        ctx.data(|d| d.get_temp(Self::id()))
    }
}

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

/// What shapes a frame's composition besides its size.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct LayoutSpec {
    /// Design pixels (at 1080 lines) kept free at the bottom, e.g. for an overlay's control bar.
    pub bottom_1080: f32,
    /// Whether a column for the lesson's text (the overlay's step card) is kept free.
    pub lesson_column: bool,
    /// Multiplies the size of the scene's text (the projector theme's larger type).
    pub text_scale: f32,
}

impl Default for LayoutSpec {
    fn default() -> Self {
        Self {
            bottom_1080: 0.0,
            lesson_column: false,
            text_scale: 1.0,
        }
    }
}

/// Height of the title strip at 1080 lines.
pub const HEADER_1080: f32 = 64.0;
/// Width of the lesson's text column at 1080 lines.
pub const LESSON_COLUMN_1080: f32 = 410.0;
/// Width of the panels' column at 1080 lines.
pub const PANEL_COLUMN_1080: f32 = 360.0;
const MARGIN_1080: f32 = 16.0;
const GAP_1080: f32 = 14.0;

/// The composition of one frame.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Layout {
    pub width: u32,
    pub height: u32,
    /// `height / 1080` (or narrower screens' `width / 1100`): multiply design pixels by this.
    pub scale: f32,
    /// Multiplies the scene's type on top of `scale` (the projector theme's larger text).
    pub text_scale: f32,
    /// The title strip across the top.
    pub header: Rect,
    /// The lesson's text column (empty when the spec keeps none).
    pub lesson: Rect,
    /// Pixels kept free along the bottom (the overlay's control bar).
    pub reserved_bottom: f32,
    pub cards: [Rect; PANEL_COUNT],
    pub plots: [Rect; PANEL_COUNT],
}

impl Layout {
    /// The whole target for the views.
    pub fn new(width: u32, height: u32) -> Self {
        Self::compose(width, height, LayoutSpec::default())
    }

    /// The views above a strip of `bottom_1080` design pixels kept free at the bottom.
    pub fn with_reserve(width: u32, height: u32, bottom_1080: f32) -> Self {
        Self::compose(
            width,
            height,
            LayoutSpec {
                bottom_1080,
                ..LayoutSpec::default()
            },
        )
    }

    /// The composition of a `width` x `height` target: landscape screens put the lesson's text
    /// column on the left, the 3D view in the middle and the four panels stacked on the right
    /// (at 16:9 the 3D view keeps 45% of the screen); narrow screens put the 3D view on top and
    /// the text and a 2x2 grid of panels below it.
    pub fn compose(width: u32, height: u32, spec: LayoutSpec) -> Self {
        let (w, h) = (width.max(1) as f32, height.max(1) as f32);
        let scale = (h / 1080.0).min(w / 1100.0).max(0.05);
        let margin = MARGIN_1080 * scale;
        let gap = GAP_1080 * scale;
        let header = Rect::new(margin, 0.0, w - 2.0 * margin, HEADER_1080 * scale);
        let body_top = header.bottom();
        let reserve = spec.bottom_1080.max(0.0) * scale;
        let bottom = if reserve > 0.0 { reserve + gap } else { margin };
        let body = Rect::new(margin, body_top, w - 2.0 * margin, h - body_top - bottom);
        let mut cards = [Rect::default(); PANEL_COUNT];
        let side: [Rect; 4];
        let mut lesson = Rect::default();
        if w / h >= 1.25 {
            let mut x = body.x;
            if spec.lesson_column {
                lesson = Rect::new(x, body.y, LESSON_COLUMN_1080 * scale, body.h);
                x = lesson.right() + gap;
            }
            let panels_w = PANEL_COLUMN_1080 * scale;
            let hero_w = (body.right() - panels_w - gap - x).max(0.0);
            cards[Panel::Embedding as usize] = Rect::new(x, body.y, hero_w, body.h);
            let col = Rect::new(body.right() - panels_w, body.y, panels_w, body.h);
            let fractions = [0.28, 0.27, 0.22, 0.23];
            let avail = col.h - gap * 3.0;
            let mut y = col.y;
            side = fractions.map(|f| {
                let r = Rect::new(col.x, y, col.w, avail * f);
                y += avail * f + gap;
                r
            });
        } else {
            let hero_h = (body.h * 0.5).round();
            cards[Panel::Embedding as usize] = Rect::new(body.x, body.y, body.w, hero_h);
            let below = Rect::new(body.x, body.y + hero_h + gap, body.w, body.h - hero_h - gap);
            let grid = if spec.lesson_column {
                lesson = Rect::new(below.x, below.y, (below.w - gap) * 0.45, below.h);
                Rect::new(
                    lesson.right() + gap,
                    below.y,
                    below.right() - lesson.right() - gap,
                    below.h,
                )
            } else {
                below
            };
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
        let plots = plots_of(&cards, scale * spec.text_scale.max(0.5));
        Self {
            width,
            height,
            scale,
            text_scale: spec.text_scale.max(0.5),
            header,
            lesson: lesson.snapped(),
            reserved_bottom: reserve,
            cards: cards.map(|r| r.snapped()),
            plots: plots.map(|r| r.snapped()),
        }
    }

    /// Where the scene's pixels show when the overlay's lesson column and control bar cover the
    /// rest (x, y, w, h): everything above the column, and right of it down to the bar. None
    /// when there is no column (all of it shows).
    pub fn scene_regions(&self) -> Option<[[u32; 4]; 2]> {
        let l = self.lesson;
        if l.w <= 0.0 || l.h <= 0.0 {
            return None;
        }
        let (w, h) = (self.width as f32, self.height as f32);
        let px = |v: f32| v.clamp(0.0, f32::from(u16::MAX)).round() as u32;
        let bar_top = (h - self.reserved_bottom).clamp(0.0, h);
        // Above the column: the header and, on tall screens, the 3D view.
        let top = [0, 0, px(w), px(l.y.min(bar_top))];
        // Right of the column, down to the control bar.
        let right_x = l.right().min(w);
        let right = [
            px(right_x),
            px(l.y.min(bar_top)),
            px(w - right_x),
            px((bar_top - l.y).max(0.0)),
        ];
        Some([top, right])
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

    /// Design pixels to target pixels for text: the screen's scale times the text scale.
    pub fn type_scale(&self) -> f32 {
        self.scale * self.text_scale
    }
}

/// Where the network view puts its neurons: three columns (the context's numbers, the hidden
/// layer, the next words) across the plot, neuron `i` of `n` at `(i + 0.5) / n` of its height.
/// The one source of this geometry: the network shader gets these numbers as constants
/// ([`super::shaders`]), the labels and the hover read-outs call these functions.
pub mod network_geometry {
    use super::Rect;
    use glam::Vec2;

    /// The x of each column, as a share of the plot's width.
    pub const COLUMN_X: [f32; 3] = [0.04, 0.5, 0.96];
    /// A neuron's radius as a share of its row, and its limits in design pixels.
    pub const RADIUS_PER_ROW: f32 = 0.36;
    pub const MIN_RADIUS_PX: f32 = 1.5;
    pub const MAX_RADIUS_1080: f32 = 13.0;

    /// The centre of neuron `i` of `count` in column `column` of `plot`.
    pub fn neuron(plot: Rect, column: usize, i: usize, count: usize) -> Vec2 {
        let x = plot.x + plot.w * COLUMN_X[column.min(2)];
        let y = plot.y + (i as f32 + 0.5) / count.max(1) as f32 * plot.h;
        Vec2::new(x, y)
    }

    /// The radius of a neuron in a column of `count` neurons (`scale`: the layout's scale).
    pub fn radius(plot: Rect, count: usize, scale: f32) -> f32 {
        let max = (MAX_RADIUS_1080 * scale).max(MIN_RADIUS_PX);
        (RADIUS_PER_ROW * plot.h / count.max(1) as f32).clamp(MIN_RADIUS_PX, max)
    }

    /// The column nearest a share `x` of the plot's width, if within `reach` of it.
    pub fn column_at(x: f32, reach: f32) -> Option<usize> {
        (0..3)
            .min_by(|&a, &b| (x - COLUMN_X[a]).abs().total_cmp(&(x - COLUMN_X[b]).abs()))
            .filter(|&c| (x - COLUMN_X[c]).abs() <= reach)
    }
}

/// Where each view draws inside its card: a title row on top, room for labels beside the plot.
/// `t` is the type scale (labels grow with the projector theme's larger text).
fn plots_of(cards: &[Rect; PANEL_COUNT], t: f32) -> [Rect; PANEL_COUNT] {
    let title = 44.0 * t;
    let pad = 12.0 * t;
    let [hero, network, bars, loss, strips, _] = *cards;
    let mut plots = [Rect::default(); PANEL_COUNT];
    plots[Panel::Embedding as usize] = hero.inset(2.0, 2.0, 2.0, 2.0);
    // The output words are labelled at the right of the network.
    plots[Panel::Network as usize] =
        network.inset(pad, title, (network.w * 0.24).max(70.0 * t), pad + 22.0 * t);
    // Word names on the left, percentages on the right.
    plots[Panel::Bars as usize] = bars.inset(bars.w * 0.27, title, 80.0 * t, pad);
    plots[Panel::Loss as usize] = loss.inset(62.0 * t, title, pad * 1.5, pad + 24.0 * t);
    // The focus word's vector on the title row's line, the hidden units of every pair below,
    // their pairs named on the left.
    let inner = strips.inset(pad, title, pad, pad);
    let label = 26.0 * t;
    let strip_h = (inner.h * 0.3).min(34.0 * t);
    plots[Panel::Strip as usize] =
        Rect::new(inner.x + inner.w * 0.34, inner.y, inner.w * 0.66, strip_h);
    let heat_top = inner.y + strip_h + label;
    let heat_x = inner.x + inner.w * 0.45;
    plots[Panel::Heatmap as usize] = Rect::new(
        heat_x,
        heat_top,
        inner.right() - heat_x,
        inner.bottom() - heat_top,
    );
    plots
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
    fn the_scene_shows_wherever_a_view_is_and_not_under_the_overlay() {
        for (w, h) in [(1280, 720), (1920, 1080), (1024, 768), (800, 1200)] {
            let spec = LayoutSpec {
                bottom_1080: 120.0,
                lesson_column: true,
                text_scale: 1.0,
            };
            let layout = Layout::compose(w, h, spec);
            let regions = layout.scene_regions().expect("a lesson column");
            let within = |r: Rect| {
                regions.iter().any(|&[x, y, rw, rh]| {
                    let outer = Rect::new(
                        x as f32 - 1.0,
                        y as f32 - 1.0,
                        rw as f32 + 2.0,
                        rh as f32 + 2.0,
                    );
                    inside(r, outer)
                })
            };
            for (i, card) in layout.cards.iter().enumerate() {
                if card.w > 0.0 {
                    assert!(
                        within(*card),
                        "{w}x{h}: card {i} {card:?} outside {regions:?}"
                    );
                }
            }
            assert!(within(layout.header), "{w}x{h}: the header");
            // The lesson column and the control bar are left to the overlay's cards.
            let l = layout.lesson;
            let centre = (l.x + l.w / 2.0, l.y + l.h / 2.0);
            let bar = (w as f32 / 2.0, h as f32 - 10.0);
            for (px, py) in [centre, bar] {
                assert!(!regions.iter().any(|&[x, y, rw, rh]| {
                    (x as f32..(x + rw) as f32).contains(&px)
                        && (y as f32..(y + rh) as f32).contains(&py)
                }));
            }
            // Without the column, all of the frame shows.
            assert_eq!(
                Layout::compose(w, h, LayoutSpec::default()).scene_regions(),
                None
            );
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
