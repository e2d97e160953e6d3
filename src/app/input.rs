//! Pointer and touch input for the embedding view, turned into camera moves and picks.
//!
//! How it works: a drag that starts inside the 3D view rotates (left button, one finger) or pans
//! (right/middle button, two fingers); the wheel and a pinch zoom toward the pointer / the pinch
//! centre; a quick second click resets the camera; a click that did not move picks the word under
//! the pointer. Touches are tracked by id: with two down, the change of their distance zooms and
//! the motion of their centre pans. Everything is in physical pixels of the target.

use std::collections::HashMap;
use std::time::{Duration, Instant};

use glam::Vec2;

use crate::scene::{Layout, OrbitCamera, Panel};

const DOUBLE_CLICK: Duration = Duration::from_millis(350);
/// Movement (pixels) below which a press and release count as a click.
const CLICK_SLOP: f32 = 6.0;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Drag {
    Rotate,
    Pan,
}

/// What an input event asks of the app besides camera motion.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Gesture {
    None,
    /// A click without motion at this position.
    Click(Vec2),
    /// The camera was reset by a double click.
    Reset,
}

#[derive(Default)]
pub struct PointerInput {
    pub cursor: Option<Vec2>,
    drag: Option<(Drag, Vec2)>,
    press_at: Option<Vec2>,
    moved: f32,
    last_click: Option<(Instant, Vec2)>,
    touches: HashMap<u64, Vec2>,
    /// When the user last moved the camera (auto-rotate waits after interaction).
    pub last_interaction: Option<Instant>,
}

fn ndc_in(plot: crate::scene::Rect, p: Vec2) -> Vec2 {
    let local = (p - plot.min()) / plot.size().max(Vec2::ONE);
    Vec2::new(local.x * 2.0 - 1.0, 1.0 - local.y * 2.0)
}

impl PointerInput {
    fn touched(&mut self) {
        self.last_interaction = Some(Instant::now());
    }

    pub fn cursor_moved(&mut self, p: Vec2, camera: &mut OrbitCamera, layout: &Layout) {
        if let (Some(old), Some((drag, _))) = (self.cursor, self.drag) {
            let delta = p - old;
            self.moved += delta.length();
            let h = layout.plot(Panel::Embedding).h;
            match drag {
                Drag::Rotate => camera.rotate(delta, h),
                Drag::Pan => camera.pan(delta, h),
            }
            self.touched();
        }
        self.cursor = Some(p);
    }

    pub fn cursor_left(&mut self) {
        self.cursor = None;
        self.drag = None;
    }

    /// A mouse button went down (`rotate`: left button; otherwise pan).
    pub fn press(&mut self, rotate: bool, layout: &Layout) {
        let Some(p) = self.cursor else { return };
        if layout.plot(Panel::Embedding).contains(p) {
            self.drag = Some((if rotate { Drag::Rotate } else { Drag::Pan }, p));
        }
        self.press_at = Some(p);
        self.moved = 0.0;
    }

    /// A mouse button went up.
    pub fn release(&mut self, left: bool, camera: &mut OrbitCamera, home: &OrbitCamera) -> Gesture {
        self.drag = None;
        let Some(p) = self.press_at.take() else {
            return Gesture::None;
        };
        if !left || self.moved > CLICK_SLOP {
            return Gesture::None;
        }
        let now = Instant::now();
        if let Some((t, q)) = self.last_click
            && now - t < DOUBLE_CLICK
            && q.distance(p) < CLICK_SLOP * 2.0
        {
            self.last_click = None;
            *camera = *home;
            self.touched();
            return Gesture::Reset;
        }
        self.last_click = Some((now, p));
        Gesture::Click(p)
    }

    /// Wheel by `lines` (positive: away from the user = zoom in).
    pub fn wheel(&mut self, lines: f32, camera: &mut OrbitCamera, layout: &Layout) {
        let plot = layout.plot(Panel::Embedding);
        let Some(p) = self.cursor.filter(|p| plot.contains(*p)) else {
            return;
        };
        camera.zoom(
            0.88f32.powf(lines),
            Some(ndc_in(plot, p)),
            plot.w / plot.h.max(1.0),
        );
        self.touched();
    }

    /// A touch event: `phase` 0 started, 1 moved, 2 ended/cancelled.
    pub fn touch(
        &mut self,
        id: u64,
        phase: u8,
        p: Vec2,
        camera: &mut OrbitCamera,
        layout: &Layout,
    ) {
        let plot = layout.plot(Panel::Embedding);
        match phase {
            0 => {
                if plot.contains(p) || !self.touches.is_empty() {
                    self.touches.insert(id, p);
                }
            }
            1 => {
                let Some(&old) = self.touches.get(&id) else {
                    return;
                };
                if self.touches.len() == 1 {
                    camera.rotate(p - old, plot.h);
                } else {
                    let others: Vec<Vec2> = self
                        .touches
                        .iter()
                        .filter(|(k, _)| **k != id)
                        .map(|(_, v)| *v)
                        .collect();
                    let other = others[0];
                    let (d_old, d_new) = (old.distance(other), p.distance(other));
                    let (c_old, c_new) = ((old + other) * 0.5, (p + other) * 0.5);
                    if d_new > 1.0 && d_old > 1.0 {
                        camera.zoom(
                            d_old / d_new,
                            Some(ndc_in(plot, c_new)),
                            plot.w / plot.h.max(1.0),
                        );
                    }
                    camera.pan(c_new - c_old, plot.h);
                }
                self.touches.insert(id, p);
                self.touched();
            }
            _ => {
                self.touches.remove(&id);
            }
        }
    }

    /// Whether the user touched the camera within `quiet`.
    pub fn recently_active(&self, quiet: Duration) -> bool {
        self.drag.is_some()
            || !self.touches.is_empty()
            || self.last_interaction.is_some_and(|t| t.elapsed() < quiet)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn left_drag_rotates_and_click_without_motion_is_a_click() {
        let layout = Layout::new(1280, 720);
        let home = OrbitCamera::default();
        let mut camera = home;
        let mut input = PointerInput::default();
        let centre =
            layout.plot(Panel::Embedding).min() + layout.plot(Panel::Embedding).size() * 0.5;
        input.cursor_moved(centre, &mut camera, &layout);
        input.press(true, &layout);
        input.cursor_moved(centre + Vec2::new(40.0, 0.0), &mut camera, &layout);
        assert_ne!(camera.yaw, home.yaw);
        assert_eq!(input.release(true, &mut camera, &home), Gesture::None);
        input.press(true, &layout);
        assert!(matches!(
            input.release(true, &mut camera, &home),
            Gesture::Click(_)
        ));
        input.press(true, &layout);
        assert_eq!(input.release(true, &mut camera, &home), Gesture::Reset);
        assert_eq!(camera, home);
    }

    #[test]
    fn pinch_zooms_in() {
        let layout = Layout::new(1280, 720);
        let mut camera = OrbitCamera::default();
        let mut input = PointerInput::default();
        let c = layout.plot(Panel::Embedding).min() + Vec2::new(300.0, 300.0);
        input.touch(1, 0, c - Vec2::new(50.0, 0.0), &mut camera, &layout);
        input.touch(2, 0, c + Vec2::new(50.0, 0.0), &mut camera, &layout);
        let before = camera.distance;
        input.touch(2, 1, c + Vec2::new(150.0, 0.0), &mut camera, &layout);
        assert!(camera.distance < before);
        input.touch(1, 2, c, &mut camera, &layout);
        input.touch(2, 2, c, &mut camera, &layout);
        assert!(input.touches.is_empty());
    }
}
