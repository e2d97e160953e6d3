//! Render targets: the HDR colour target every view draws into, the headless offscreen output
//! texture with its pixel readback, and PNG reading/writing.
//!
//! How it works: the HDR target is an `Rgba16Float` texture the size of the output. Headless
//! frames go to an `Rgba8Unorm` texture holding sRGB-encoded values (the tonemap encodes, and
//! egui blends in gamma space as it prefers, exactly as on a non-sRGB window surface), which is
//! copied into a buffer whose rows are padded to 256 bytes, mapped, and unpadded into tightly
//! packed RGBA8.

use std::path::Path;

use super::SceneError;
use super::pipeline::HDR_FORMAT;

/// The format of headless output frames.
pub const OFFSCREEN_FORMAT: wgpu::TextureFormat = wgpu::TextureFormat::Rgba8Unorm;

pub struct HdrTarget {
    pub size: (u32, u32),
    pub texture: wgpu::Texture,
    pub view: wgpu::TextureView,
}

impl HdrTarget {
    pub fn new(device: &wgpu::Device, size: (u32, u32)) -> Self {
        let texture = device.create_texture(&wgpu::TextureDescriptor {
            label: Some("HdrTarget::texture"),
            size: wgpu::Extent3d {
                width: size.0.max(1),
                height: size.1.max(1),
                depth_or_array_layers: 1,
            },
            mip_level_count: 1,
            sample_count: 1,
            dimension: wgpu::TextureDimension::D2,
            format: HDR_FORMAT,
            usage: wgpu::TextureUsages::RENDER_ATTACHMENT | wgpu::TextureUsages::TEXTURE_BINDING,
            view_formats: &[],
        });
        let view = texture.create_view(&wgpu::TextureViewDescriptor::default());
        Self {
            size,
            texture,
            view,
        }
    }
}

/// An offscreen output texture plus a buffer to read its pixels back.
pub struct OffscreenTarget {
    pub size: (u32, u32),
    pub texture: wgpu::Texture,
    pub view: wgpu::TextureView,
    readback: wgpu::Buffer,
    padded_row: u32,
    /// Blue first: swapped to RGBA on readback.
    bgra: bool,
}

impl OffscreenTarget {
    pub fn new(device: &wgpu::Device, size: (u32, u32)) -> Self {
        Self::with_format(device, size, OFFSCREEN_FORMAT)
    }

    /// A target of another 8-bit RGBA/BGRA `format` (e.g. a window surface's, for screenshots);
    /// [`Self::read_rgba`] returns RGBA either way.
    pub fn with_format(
        device: &wgpu::Device,
        size: (u32, u32),
        format: wgpu::TextureFormat,
    ) -> Self {
        let (w, h) = (size.0.max(1), size.1.max(1));
        let texture = device.create_texture(&wgpu::TextureDescriptor {
            label: Some("OffscreenTarget::texture"),
            size: wgpu::Extent3d {
                width: w,
                height: h,
                depth_or_array_layers: 1,
            },
            mip_level_count: 1,
            sample_count: 1,
            dimension: wgpu::TextureDimension::D2,
            format,
            usage: wgpu::TextureUsages::RENDER_ATTACHMENT | wgpu::TextureUsages::COPY_SRC,
            view_formats: &[],
        });
        let view = texture.create_view(&wgpu::TextureViewDescriptor::default());
        let padded_row = (w * 4).div_ceil(wgpu::COPY_BYTES_PER_ROW_ALIGNMENT)
            * wgpu::COPY_BYTES_PER_ROW_ALIGNMENT;
        let readback = device.create_buffer(&wgpu::BufferDescriptor {
            label: Some("OffscreenTarget::readback"),
            size: u64::from(padded_row) * u64::from(h),
            usage: wgpu::BufferUsages::COPY_DST | wgpu::BufferUsages::MAP_READ,
            mapped_at_creation: false,
        });
        Self {
            size: (w, h),
            texture,
            view,
            readback,
            padded_row,
            bgra: matches!(
                format,
                wgpu::TextureFormat::Bgra8Unorm | wgpu::TextureFormat::Bgra8UnormSrgb
            ),
        }
    }

    /// Encodes the copy of the texture into the readback buffer.
    pub fn encode_readback(&self, encoder: &mut wgpu::CommandEncoder) {
        encoder.copy_texture_to_buffer(
            wgpu::TexelCopyTextureInfo {
                texture: &self.texture,
                mip_level: 0,
                origin: wgpu::Origin3d::ZERO,
                aspect: wgpu::TextureAspect::All,
            },
            wgpu::TexelCopyBufferInfo {
                buffer: &self.readback,
                layout: wgpu::TexelCopyBufferLayout {
                    offset: 0,
                    bytes_per_row: Some(self.padded_row),
                    rows_per_image: Some(self.size.1),
                },
            },
            wgpu::Extent3d {
                width: self.size.0,
                height: self.size.1,
                depth_or_array_layers: 1,
            },
        );
    }

    /// Waits for the copy submitted after [`Self::encode_readback`] and returns RGBA8 rows.
    pub fn read_rgba(&self, device: &wgpu::Device) -> Result<Vec<u8>, SceneError> {
        let slice = self.readback.slice(..);
        let (w, h) = self.size;
        let mut rgba = Vec::with_capacity((w * h * 4) as usize);
        {
            let view = crate::gpu::map_and_wait(device, &slice)
                .map_err(|e| SceneError::Gpu(format!("frame readback: {e}")))?;
            for row in view.chunks(self.padded_row as usize).take(h as usize) {
                rgba.extend_from_slice(&row[..(w * 4) as usize]);
            }
        }
        if self.bgra {
            for px in rgba.chunks_exact_mut(4) {
                px.swap(0, 2);
            }
        }
        self.readback.unmap();
        Ok(rgba)
    }
}

/// Writes tightly packed RGBA8 pixels as a PNG.
pub fn write_png(path: &Path, width: u32, height: u32, rgba: &[u8]) -> Result<(), SceneError> {
    let io = |e: std::io::Error| SceneError::Io(format!("{}: {e}", path.display()));
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir).map_err(io)?;
    }
    let file = std::fs::File::create(path).map_err(io)?;
    let mut encoder = png::Encoder::new(std::io::BufWriter::new(file), width, height);
    encoder.set_color(png::ColorType::Rgba);
    encoder.set_depth(png::BitDepth::Eight);
    encoder.set_source_srgb(png::SrgbRenderingIntent::Perceptual);
    let png_err = |e: png::EncodingError| SceneError::Io(format!("{}: {e}", path.display()));
    let mut writer = encoder.write_header().map_err(png_err)?;
    writer.write_image_data(rgba).map_err(png_err)?;
    writer.finish().map_err(png_err)
}

/// Reads a PNG as (width, height, RGBA8).
pub fn read_png(path: &Path) -> Result<(u32, u32, Vec<u8>), SceneError> {
    let err = |e: String| SceneError::Io(format!("{}: {e}", path.display()));
    let file = std::fs::File::open(path).map_err(|e| err(e.to_string()))?;
    let mut decoder = png::Decoder::new(std::io::BufReader::new(file));
    decoder.set_transformations(png::Transformations::EXPAND | png::Transformations::STRIP_16);
    let mut reader = decoder.read_info().map_err(|e| err(e.to_string()))?;
    let mut buf = vec![0; reader.output_buffer_size().unwrap_or(0)];
    let info = reader
        .next_frame(&mut buf)
        .map_err(|e| err(e.to_string()))?;
    buf.truncate(info.buffer_size());
    let rgba = match info.color_type {
        png::ColorType::Rgba => buf,
        png::ColorType::Rgb => buf
            .chunks(3)
            .flat_map(|p| [p[0], p[1], p[2], 255])
            .collect(),
        png::ColorType::GrayscaleAlpha => buf
            .chunks(2)
            .flat_map(|p| [p[0], p[0], p[0], p[1]])
            .collect(),
        png::ColorType::Grayscale => buf.iter().flat_map(|&g| [g, g, g, 255]).collect(),
        other => return Err(err(format!("unsupported PNG colour type {other:?}"))),
    };
    Ok((info.width, info.height, rgba))
}
