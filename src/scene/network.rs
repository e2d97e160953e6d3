//! The network view (shaders/scene/network.wgsl): edges for every weight of w1 and w2 (colour by
//! sign, width by size) with the forward/gradient pulse, then the neurons glowing by activation
//! for the selected pair at the playhead.

use super::layout::Panel;
use super::pipeline::{Blend, DrawContext, render_pipeline};

pub struct NetworkRenderer {
    edges: wgpu::RenderPipeline,
    neurons: wgpu::RenderPipeline,
}

impl NetworkRenderer {
    pub fn new(device: &wgpu::Device, layout: &wgpu::PipelineLayout) -> Self {
        let module = super::shaders::module(device, "network");
        Self {
            edges: render_pipeline(
                device,
                layout,
                &module,
                "Network::edges",
                ("vs_edge", "fs_edge"),
                Blend::Additive,
            ),
            neurons: render_pipeline(
                device,
                layout,
                &module,
                "Network::neurons",
                ("vs_neuron", "fs_neuron"),
                Blend::Additive,
            ),
        }
    }

    pub fn draw(&self, pass: &mut wgpu::RenderPass<'_>, ctx: &DrawContext<'_>) {
        if !ctx.focus(pass, Panel::Network) {
            return;
        }
        let h = &ctx.history;
        let inputs = ctx.context * h.embed_dim;
        pass.set_pipeline(&self.edges);
        pass.draw(0..6, 0..inputs * h.hidden + h.hidden * h.vocab);
        pass.set_pipeline(&self.neurons);
        pass.draw(0..6, 0..inputs + h.hidden + h.vocab);
    }
}
