//! The window's GPU side: instance, surface, adapter and device, made together so the window can
//! make them again after a device loss ([`WindowGpu::new`]), and the surface's states (`Lost`,
//! `Outdated`, zero size) handled in one place.

use std::sync::Arc;

use winit::event_loop::ActiveEventLoop;
use winit::window::Window;

use super::AppError;
use crate::gpu::GpuContext;
use crate::kiosk::DeviceHealth;

/// Everything the window draws with on one device.
pub(super) struct WindowGpu {
    pub gpu: GpuContext,
    pub surface: wgpu::Surface<'static>,
    pub config: wgpu::SurfaceConfiguration,
    pub format: wgpu::TextureFormat,
    /// Device loss and uncaptured GPU errors (logged once each, never a panic).
    pub health: DeviceHealth,
}

impl WindowGpu {
    /// A fresh instance, surface for `window`, adapter and device, the surface configured for
    /// the window's size (unless it is zero: minimized).
    pub fn new(
        event_loop: &ActiveEventLoop,
        window: &Arc<Window>,
        vsync: bool,
    ) -> Result<Self, AppError> {
        let mut descriptor = wgpu::InstanceDescriptor::new_with_display_handle_from_env(Box::new(
            event_loop.owned_display_handle(),
        ));
        // Debug builds turn on wgpu's debug labels, and Mesa's lavapipe (22.3) crashes on them
        // while presenting to a window; keep them only when asked for with WGPU_DEBUG=1.
        if std::env::var_os("WGPU_DEBUG").is_none() {
            descriptor.flags.remove(wgpu::InstanceFlags::DEBUG);
        }
        let instance = wgpu::Instance::new(descriptor);
        let surface = instance.create_surface(window.clone())?;
        let gpu = pollster::block_on(GpuContext::from_instance(instance, Some(&surface)))?;
        // A kiosk keeps running: log GPU errors once each and record device loss, never panic.
        let health = DeviceHealth::watch(&gpu.device);
        let caps = surface.get_capabilities(&gpu.adapter);
        let format = pick_format(&caps.formats).ok_or(AppError::NoFormat)?;
        let size = window.inner_size();
        let config = wgpu::SurfaceConfiguration {
            usage: wgpu::TextureUsages::RENDER_ATTACHMENT,
            format,
            width: size.width,
            height: size.height,
            present_mode: if vsync {
                wgpu::PresentMode::AutoVsync
            } else {
                wgpu::PresentMode::AutoNoVsync
            },
            desired_maximum_frame_latency: 2,
            alpha_mode: caps
                .alpha_modes
                .first()
                .copied()
                .unwrap_or(wgpu::CompositeAlphaMode::Auto),
            view_formats: vec![],
            color_space: wgpu::SurfaceColorSpace::Auto,
        };
        let mut made = Self {
            gpu,
            surface,
            config,
            format,
            health,
        };
        made.resize(size.width, size.height);
        log::info!("window surface {format:?} on {}", made.gpu.adapter_label());
        Ok(made)
    }

    /// Follows the window's size; a zero size (minimized) leaves the surface unconfigured.
    pub fn resize(&mut self, width: u32, height: u32) {
        self.config.width = width;
        self.config.height = height;
        if width > 0 && height > 0 {
            self.surface.configure(&self.gpu.device, &self.config);
        }
    }

    /// Whether there is nothing to draw into (minimized).
    pub fn is_zero_size(&self) -> bool {
        self.config.width == 0 || self.config.height == 0
    }

    /// A lost surface is made again from `window`, then configured.
    pub fn recreate_surface(&mut self, window: &Arc<Window>) {
        match self.gpu.instance.create_surface(window.clone()) {
            Ok(surface) => self.surface = surface,
            Err(e) => log::error!("recreating the lost surface: {e}"),
        }
        let size = window.inner_size();
        self.resize(size.width, size.height);
    }
}

/// Prefers a non-sRGB 8-bit format (the tonemap encodes sRGB itself; egui blends in gamma space).
fn pick_format(formats: &[wgpu::TextureFormat]) -> Option<wgpu::TextureFormat> {
    use wgpu::TextureFormat::*;
    [Bgra8Unorm, Rgba8Unorm, Bgra8UnormSrgb, Rgba8UnormSrgb]
        .into_iter()
        .find(|f| formats.contains(f))
        .or_else(|| formats.first().copied())
}
