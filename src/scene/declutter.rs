//! Where the word labels of the 3D view go: never on top of each other, never over another word's
//! point, the most important words first.
//!
//! How it works: [`place_labels`] takes every visible word as a [`LabelCandidate`] (its point on
//! screen, the point's radius, the label's size and a priority: the followed word, the selected
//! pair's words, the likely next words, then the rest nearest first) and places them greedily in
//! priority order. Each label tries eight spots around its point, first close by, then farther
//! out (drawn with a leader line back to the point); a spot must lie inside the view, keep a word
//! space from every label placed so far and stay off every other point. A label with no free spot
//! is left out (its point still shows, and hovering names it). A view with many words labels at
//! most as many as its area holds at a comfortable density, so a big vocabulary shows a readable
//! subset.

use glam::Vec2;

use super::layout::Rect;

/// A word that may get a label.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct LabelCandidate {
    pub word: u32,
    /// The point's centre on screen (pixels).
    pub at: Vec2,
    /// The point's radius (pixels).
    pub radius: f32,
    /// The label's size (pixels).
    pub size: Vec2,
    /// Lower is more important.
    pub priority: u32,
    /// Distance from the camera (ties of priority: nearer first).
    pub depth: f32,
}

/// A placed label.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Placement {
    pub word: u32,
    /// The label's rectangle (pixels).
    pub rect: Rect,
    /// Whether it sits away from its point (drawn with a leader line).
    pub leader: bool,
}

fn overlaps(a: &Rect, b: &Rect) -> bool {
    a.x < b.right() && b.x < a.right() && a.y < b.bottom() && b.y < a.bottom()
}

/// The square around a point.
fn disc(c: &LabelCandidate) -> Rect {
    Rect::new(
        c.at.x - c.radius,
        c.at.y - c.radius,
        2.0 * c.radius,
        2.0 * c.radius,
    )
}

/// The labels of `candidates` inside `view` (see the module docs); `space` is the gap kept
/// between labels (a word space), `max_labels` the most placed.
pub fn place_labels(
    candidates: &[LabelCandidate],
    view: Rect,
    space: f32,
    max_labels: usize,
) -> Vec<Placement> {
    let mut order: Vec<&LabelCandidate> = candidates.iter().collect();
    order.sort_by(|a, b| {
        a.priority
            .cmp(&b.priority)
            .then(a.depth.total_cmp(&b.depth))
            .then(a.word.cmp(&b.word))
    });
    let mut placed: Vec<Placement> = Vec::new();
    for c in order {
        if placed.len() >= max_labels {
            break;
        }
        let spot = spots(c).into_iter().find(|(rect, _)| {
            let inside = rect.x >= view.x
                && rect.y >= view.y
                && rect.right() <= view.right()
                && rect.bottom() <= view.bottom();
            let padded = Rect::new(
                rect.x - space,
                rect.y - space * 0.25,
                rect.w + 2.0 * space,
                rect.h + space * 0.5,
            );
            inside
                && !placed.iter().any(|p| overlaps(&padded, &p.rect))
                && !candidates
                    .iter()
                    .any(|o| o.word != c.word && overlaps(rect, &disc(o)))
        });
        if let Some((rect, leader)) = spot {
            placed.push(Placement {
                word: c.word,
                rect,
                leader,
            });
        }
    }
    placed
}

/// The spots a label tries, in order: right, left, above, below and the four diagonals of its
/// point, close by; then the same eight farther out (with a leader line).
fn spots(c: &LabelCandidate) -> Vec<(Rect, bool)> {
    let (w, h) = (c.size.x, c.size.y);
    let mut out = Vec::with_capacity(16);
    for (ring, leader) in [(1.0f32, false), (2.6, true)] {
        let gap = c.radius * 1.3 * ring + 4.0 * ring;
        let offsets = [
            Vec2::new(gap, -h * 0.5),
            Vec2::new(-gap - w, -h * 0.5),
            Vec2::new(-w * 0.5, -gap - h),
            Vec2::new(-w * 0.5, gap),
            Vec2::new(gap * 0.8, -gap * 0.8 - h),
            Vec2::new(-gap * 0.8 - w, -gap * 0.8 - h),
            Vec2::new(gap * 0.8, gap * 0.8),
            Vec2::new(-gap * 0.8 - w, gap * 0.8),
        ];
        for o in offsets {
            out.push((Rect::new(c.at.x + o.x, c.at.y + o.y, w, h), leader));
        }
    }
    out
}

/// How many labels a view of `area` square pixels holds at a comfortable density, for labels of
/// about `label_area` square pixels each: at most one label per six label areas, at least 8.
pub fn label_budget(area: f32, label_area: f32) -> usize {
    ((area / (6.0 * label_area.max(1.0))).floor() as usize).max(8)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn candidate(word: u32, x: f32, y: f32, priority: u32) -> LabelCandidate {
        LabelCandidate {
            word,
            at: Vec2::new(x, y),
            radius: 8.0,
            size: Vec2::new(60.0, 24.0),
            priority,
            depth: 3.0,
        }
    }

    #[test]
    fn labels_never_overlap_each_other_or_other_points() {
        let view = Rect::new(0.0, 0.0, 800.0, 600.0);
        // A tight cluster: all five points within 40 pixels.
        let cluster: Vec<LabelCandidate> = (0..5)
            .map(|i| candidate(i, 400.0 + 10.0 * i as f32, 300.0 + 7.0 * i as f32, i))
            .collect();
        let placed = place_labels(&cluster, view, 8.0, 100);
        assert!(!placed.is_empty());
        for (i, a) in placed.iter().enumerate() {
            for b in &placed[i + 1..] {
                assert!(!overlaps(&a.rect, &b.rect), "{a:?} {b:?}");
            }
            for c in &cluster {
                if c.word != a.word {
                    assert!(!overlaps(&a.rect, &disc(c)), "{a:?} over point {}", c.word);
                }
            }
        }
        // The most important word always gets its label.
        assert!(placed.iter().any(|p| p.word == 0));
    }

    #[test]
    fn the_budget_keeps_a_big_vocabulary_readable() {
        let view = Rect::new(0.0, 0.0, 800.0, 600.0);
        let many: Vec<LabelCandidate> = (0..500)
            .map(|i| {
                candidate(
                    i,
                    20.0 + (i % 25) as f32 * 30.0,
                    20.0 + (i / 25) as f32 * 28.0,
                    3,
                )
            })
            .collect();
        let budget = label_budget(view.w * view.h, 60.0 * 24.0);
        let placed = place_labels(&many, view, 8.0, budget);
        assert!(placed.len() <= budget && !placed.is_empty());
    }
}
