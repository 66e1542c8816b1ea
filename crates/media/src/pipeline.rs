//! Decode once, derive both thumbnails, hash.

use crate::inspect::{inspect, Format, InspectError, Limits};
use crate::{exif, hash};
use fast_image_resize::images::{Image as FirImage, ImageRef};
use fast_image_resize::{FilterType, PixelType, ResizeAlg, ResizeOptions, Resizer};
use image::metadata::Orientation;
use image::{DynamicImage, ImageDecoder, RgbImage};
use std::io::Cursor;
use std::time::Instant;

/// Long edge of the `large` derivative: what a moderator reviews and the gallery opens.
pub const LARGE_EDGE: u32 = 1280;
/// Long edge of the `small` derivative: queue and gallery grids.
pub const SMALL_EDGE: u32 = 320;

const LARGE_QUALITY: u8 = 82;
const SMALL_QUALITY: u8 = 80;

/// A JPEG derivative: pixels only, no metadata segment of any kind.
#[derive(Debug, Clone)]
pub struct Derivative {
    pub jpeg: Vec<u8>,
    pub width: u32,
    pub height: u32,
}

/// A rectangle of the upright photo, in fractions (0–1) of its width and height.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Region {
    pub x: f64,
    pub y: f64,
    pub w: f64,
    pub h: f64,
}

/// Pixelation cells are squares of at least this fraction of the photo's long side: at
/// 1/40, a face filling a fifth of the photo is eight cells wide, too few to recognise.
pub const PIXEL_CELLS_PER_LONG_SIDE: u32 = 40;

/// JPEG quality of an original rewritten with pixelated regions.
const ORIGINAL_QUALITY: u8 = 90;

/// What the worker knows about the photo beyond its bytes.
#[derive(Debug, Clone, Copy, Default)]
pub struct Edits<'a> {
    /// The EXIF orientation recorded when the original's metadata was stripped; `None` for
    /// an original stored before stripping existed, whose own EXIF is then read.
    pub orientation: Option<u8>,
    /// Regions to pixelate, chosen by the supporter.
    pub pixelate: &'a [Region],
}

#[derive(Debug, Clone)]
pub struct Processed {
    /// With regions to pixelate: the original again, upright and pixelated, full size, to
    /// replace the stored one. `None` when the original stays as it is.
    pub original: Option<Derivative>,
    pub large: Derivative,
    pub small: Derivative,
    /// A blurhash of the small derivative (4×3 components) for gallery placeholders.
    pub blurhash: String,
    /// 64-bit perceptual hash of the small derivative. (Exact duplicates are known from the
    /// SHA-256 the API takes while the upload streams in: not computed again here.)
    pub phash: u64,
}

#[derive(Debug, thiserror::Error)]
pub enum ProcessError {
    #[error(transparent)]
    Inspect(#[from] InspectError),
    /// The header read but the pixels do not: told to the supporter as a failure reason.
    #[error("the image data cannot be decoded: {0}")]
    Decode(String),
    #[error("encoding a thumbnail failed: {0}")]
    Encode(String),
    /// Processing took longer than `Limits::decode_budget`.
    #[error("processing took longer than its time budget")]
    TooSlow,
}

/// When processing must have ended: checked between the pipeline's steps, and by the JPEG
/// decoder once per row of MCUs of every scan.
#[derive(Debug, Clone, Copy)]
struct Deadline(Instant);

impl Deadline {
    fn of(limits: &Limits) -> Self {
        // A budget too large to add (`Duration::MAX`) means none.
        Self(
            Instant::now()
                .checked_add(limits.decode_budget)
                .unwrap_or_else(|| Instant::now() + std::time::Duration::from_secs(86_400 * 365)),
        )
    }

    fn check(self) -> Result<(), ProcessError> {
        if Instant::now() >= self.0 {
            Err(ProcessError::TooSlow)
        } else {
            Ok(())
        }
    }
}

/// Pixels decoded as 8-bit RGB, not yet oriented.
struct Decoded {
    rgb: Vec<u8>,
    width: u32,
    height: u32,
    orientation: Orientation,
}

/// Runs the whole pipeline on an original's bytes.
pub fn process(bytes: &[u8], limits: &Limits, edits: &Edits) -> Result<Processed, ProcessError> {
    let deadline = Deadline::of(limits);
    let header = inspect(bytes, limits)?;
    let full_size = !edits.pixelate.is_empty();
    let edge = (!full_size).then_some(LARGE_EDGE);
    let decoded = decode(bytes, header.format, limits, edge, deadline)?;
    deadline.check()?;
    let orientation = match edits.orientation {
        Some(o) => Orientation::from_exif(o).unwrap_or(Orientation::NoTransforms),
        None => decoded.orientation,
    };
    let (original, large, lw, lh) = if full_size {
        // Pixelating needs the whole photo upright, at full size: the regions are where
        // the supporter drew them, and the original is rewritten from these pixels.
        let (mut rgb, w, h) = orient(decoded.rgb, decoded.width, decoded.height, orientation)?;
        pixelate(&mut rgb, w, h, edits.pixelate);
        deadline.check()?;
        let original = encode(&rgb, w, h, ORIGINAL_QUALITY)?;
        deadline.check()?;
        let (large, lw, lh) = fit(rgb, w, h, LARGE_EDGE)?;
        (Some(original), large, lw, lh)
    } else {
        // Resize first, rotate after: rotating a 1280-px image costs ~1 % of rotating the
        // original.
        let (large, lw, lh) = fit(decoded.rgb, decoded.width, decoded.height, LARGE_EDGE)?;
        let (large, lw, lh) = orient(large, lw, lh, orientation)?;
        (None, large, lw, lh)
    };
    deadline.check()?;
    let (small, sw, sh) = fit(large.clone(), lw, lh, SMALL_EDGE)?;
    let blurhash = blurhash_of(&small, sw, sh)?;
    let phash = hash::perceptual_hash(&small, sw, sh);
    Ok(Processed {
        original,
        large: encode(&large, lw, lh, LARGE_QUALITY)?,
        small: encode(&small, sw, sh, SMALL_QUALITY)?,
        blurhash,
        phash,
    })
}

/// An image's pixels as 8-bit RGB as stored, with no orientation applied: for images
/// Placard stored upright itself (a campaign's logo, for the mosaic).
pub fn decode_rgb(bytes: &[u8], limits: &Limits) -> Result<(Vec<u8>, u32, u32), ProcessError> {
    let deadline = Deadline::of(limits);
    let header = inspect(bytes, limits)?;
    let d = decode(bytes, header.format, limits, None, deadline)?;
    deadline.check()?;
    Ok((d.rgb, d.width, d.height))
}

/// Replaces each region of an RGB image by square cells of one colour each (the mean of the
/// cell), cells of `long side / 40` px at least, aligned to the region's corner.
pub fn pixelate(rgb: &mut [u8], width: u32, height: u32, regions: &[Region]) {
    let cell = width.max(height).div_ceil(PIXEL_CELLS_PER_LONG_SIDE).max(1) as usize;
    let (w, h) = (width as usize, height as usize);
    let to_px = |f: f64, side: usize, round_up: bool| {
        let v = (f.clamp(0.0, 1.0) * side as f64).clamp(0.0, side as f64);
        (if round_up { v.ceil() } else { v.floor() }) as usize
    };
    for r in regions {
        let (x0, x1) = (to_px(r.x, w, false), to_px(r.x + r.w, w, true));
        let (y0, y1) = (to_px(r.y, h, false), to_px(r.y + r.h, h, true));
        for cy in (y0..y1).step_by(cell) {
            let cy1 = (cy + cell).min(y1);
            for cx in (x0..x1).step_by(cell) {
                let cx1 = (cx + cell).min(x1);
                let mut sum = [0u64; 3];
                for y in cy..cy1 {
                    for px in rgb[(y * w + cx) * 3..(y * w + cx1) * 3].chunks_exact(3) {
                        for c in 0..3 {
                            sum[c] += u64::from(px[c]);
                        }
                    }
                }
                let n = ((cy1 - cy) * (cx1 - cx)).max(1) as u64;
                let mean = sum.map(|s| ((s + n / 2) / n) as u8);
                for y in cy..cy1 {
                    for px in rgb[(y * w + cx) * 3..(y * w + cx1) * 3].chunks_exact_mut(3) {
                        px.copy_from_slice(&mean);
                    }
                }
            }
        }
    }
}

/// Decodes by format, each by its fastest route: JPEG and WebP scaled while they decode to
/// the smallest size that still covers a long edge of `edge` (`None`: full size), PNG at
/// full size (its format cannot be decoded smaller). What a fast route does not take (a CMYK
/// JPEG, an animated WebP) goes through the `image` crate.
fn decode(
    bytes: &[u8],
    format: Format,
    limits: &Limits,
    edge: Option<u32>,
    deadline: Deadline,
) -> Result<Decoded, ProcessError> {
    let fast = match format {
        Format::Jpeg => decode_jpeg(bytes, limits, edge, deadline)?,
        Format::Webp => decode_webp(bytes, edge)?,
        Format::Png => Some(decode_png(bytes, limits)?),
    };
    match fast {
        Some(d) => Ok(d),
        None => decode_generic(bytes, format, limits),
    }
}

/// The target size for a `width`×`height` image whose long edge must be at most `edge`.
fn fitted(width: u32, height: u32, edge: u32) -> (u32, u32) {
    let long = width.max(height);
    if long <= edge {
        return (width, height);
    }
    let scale = |side: u32| {
        ((u64::from(side) * u64::from(edge) + u64::from(long) / 2) / u64::from(long)).max(1) as u32
    };
    if width >= height {
        (edge, scale(height))
    } else {
        (scale(width), edge)
    }
}

/// JPEG decoded with `jpeg-decoder` (our copy, which stops at the deadline), at the smallest
/// DCT scale (1, 1/2, 1/4, 1/8) that still covers a long edge of `edge` (the large
/// derivative; `None` for full size): the decoder skips most of the work of a full-size
/// decode. `None` for the JPEGs it does not handle (CMYK, 16-bit), which take the general
/// path.
fn decode_jpeg(
    bytes: &[u8],
    limits: &Limits,
    edge: Option<u32>,
    deadline: Deadline,
) -> Result<Option<Decoded>, ProcessError> {
    let decode_err = |e: jpeg_decoder::Error| match e {
        jpeg_decoder::Error::Internal(inner) if inner.is::<jpeg_decoder::DeadlinePassed>() => {
            ProcessError::TooSlow
        }
        e => ProcessError::Decode(e.to_string()),
    };
    let mut decoder = jpeg_decoder::Decoder::new(Cursor::new(bytes));
    decoder.set_deadline(deadline.0);
    decoder.set_max_decoding_buffer_size(
        usize::try_from(limits.max_pixels.saturating_mul(4)).unwrap_or(usize::MAX),
    );
    decoder.read_info().map_err(decode_err)?;
    let info = decoder
        .info()
        .ok_or_else(|| ProcessError::Decode("no frame header".into()))?;
    match info.pixel_format {
        jpeg_decoder::PixelFormat::RGB24 | jpeg_decoder::PixelFormat::L8 => {}
        _ => return Ok(None),
    }

    let (width, height) = match edge {
        Some(edge) => {
            let (want_w, want_h) = fitted(u32::from(info.width), u32::from(info.height), edge);
            decoder
                .scale(
                    u16::try_from(want_w).unwrap_or(u16::MAX),
                    u16::try_from(want_h).unwrap_or(u16::MAX),
                )
                .map_err(decode_err)?
        }
        None => (info.width, info.height),
    };
    let pixels = decoder.decode().map_err(decode_err)?;
    let orientation = decoder
        .exif_data()
        .and_then(exif::orientation)
        .and_then(Orientation::from_exif)
        .unwrap_or(Orientation::NoTransforms);
    let rgb = match info.pixel_format {
        jpeg_decoder::PixelFormat::L8 => pixels.iter().flat_map(|&g| [g, g, g]).collect(),
        _ => pixels,
    };
    let (width, height) = (u32::from(width), u32::from(height));
    if rgb.len() != width as usize * height as usize * 3 {
        return Err(ProcessError::Decode(
            "decoded size does not match the header".into(),
        ));
    }
    Ok(Some(Decoded {
        rgb,
        width,
        height,
        orientation,
    }))
}

/// A still WebP through libwebp (`placard-webp`), rescaled to the large derivative's size as
/// it decodes (area averaging, as `vipsthumbnail` does with the same library), so the photo
/// never exists at full size: a 16.8 MP WebP's whole job takes a fifth of the time and of
/// the memory it took through the `image` crate's full-size decode (docs/PERFORMANCE.md).
/// Its time is bound by the header's size (checked by `inspect`), not by tricks in the
/// bitstream, so unlike the JPEG decoder it needs no deadline inside. `None` for an animated WebP, which takes
/// the general path (its first frame).
fn decode_webp(bytes: &[u8], edge: Option<u32>) -> Result<Option<Decoded>, ProcessError> {
    let decode_err = |e: placard_webp::Error| ProcessError::Decode(e.to_string());
    let features = placard_webp::features(bytes).map_err(decode_err)?;
    if features.has_animation {
        return Ok(None);
    }
    let (width, height) = match edge {
        Some(edge) => fitted(features.width, features.height, edge),
        None => (features.width, features.height),
    };
    let pixels =
        placard_webp::decode(bytes, width, height, features.has_alpha).map_err(decode_err)?;
    let mut rgb = pixels.data;
    if pixels.channels == 4 {
        to_rgb_in_place(&mut rgb, 4);
    }
    // The EXIF chunk, through the `image` crate's container parser (no pixels decoded).
    let orientation = image::codecs::webp::WebPDecoder::new(Cursor::new(bytes))
        .ok()
        .and_then(|mut d| d.orientation().ok())
        .unwrap_or(Orientation::NoTransforms);
    Ok(Some(Decoded {
        rgb,
        width,
        height,
        orientation,
    }))
}

/// A PNG through the `png` crate, asked for 8-bit samples: a 16-bit or palette image is
/// reduced while it is decoded, so the one full-size buffer holds at most 4 bytes a pixel
/// (the `image` crate's route held 8 bytes a pixel for 16-bit RGBA, then converted to
/// 8-bit, then to RGB: a 403 KB 16-bit 7071×7071 PNG took the worker from 71 to ~790 MB).
/// Alpha is flattened onto white in place, so no second buffer is made.
fn decode_png(bytes: &[u8], limits: &Limits) -> Result<Decoded, ProcessError> {
    let decode_err = |e: png::DecodingError| ProcessError::Decode(e.to_string());
    let mut decoder = png::Decoder::new(Cursor::new(bytes));
    decoder.set_transformations(png::Transformations::normalize_to_color8());
    // The header was checked already (inspect); this bounds what the decoder itself may
    // allocate for ancillary chunks and its buffer.
    decoder.set_limits(png::Limits {
        bytes: usize::try_from(limits.max_pixels.saturating_mul(4).saturating_add(16 << 20))
            .unwrap_or(usize::MAX),
    });
    let mut reader = decoder.read_info().map_err(decode_err)?;
    let (width, height) = reader.info().size();
    let orientation = reader
        .info()
        .exif_metadata
        .as_deref()
        .and_then(exif::orientation)
        .and_then(Orientation::from_exif)
        .unwrap_or(Orientation::NoTransforms);
    let size = reader
        .output_buffer_size()
        .ok_or_else(|| ProcessError::Decode("the image is too large to decode".into()))?;
    let mut buf = vec![0u8; size];
    let frame = reader.next_frame(&mut buf).map_err(decode_err)?;
    buf.truncate(frame.buffer_size());
    let channels = match frame.color_type {
        png::ColorType::Grayscale => 1,
        png::ColorType::GrayscaleAlpha => 2,
        png::ColorType::Rgb => 3,
        png::ColorType::Rgba => 4,
        png::ColorType::Indexed => {
            return Err(ProcessError::Decode("a palette left unexpanded".into()))
        }
    };
    let pixels = width as usize * height as usize;
    if frame.bit_depth != png::BitDepth::Eight || buf.len() != pixels * channels {
        return Err(ProcessError::Decode(
            "decoded size does not match the header".into(),
        ));
    }
    to_rgb_in_place(&mut buf, channels);
    Ok(Decoded {
        rgb: buf,
        width,
        height,
        orientation,
    })
}

/// Turns 8-bit grey, grey + alpha, RGB or RGBA samples into RGB in the same buffer (alpha
/// flattened onto white). RGBA shrinks, so it is rewritten front to back (each pixel lands at
/// or before where it was read); grey grows, so back to front after the buffer is extended
/// (each pixel lands at or after where it was read). Nothing unread is overwritten.
fn to_rgb_in_place(buf: &mut Vec<u8>, channels: usize) {
    let over_white = |c: u8, a: u8| {
        let (c, a) = (u16::from(c), u16::from(a));
        ((c * a + 255 * (255 - a) + 127) / 255) as u8
    };
    let pixels = buf.len() / channels;
    match channels {
        4 => {
            for i in 0..pixels {
                let px = [buf[4 * i], buf[4 * i + 1], buf[4 * i + 2], buf[4 * i + 3]];
                let rgb = [
                    over_white(px[0], px[3]),
                    over_white(px[1], px[3]),
                    over_white(px[2], px[3]),
                ];
                buf[3 * i..3 * i + 3].copy_from_slice(&rgb);
            }
            buf.truncate(pixels * 3);
        }
        1 | 2 => {
            buf.resize(pixels * 3, 0);
            for i in (0..pixels).rev() {
                let g = if channels == 2 {
                    over_white(buf[2 * i], buf[2 * i + 1])
                } else {
                    buf[i]
                };
                buf[3 * i..3 * i + 3].copy_from_slice(&[g, g, g]);
            }
        }
        _ => {}
    }
}

#[cfg(test)]
mod in_place_tests {
    use super::to_rgb_in_place;

    #[test]
    fn samples_become_rgb_in_place_whatever_the_channels() {
        let mut grey = vec![0, 128, 255];
        to_rgb_in_place(&mut grey, 1);
        assert_eq!(grey, [0, 0, 0, 128, 128, 128, 255, 255, 255]);
        // Grey + alpha: opaque black, transparent (white), half-transparent black.
        let mut grey_alpha = vec![0, 255, 0, 0, 0, 128];
        to_rgb_in_place(&mut grey_alpha, 2);
        assert_eq!(grey_alpha, [0, 0, 0, 255, 255, 255, 127, 127, 127]);
        let mut rgba = vec![10, 20, 30, 255, 10, 20, 30, 0, 200, 0, 0, 255];
        to_rgb_in_place(&mut rgba, 4);
        assert_eq!(rgba, [10, 20, 30, 255, 255, 255, 200, 0, 0]);
        let mut rgb = vec![1, 2, 3];
        to_rgb_in_place(&mut rgb, 3);
        assert_eq!(rgb, [1, 2, 3]);
    }
}

/// An animated WebP (its first frame) and a JPEG the fast path does not take, through the `image` crate, with its allocation limits set; alpha is
/// flattened onto white (JPEG has none), 16-bit and grey become 8-bit RGB.
fn decode_generic(bytes: &[u8], format: Format, limits: &Limits) -> Result<Decoded, ProcessError> {
    let decode_err = |e: image::ImageError| ProcessError::Decode(e.to_string());
    let image_format = match format {
        Format::Jpeg => image::ImageFormat::Jpeg,
        Format::Png => image::ImageFormat::Png,
        Format::Webp => image::ImageFormat::WebP,
    };
    let mut reader = image::ImageReader::with_format(Cursor::new(bytes), image_format);
    let mut image_limits = image::Limits::default();
    image_limits.max_image_width = Some(limits.max_side);
    image_limits.max_image_height = Some(limits.max_side);
    image_limits.max_alloc = Some(limits.max_pixels.saturating_mul(8));
    reader.limits(image_limits);
    let mut decoder = reader.into_decoder().map_err(decode_err)?;
    let orientation = decoder.orientation().unwrap_or(Orientation::NoTransforms);
    let image = DynamicImage::from_decoder(decoder).map_err(decode_err)?;
    let (width, height) = (image.width(), image.height());
    let rgb = if image.color().has_alpha() {
        // One flattening onto white for every format (the PNG path's, in place).
        let mut rgba = image.into_rgba8().into_raw();
        to_rgb_in_place(&mut rgba, 4);
        rgba
    } else {
        image.into_rgb8().into_raw()
    };
    Ok(Decoded {
        rgb,
        width,
        height,
        orientation,
    })
}

/// Shrinks to a long edge of at most `edge` with a Lanczos3 filter (SIMD); never enlarges.
fn fit(
    rgb: Vec<u8>,
    width: u32,
    height: u32,
    edge: u32,
) -> Result<(Vec<u8>, u32, u32), ProcessError> {
    let (w, h) = fitted(width, height, edge);
    if (w, h) == (width, height) {
        return Ok((rgb, width, height));
    }
    let resize_err =
        |e: &dyn std::fmt::Display| ProcessError::Decode(format!("resizing failed: {e}"));
    let src = ImageRef::new(width, height, &rgb, PixelType::U8x3).map_err(|e| resize_err(&e))?;
    let mut dst = FirImage::new(w, h, PixelType::U8x3);
    Resizer::new()
        .resize(
            &src,
            &mut dst,
            &ResizeOptions::new().resize_alg(ResizeAlg::Convolution(FilterType::Lanczos3)),
        )
        .map_err(|e| resize_err(&e))?;
    Ok((dst.into_vec(), w, h))
}

fn orient(
    rgb: Vec<u8>,
    width: u32,
    height: u32,
    orientation: Orientation,
) -> Result<(Vec<u8>, u32, u32), ProcessError> {
    if orientation == Orientation::NoTransforms {
        return Ok((rgb, width, height));
    }
    let buffer = RgbImage::from_raw(width, height, rgb)
        .ok_or_else(|| ProcessError::Decode("pixel buffer does not match its size".into()))?;
    let mut image = DynamicImage::ImageRgb8(buffer);
    image.apply_orientation(orientation);
    let (w, h) = (image.width(), image.height());
    Ok((image.into_rgb8().into_raw(), w, h))
}

fn encode(rgb: &[u8], width: u32, height: u32, quality: u8) -> Result<Derivative, ProcessError> {
    let mut jpeg = Vec::with_capacity(rgb.len() / 8);
    let w = u16::try_from(width).map_err(|_| ProcessError::Encode("too wide".into()))?;
    let h = u16::try_from(height).map_err(|_| ProcessError::Encode("too tall".into()))?;
    jpeg_encoder::Encoder::new(&mut jpeg, quality)
        .encode(rgb, w, h, jpeg_encoder::ColorType::Rgb)
        .map_err(|e| ProcessError::Encode(e.to_string()))?;
    Ok(Derivative {
        jpeg,
        width,
        height,
    })
}

fn blurhash_of(rgb: &[u8], width: u32, height: u32) -> Result<String, ProcessError> {
    let rgba: Vec<u8> = rgb
        .chunks_exact(3)
        .flat_map(|p| [p[0], p[1], p[2], 255])
        .collect();
    blurhash::encode(4, 3, width, height, &rgba)
        .map_err(|e| ProcessError::Encode(format!("blurhash: {e}")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pixelation_flattens_the_region_into_cells_and_leaves_the_rest() {
        // A 400×200 noise-like image: every pixel differs from its neighbour.
        let (w, h) = (400u32, 200u32);
        let mut rgb: Vec<u8> = (0..w * h * 3).map(|i| (i * 37 % 251) as u8).collect();
        let before = rgb.clone();
        let region = Region {
            x: 0.25,
            y: 0.25,
            w: 0.5,
            h: 0.5,
        };
        pixelate(&mut rgb, w, h, &[region]);
        let at = |buf: &[u8], x: u32, y: u32| buf[((y * w + x) * 3) as usize];
        // Cells are 10 px (400 / 40): inside one cell every pixel is the same.
        for (x, y) in [(100, 50), (105, 55), (109, 59)] {
            assert_eq!(at(&rgb, x, y), at(&rgb, 100, 50));
        }
        assert_ne!(at(&rgb, 100, 50), at(&rgb, 110, 50), "next cell");
        // Outside, untouched.
        for (x, y) in [(0, 0), (99, 50), (300, 150), (399, 199)] {
            assert_eq!(at(&rgb, x, y), at(&before, x, y));
        }
    }

    /// The libwebp route (scaled while decoding, area averaging) against the route it
    /// replaced (the `image` crate at full size, then Lanczos3): the same sizes, the same
    /// picture to within a few levels, a perceptual hash a bit or two apart, so near
    /// duplicates are found as before.
    #[test]
    fn webp_through_libwebp_looks_as_it_did_through_the_image_crate() {
        let bytes = include_bytes!("../../../tests/fixtures/photos/wood-4096.webp");
        let limits = Limits::default();
        let new = process(bytes, &limits, &Edits::default()).expect("processed");
        let old = decode_generic(bytes, Format::Webp, &limits).expect("decoded");
        let (large, w, h) = fit(old.rgb, old.width, old.height, LARGE_EDGE).expect("large");
        let (small, sw, sh) = fit(large, w, h, SMALL_EDGE).expect("small");
        assert_eq!((new.large.width, new.large.height), (w, h));
        assert_eq!((new.small.width, new.small.height), (sw, sh));
        let distance = hash::hamming_distance(new.phash, hash::perceptual_hash(&small, sw, sh));
        assert!(distance <= 2, "perceptual hashes {distance} bits apart");
        let decoded = image::load_from_memory(&new.small.jpeg)
            .expect("jpeg")
            .into_rgb8();
        let diff: u64 = decoded
            .as_raw()
            .iter()
            .zip(&small)
            .map(|(a, b)| u64::from(a.abs_diff(*b)))
            .sum();
        let mean = diff as f64 / small.len() as f64;
        assert!(mean < 4.0, "mean difference {mean} levels");
    }

    /// A WebP with transparency (a sticker, a screenshot) is flattened onto white, as PNGs are.
    #[test]
    fn a_transparent_webp_is_flattened_onto_white() {
        // 320 px: the smallest side `inspect` accepts is 200.
        let (w, h) = (320u32, 320u32);
        let rgba: Vec<u8> = (0..w * h)
            .flat_map(|i| {
                if i < w * h / 2 {
                    [0, 0, 0, 0]
                } else {
                    [200, 10, 10, 255]
                }
            })
            .collect();
        let mut webp = Vec::new();
        image::codecs::webp::WebPEncoder::new_lossless(&mut webp)
            .encode(&rgba, w, h, image::ExtendedColorType::Rgba8)
            .expect("encoded");
        let p = process(&webp, &Limits::default(), &Edits::default()).expect("processed");
        let small = image::load_from_memory(&p.small.jpeg)
            .expect("jpeg")
            .into_rgb8();
        let (sw, sh) = small.dimensions();
        let top = small.get_pixel(sw / 2, sh / 8).0;
        let bottom = small.get_pixel(sw / 2, sh * 7 / 8).0;
        assert!(top.iter().all(|&c| c > 245), "top {top:?}");
        assert!(bottom[0] > 180 && bottom[1] < 40, "bottom {bottom:?}");
    }

    #[test]
    fn fitting_keeps_aspect_and_never_enlarges() {
        assert_eq!(fitted(6000, 4000, 1280), (1280, 853));
        assert_eq!(fitted(3088, 2056, 320), (320, 213));
        assert_eq!(fitted(2056, 3088, 1280), (852, 1280));
        assert_eq!(fitted(800, 600, 1280), (800, 600));
        assert_eq!(fitted(10_000, 200, 320), (320, 6));
        assert_eq!(fitted(100_000, 1, 320), (320, 1));
    }
}
