//! The orbit camera of the embedding view: pure math, no GPU.
//!
//! How it works: the camera circles `target` at `distance`, at angles `yaw` (around +Y) and
//! `pitch` (above the XZ plane, clamped short of the poles so "up" never flips). Rotating changes
//! the angles, panning moves `target` in the camera's right/up plane (scaled by the distance, so a
//! drag moves the scene by about the same number of pixels at any zoom), and zooming scales the
//! distance while moving `target` toward the point under the cursor (on the plane through
//! `target` facing the camera), so the point under the cursor stays under it. Projection is a
//! right-handed perspective with depth in 0..1 (wgpu's clip space). No card ever covers the 3D
//! view (the layout keeps it free), so the picture always fills its view.

use glam::{Mat4, Vec2, Vec3};

/// Closest the pitch gets to straight up or down (radians).
const PITCH_LIMIT: f32 = 1.45;
/// Distance limits, in world units (the embedding cloud has radius about 1).
const MIN_DISTANCE: f32 = 0.6;
const MAX_DISTANCE: f32 = 20.0;

/// An orbit camera. `Copy`, so a frame can snapshot it.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct OrbitCamera {
    /// Angle around +Y, radians.
    pub yaw: f32,
    /// Angle above the XZ plane, radians.
    pub pitch: f32,
    /// Distance from `target`, world units.
    pub distance: f32,
    /// The point the camera looks at.
    pub target: Vec3,
    /// Vertical field of view, radians.
    pub fov_y: f32,
}

impl Default for OrbitCamera {
    fn default() -> Self {
        Self {
            yaw: 0.6,
            pitch: 0.35,
            distance: 3.2,
            target: Vec3::ZERO,
            fov_y: 40f32.to_radians(),
        }
    }
}

impl OrbitCamera {
    /// A camera at the given angles (radians) and distance, looking at the origin.
    pub fn new(yaw: f32, pitch: f32, distance: f32) -> Self {
        let mut camera = Self {
            yaw,
            pitch,
            distance,
            ..Self::default()
        };
        camera.clamp();
        camera
    }

    /// Parses `yaw,pitch,distance` (degrees, degrees, world units), as `--camera` takes it.
    pub fn parse(text: &str) -> Result<Self, String> {
        let parts: Vec<&str> = text.split(',').map(str::trim).collect();
        let [yaw, pitch, distance] = parts.as_slice() else {
            return Err(format!(
                "expected yaw,pitch,distance (e.g. 35,20,3.6), got `{text}`"
            ));
        };
        let num = |s: &str, what: &str| {
            s.parse::<f32>()
                .ok()
                .filter(|v| v.is_finite())
                .ok_or_else(|| format!("{what} `{s}` is not a number"))
        };
        let (yaw, pitch, distance) = (
            num(yaw, "yaw")?,
            num(pitch, "pitch")?,
            num(distance, "distance")?,
        );
        if distance <= 0.0 {
            return Err(format!("distance must be > 0, got {distance}"));
        }
        Ok(Self::new(yaw.to_radians(), pitch.to_radians(), distance))
    }

    fn clamp(&mut self) {
        self.pitch = self.pitch.clamp(-PITCH_LIMIT, PITCH_LIMIT);
        self.distance = self.distance.clamp(MIN_DISTANCE, MAX_DISTANCE);
        self.yaw = self.yaw.rem_euclid(std::f32::consts::TAU);
    }

    /// Unit vector from `target` toward the eye.
    pub fn back(&self) -> Vec3 {
        let (sy, cy) = self.yaw.sin_cos();
        let (sp, cp) = self.pitch.sin_cos();
        Vec3::new(cp * sy, sp, cp * cy)
    }

    pub fn eye(&self) -> Vec3 {
        self.target + self.back() * self.distance
    }

    /// Camera right and up vectors in world space.
    pub fn right_up(&self) -> (Vec3, Vec3) {
        let back = self.back();
        let right = Vec3::Y.cross(back).normalize();
        let up = back.cross(right);
        (right, up)
    }

    pub fn view_from_world(&self) -> Mat4 {
        glam::camera::rh::view::look_at_mat4(self.eye(), self.target, Vec3::Y)
    }

    pub fn clip_from_view(&self, aspect: f32) -> Mat4 {
        // Depth 0..1, y up: wgpu's clip space (the same as DirectX's).
        glam::camera::rh::proj::directx::perspective(self.fov_y, aspect.max(1e-3), 0.05, 100.0)
    }

    pub fn clip_from_world(&self, aspect: f32) -> Mat4 {
        self.clip_from_view(aspect) * self.view_from_world()
    }

    /// Rotates by a drag of `delta` pixels in a viewport `viewport_height` pixels tall.
    pub fn rotate(&mut self, delta: Vec2, viewport_height: f32) {
        let k = std::f32::consts::PI / viewport_height.max(1.0);
        self.yaw -= delta.x * k;
        self.pitch += delta.y * k;
        self.clamp();
    }

    /// Pans by a drag of `delta` pixels: the scene follows the pointer.
    pub fn pan(&mut self, delta: Vec2, viewport_height: f32) {
        let (right, up) = self.right_up();
        let world_per_px =
            2.0 * self.distance * (self.fov_y * 0.5).tan() / viewport_height.max(1.0);
        self.target += (-right * delta.x + up * delta.y) * world_per_px;
    }

    /// Zooms by `factor` (< 1 moves closer) toward the point under `cursor_ndc` (None: the centre).
    pub fn zoom(&mut self, factor: f32, cursor_ndc: Option<Vec2>, aspect: f32) {
        let old = self.distance;
        let point = cursor_ndc.and_then(|ndc| self.point_on_target_plane(ndc, aspect));
        self.distance = (self.distance * factor).clamp(MIN_DISTANCE, MAX_DISTANCE);
        let applied = self.distance / old;
        if let Some(point) = point {
            // Keep `point` fixed on screen: scale the target about it like the distance.
            self.target = point + (self.target - point) * applied;
        }
    }

    /// The world ray through `ndc` (x right, y up, in -1..1): origin and unit direction.
    pub fn ray(&self, ndc: Vec2, aspect: f32) -> (Vec3, Vec3) {
        let (right, up) = self.right_up();
        let forward = -self.back();
        let h = (self.fov_y * 0.5).tan();
        let dir = (forward + right * ndc.x * h * aspect + up * ndc.y * h).normalize();
        (self.eye(), dir)
    }

    /// Where the ray through `ndc` meets the plane through `target` facing the camera.
    pub fn point_on_target_plane(&self, ndc: Vec2, aspect: f32) -> Option<Vec3> {
        let (origin, dir) = self.ray(ndc, aspect);
        let normal = self.back();
        let denom = dir.dot(normal);
        if denom.abs() < 1e-6 {
            return None;
        }
        let t = (self.target - origin).dot(normal) / denom;
        (t > 0.0).then(|| origin + dir * t)
    }

    /// Projects a world point into a viewport of `size` pixels: pixel position (origin top left)
    /// and view depth, or None behind the camera.
    pub fn project(&self, world: Vec3, size: Vec2) -> Option<(Vec2, f32)> {
        let clip = self.clip_from_world(size.x / size.y.max(1.0)) * world.extend(1.0);
        if clip.w <= 1e-4 {
            return None;
        }
        let ndc = clip.truncate() / clip.w;
        Some((
            Vec2::new((ndc.x * 0.5 + 0.5) * size.x, (0.5 - ndc.y * 0.5) * size.y),
            clip.w,
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(a: Vec3, b: Vec3) -> bool {
        (a - b).length() < 1e-4
    }

    #[test]
    fn target_projects_to_the_centre() {
        let camera = OrbitCamera::new(0.3, 0.2, 4.0);
        let (px, depth) = camera.project(Vec3::ZERO, Vec2::new(800.0, 600.0)).unwrap();
        assert!((px - Vec2::new(400.0, 300.0)).length() < 1e-3, "{px}");
        assert!((depth - 4.0).abs() < 1e-3);
    }

    #[test]
    fn eye_is_at_distance_and_pitch_is_clamped() {
        let mut camera = OrbitCamera::new(1.0, 0.0, 5.0);
        assert!((camera.eye().length() - 5.0).abs() < 1e-5);
        camera.rotate(Vec2::new(0.0, 1e6), 500.0);
        assert!(camera.pitch <= PITCH_LIMIT && camera.eye().is_finite());
        let (right, up) = camera.right_up();
        assert!(right.is_finite() && up.is_finite());
    }

    #[test]
    fn pan_moves_the_scene_with_the_pointer() {
        let size = Vec2::new(800.0, 600.0);
        let mut camera = OrbitCamera::new(0.4, 0.3, 4.0);
        let before = camera.project(Vec3::ZERO, size).unwrap().0;
        camera.pan(Vec2::new(50.0, -20.0), size.y);
        let after = camera.project(Vec3::ZERO, size).unwrap().0;
        assert!(
            (after - before - Vec2::new(50.0, -20.0)).length() < 0.5,
            "{}",
            after - before
        );
    }

    #[test]
    fn zoom_keeps_the_point_under_the_cursor() {
        let size = Vec2::new(800.0, 600.0);
        let aspect = size.x / size.y;
        let mut camera = OrbitCamera::new(0.4, 0.3, 4.0);
        let ndc = Vec2::new(0.5, -0.25);
        let point = camera.point_on_target_plane(ndc, aspect).unwrap();
        let before = camera.project(point, size).unwrap().0;
        camera.zoom(0.7, Some(ndc), aspect);
        assert!((camera.distance - 2.8).abs() < 1e-5);
        let after = camera.project(point, size).unwrap().0;
        assert!((after - before).length() < 0.05, "{before} -> {after}");
        // Zooming at the centre keeps the target.
        let target = camera.target;
        camera.zoom(1.25, Some(Vec2::ZERO), aspect);
        assert!(close(camera.target, target));
    }

    #[test]
    fn zoom_is_clamped() {
        let mut camera = OrbitCamera::default();
        for _ in 0..100 {
            camera.zoom(0.5, None, 1.0);
        }
        assert_eq!(camera.distance, MIN_DISTANCE);
        for _ in 0..100 {
            camera.zoom(2.0, None, 1.0);
        }
        assert_eq!(camera.distance, MAX_DISTANCE);
    }

    #[test]
    fn ray_through_centre_hits_target() {
        let camera = OrbitCamera::new(2.0, -0.4, 3.0);
        let p = camera.point_on_target_plane(Vec2::ZERO, 1.5).unwrap();
        assert!(close(p, camera.target));
    }

    #[test]
    fn parse_camera_argument() {
        let c = OrbitCamera::parse("90, 30, 5").unwrap();
        assert!((c.yaw - std::f32::consts::FRAC_PI_2).abs() < 1e-5);
        assert!((c.pitch - 30f32.to_radians()).abs() < 1e-5);
        assert_eq!(c.distance, 5.0);
        assert!(OrbitCamera::parse("1,2").is_err());
        assert!(OrbitCamera::parse("a,2,3").is_err());
        assert!(OrbitCamera::parse("1,2,-3").is_err());
    }
}
