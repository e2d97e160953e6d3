//! Adapter and device creation. Backends come from `WGPU_BACKEND` when set (e.g. `vulkan`, `gl`),
//! otherwise every native backend is tried and wgpu picks the best adapter it finds. The device
//! asks for the adapter's own limits, so big lessons can bind as much as the driver allows
//! (Mesa's software drivers: 128 MiB per storage binding).

/// Errors while acquiring a GPU.
#[derive(Debug, thiserror::Error)]
pub enum GpuError {
    #[error(
        "no GPU adapter found ({0}); install a Vulkan, Metal or DX12 driver (on Debian/Ubuntu \
         without a GPU: `apt-get install -y mesa-vulkan-drivers libvulkan1` for lavapipe, or Mesa's \
         llvmpipe GL with WGPU_BACKEND=gl)"
    )]
    NoAdapter(String),
    #[error("the GPU refused to create a device: {0}")]
    Device(#[from] wgpu::RequestDeviceError),
    #[error(
        "WGPU_BACKEND={0} names no graphics backend: use vulkan, gl, metal or dx12 (several \
         may be given, comma-separated), or unset it"
    )]
    BadBackend(String),
}

/// Refuses a `WGPU_BACKEND` that names no backend (wgpu would only log a warning and then find
/// no adapter, which sounds like a missing driver).
pub fn check_backend_env() -> Result<(), GpuError> {
    // wgpu's own names (wgpu_types::Backends::from_comma_list, which only logs the bad ones).
    const NAMES: [&str; 10] = [
        "vulkan", "vk", "dx12", "d3d12", "metal", "mtl", "opengl", "gles", "gl", "webgpu",
    ];
    match std::env::var("WGPU_BACKEND") {
        Ok(value)
            if !value
                .split(',')
                .any(|b| NAMES.contains(&b.trim().to_lowercase().as_str())) =>
        {
            Err(GpuError::BadBackend(value))
        }
        _ => Ok(()),
    }
}

/// An instance, adapter, device and queue, owned together.
pub struct GpuContext {
    pub instance: wgpu::Instance,
    pub adapter: wgpu::Adapter,
    pub device: wgpu::Device,
    pub queue: wgpu::Queue,
}

/// A short human name of an adapter, e.g. `llvmpipe (LLVM 15.0.6, 256 bits) (Vulkan)`.
pub fn adapter_label(adapter: &wgpu::Adapter) -> String {
    let info = adapter.get_info();
    format!("{} ({:?})", info.name, info.backend)
}

impl GpuContext {
    /// A context without a window, for training, headless rendering and tests.
    pub fn headless() -> Result<Self, GpuError> {
        check_backend_env()?;
        let instance =
            wgpu::Instance::new(wgpu::InstanceDescriptor::new_without_display_handle_from_env());
        pollster::block_on(Self::from_instance(instance, None))
    }

    /// A context whose adapter can present to `surface` (created from `instance`).
    pub async fn from_instance(
        instance: wgpu::Instance,
        surface: Option<&wgpu::Surface<'_>>,
    ) -> Result<Self, GpuError> {
        let adapter = instance
            .request_adapter(&wgpu::RequestAdapterOptions {
                power_preference: wgpu::PowerPreference::HighPerformance,
                compatible_surface: surface,
                ..Default::default()
            })
            .await
            .map_err(|e| GpuError::NoAdapter(e.to_string()))?;
        let (device, queue) = adapter
            .request_device(&wgpu::DeviceDescriptor {
                label: Some("nextword::device"),
                required_limits: adapter.limits(),
                // wgpu's default suballocates from 128-256 MiB memory blocks, and on a software
                // adapter every block is resident RAM that stays while any buffer lives in it: a
                // kiosk switching lessons for hours climbed past 1.4 GB in 256 MiB steps. 8-64
                // MiB blocks follow what is really in use.
                memory_hints: wgpu::MemoryHints::MemoryUsage,
                ..Default::default()
            })
            .await?;
        log::info!("GPU adapter: {}", adapter_label(&adapter));
        Ok(Self {
            instance,
            adapter,
            device,
            queue,
        })
    }

    pub fn adapter_label(&self) -> String {
        adapter_label(&self.adapter)
    }
}
