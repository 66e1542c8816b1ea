//! WebP decoding through libwebp, which can scale while it decodes.
//!
//! Why not the pure-Rust decoder the `image` crate uses: it decodes every pixel at full size
//! into a full-size buffer (a 16.8 MP WebP: ~300 ms and 100 MiB for the whole job, 2.5× what
//! `vipsthumbnail` takes). libwebp reconstructs each macroblock row and rescales it at once
//! into the output, so a 4096² photo asked for at 1280² never exists at full size in
//! memory, and its loop filter and rescaler run on a second thread beside the entropy
//! decoding. docs/PERFORMANCE.md has the figures and the trade-off (a C library, built from
//! the sources `libwebp-sys` carries).
//!
//! This is the workspace's only unsafe code, confined to the two FFI calls below; the
//! buffers libwebp writes into are Rust vectors whose size libwebp checks against the
//! stride and height it is given (`CheckDecBuffer`).

use libwebp_sys as sys;

/// What the bitstream header says, read without decoding pixels.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Features {
    pub width: u32,
    pub height: u32,
    pub has_alpha: bool,
    /// An animated WebP: libwebp's still-image decoder refuses it (the caller decides).
    pub has_animation: bool,
}

/// Decoded pixels, 8-bit, row after row without padding.
#[derive(Debug, Clone)]
pub struct Pixels {
    pub data: Vec<u8>,
    pub width: u32,
    pub height: u32,
    /// 3 (RGB) or 4 (RGBA, not premultiplied).
    pub channels: u8,
}

/// libwebp's status, as a sentence.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{0}")]
pub struct Error(&'static str);

impl Error {
    fn of(status: sys::VP8StatusCode) -> Self {
        use sys::VP8StatusCode as S;
        Self(match status {
            S::VP8_STATUS_OUT_OF_MEMORY => "out of memory",
            S::VP8_STATUS_INVALID_PARAM => "invalid decoding parameters",
            S::VP8_STATUS_BITSTREAM_ERROR => "the WebP bitstream is corrupt",
            S::VP8_STATUS_UNSUPPORTED_FEATURE => "a WebP feature this decoder does not support",
            S::VP8_STATUS_SUSPENDED | S::VP8_STATUS_NOT_ENOUGH_DATA => "the WebP data is truncated",
            S::VP8_STATUS_USER_ABORT => "decoding was aborted",
            S::VP8_STATUS_OK => "no error",
        })
    }
}

fn config() -> Result<sys::WebPDecoderConfig, Error> {
    sys::WebPDecoderConfig::new().map_err(|()| Error("libwebp's ABI version does not match"))
}

fn read_features(bytes: &[u8], config: &mut sys::WebPDecoderConfig) -> Result<Features, Error> {
    // SAFETY: libwebp reads at most `bytes.len()` bytes from `bytes.as_ptr()`, and writes
    // only the `WebPBitstreamFeatures` it is given, which `config` owns.
    let status = unsafe { sys::WebPGetFeatures(bytes.as_ptr(), bytes.len(), &mut config.input) };
    if status != sys::VP8StatusCode::VP8_STATUS_OK {
        return Err(Error::of(status));
    }
    let side = |v: i32| u32::try_from(v).map_err(|_| Error("a negative image size"));
    Ok(Features {
        width: side(config.input.width)?,
        height: side(config.input.height)?,
        has_alpha: config.input.has_alpha != 0,
        has_animation: config.input.has_animation != 0,
    })
}

/// The header's size, alpha and animation flags.
pub fn features(bytes: &[u8]) -> Result<Features, Error> {
    read_features(bytes, &mut config()?)
}

/// Decodes a still WebP to 8-bit RGB (or RGBA when `alpha`), rescaled to `width`×`height`
/// as it is decoded (area averaging; pass the header's size for no scaling). Animated files
/// are refused (`UNSUPPORTED_FEATURE`).
pub fn decode(bytes: &[u8], width: u32, height: u32, alpha: bool) -> Result<Pixels, Error> {
    let mut config = config()?;
    let features = read_features(bytes, &mut config)?;
    let channels: u8 = if alpha { 4 } else { 3 };
    let (w, h) = (
        i32::try_from(width).map_err(|_| Error("too wide"))?,
        i32::try_from(height).map_err(|_| Error("too tall"))?,
    );
    if w == 0 || h == 0 {
        return Err(Error("an empty output size"));
    }
    let stride = w
        .checked_mul(i32::from(channels))
        .ok_or(Error("too wide"))?;
    let size = usize::try_from(stride)
        .ok()
        .and_then(|s| s.checked_mul(height as usize))
        .ok_or(Error("too large"))?;
    let mut data = vec![0u8; size];
    if (width, height) != (features.width, features.height) {
        config.options.use_scaling = 1;
        config.options.scaled_width = w;
        config.options.scaled_height = h;
    }
    // Filtering and output (the rescaler) run on a second thread beside the parsing.
    config.options.use_threads = 1;
    config.output.colorspace = if alpha {
        sys::WEBP_CSP_MODE::MODE_RGBA
    } else {
        sys::WEBP_CSP_MODE::MODE_RGB
    };
    config.output.is_external_memory = 1;
    config.output.u.RGBA = sys::WebPRGBABuffer {
        rgba: data.as_mut_ptr(),
        stride,
        size,
    };
    // SAFETY: libwebp reads at most `bytes.len()` bytes of `bytes` and writes only into
    // `data` through the external-memory buffer described above: it refuses to decode
    // unless `size` holds `height` rows of `stride` bytes, each row of `width` pixels of
    // `channels` bytes (`CheckDecBuffer`). `data` outlives the call and is not touched
    // until it returns. With external memory, libwebp allocates no output buffer, so there
    // is nothing to free afterwards (`WebPFreeDecBuffer` would do nothing).
    let status = unsafe { sys::WebPDecode(bytes.as_ptr(), bytes.len(), &mut config) };
    if status != sys::VP8StatusCode::VP8_STATUS_OK {
        return Err(Error::of(status));
    }
    Ok(Pixels {
        data,
        width,
        height,
        channels,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const WOOD: &[u8] = include_bytes!("../../../tests/fixtures/photos/wood-4096.webp");

    #[test]
    fn the_header_is_read_without_decoding() {
        let f = features(WOOD).expect("features");
        assert_eq!(
            (f.width, f.height, f.has_alpha, f.has_animation),
            (4096, 4096, false, false)
        );
    }

    #[test]
    fn a_photo_is_decoded_scaled_and_at_full_size_alike() {
        let small = decode(WOOD, 1280, 1280, false).expect("scaled");
        assert_eq!(
            (small.width, small.height, small.data.len()),
            (1280, 1280, 1280 * 1280 * 3)
        );
        let full = decode(WOOD, 4096, 4096, true).expect("full");
        assert_eq!(full.data.len(), 4096 * 4096 * 4);
        // The same picture: the mean colour of both agrees closely.
        let mean = |p: &Pixels| {
            let n = p.data.len() / usize::from(p.channels);
            (0..3)
                .map(|c| {
                    p.data
                        .chunks_exact(usize::from(p.channels))
                        .map(|px| u64::from(px[c]))
                        .sum::<u64>() as f64
                        / n as f64
                })
                .collect::<Vec<_>>()
        };
        for (a, b) in mean(&small).iter().zip(mean(&full)) {
            assert!((a - b).abs() < 1.0, "{a} vs {b}");
        }
    }

    #[test]
    fn broken_input_is_an_error_not_a_crash() {
        assert!(features(b"RIFF\0\0\0\0WEBPVP8 ").is_err());
        assert!(decode(&WOOD[..WOOD.len() / 2], 1280, 1280, false).is_err());
        assert!(decode(b"not a webp at all", 10, 10, false).is_err());
        assert!(decode(WOOD, 0, 10, false).is_err());
    }
}
