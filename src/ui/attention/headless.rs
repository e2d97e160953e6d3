//! One frame of the attention screen without a window: drawn by the same [`attention_ui`] as
//! the window into an offscreen target, settled first (egui lays out new areas invisibly once),
//! and read back as RGBA (`render`, tests).

use super::{AttnSession, AttnViewState, attention_ui};
use crate::gpu::GpuContext;
use crate::scene::canvas::Canvas;
use crate::scene::headless_input;
use crate::scene::target::OffscreenTarget;

/// Draws `session` at `playhead` into `target` and returns its pixels.
pub fn render_frame(
    gpu: &GpuContext,
    canvas: &mut Canvas,
    target: &OffscreenTarget,
    session: &AttnSession,
    view: &mut AttnViewState,
    look: crate::ui::Look,
    playhead: f32,
) -> Result<Vec<u8>, crate::scene::SceneError> {
    let (device, queue) = (&gpu.device, &gpu.queue);
    let size = target.size;
    let input = headless_input(size);
    let story = &session.story;
    let mut paint = |ctx: &egui::Context| {
        look.install(ctx);
        attention_ui(ctx, story, &mut view.clone(), playhead);
    };
    canvas.settle(device, queue, &input, size, 2, &mut paint);
    let mut encoder = device.create_command_encoder(&wgpu::CommandEncoderDescriptor {
        label: Some("render attention"),
    });
    canvas.frame(
        device,
        queue,
        &mut encoder,
        &target.view,
        size,
        input,
        |ctx| {
            look.install(ctx);
            attention_ui(ctx, story, view, playhead);
        },
    );
    target.encode_readback(&mut encoder);
    queue.submit([encoder.finish()]);
    target.read_rgba(device)
}
