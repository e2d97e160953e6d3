//! GPU plumbing shared by the engine and the views: picking an adapter and device (headless or
//! for a window), and reading buffers back to the CPU.
//!
//! Library code never picks its own adapter: engines and renderers take `&Device, &Queue`, and
//! only `main`, tests and benchmarks create a [`GpuContext`].

mod context;
mod readback;

pub use context::{GpuContext, GpuError, adapter_label, check_backend_env};
pub use readback::{AsyncReader, StagingReader, map_and_wait, read_buffer_f32, read_buffer_u32};
