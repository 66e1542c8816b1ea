//! Cheap checks made before anything else is spent on an upload.

use std::io::{BufReader, Cursor, Read, Seek, SeekFrom};
use std::path::Path;
use std::time::Duration;

/// How much of a file's end the completeness check reads.
const TAIL: u64 = 64 * 1024;

/// The most scans a JPEG may have. Encoders write one (baseline) or about ten (libjpeg's
/// progressive script; the deepest scripts in our tests have 14), and every scan costs the
/// decoder a pass over the image, so a file of thousands of tiny scans holds a worker for
/// minutes (20,000 scans of 8000×6000 in 1.6 MB: 205 s). Counted from the markers before
/// anything is decoded, as libjpeg-turbo's scan limit does.
pub const MAX_JPEG_SCANS: usize = 100;

/// The accepted image types, told from the bytes (never the name or declared type).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Jpeg,
    Png,
    Webp,
}

impl Format {
    pub fn mime(self) -> &'static str {
        match self {
            Format::Jpeg => "image/jpeg",
            Format::Png => "image/png",
            Format::Webp => "image/webp",
        }
    }

    fn image_format(self) -> image::ImageFormat {
        match self {
            Format::Jpeg => image::ImageFormat::Jpeg,
            Format::Png => image::ImageFormat::Png,
            Format::Webp => image::ImageFormat::WebP,
        }
    }
}

/// The type of an image from its first bytes, or `None` for anything else.
pub fn sniff(head: &[u8]) -> Option<Format> {
    if head.starts_with(&[0xFF, 0xD8, 0xFF]) {
        Some(Format::Jpeg)
    } else if head.starts_with(b"\x89PNG\r\n\x1a\n") {
        Some(Format::Png)
    } else if head.len() >= 12 && &head[..4] == b"RIFF" && &head[8..12] == b"WEBP" {
        Some(Format::Webp)
    } else {
        None
    }
}

/// Size limits for photos, and the time one may take to decode.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    pub max_pixels: u64,
    pub max_side: u32,
    pub min_side: u32,
    /// The most one photo's processing may take, decode included. Every size limit can hold
    /// and a file still cost more than it should (a JPEG's scans within their cap, each a
    /// pass over 50 megapixels; a decoder's slow path): past this the photo is `failed`
    /// with `too_slow` and the worker moves on. Checked once per row of MCUs in every JPEG
    /// scan and between the pipeline's steps.
    pub decode_budget: Duration,
}

impl Default for Limits {
    /// The contract's defaults: at most 50 megapixels and 12,000 px a side, at least 200 px
    /// on the short side.
    fn default() -> Self {
        Self {
            max_pixels: 50_000_000,
            max_side: 12_000,
            min_side: 200,
            decode_budget: Duration::from_secs(20),
        }
    }
}

/// What the header says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Header {
    pub format: Format,
    pub width: u32,
    pub height: u32,
}

#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum InspectError {
    #[error("not a JPEG, PNG or WebP image")]
    UnsupportedType,
    #[error("the image header cannot be read: {0}")]
    InvalidImage(String),
    #[error("the file ends early: it looks cut off")]
    Truncated,
    #[error(
        "the image is {width}×{height}; the limit is {max_pixels} pixels and {max_side} px a side"
    )]
    TooLarge {
        width: u32,
        height: u32,
        max_pixels: u64,
        max_side: u32,
    },
    #[error("the image is {width}×{height}; the short side must be at least {min_side} px")]
    TooSmall {
        width: u32,
        height: u32,
        min_side: u32,
    },
    #[error("the JPEG has more than {max} scans, more than any camera or editor writes")]
    TooManyScans { max: usize },
}

/// Type, header dimensions, completeness and limits of an image in memory, without decoding.
pub fn inspect(bytes: &[u8], limits: &Limits) -> Result<Header, InspectError> {
    inspect_reader(Cursor::new(bytes), limits)
}

/// The same for a file on disk: reads its first bytes, its header and its last 64 KiB only,
/// so memory stays flat whatever the upload's size.
pub fn inspect_file(path: &Path, limits: &Limits) -> Result<Header, InspectError> {
    let file = std::fs::File::open(path).map_err(|e| InspectError::InvalidImage(e.to_string()))?;
    inspect_reader(BufReader::new(file), limits)
}

fn inspect_reader<R: std::io::BufRead + Seek>(
    mut r: R,
    limits: &Limits,
) -> Result<Header, InspectError> {
    let io = |e: std::io::Error| InspectError::InvalidImage(e.to_string());
    let mut head = [0u8; 16];
    let n = read_up_to(&mut r, &mut head).map_err(io)?;
    let head = &head[..n];
    let format = sniff(head).ok_or(InspectError::UnsupportedType)?;
    let len = r.seek(SeekFrom::End(0)).map_err(io)?;
    r.seek(SeekFrom::Start(len.saturating_sub(TAIL)))
        .map_err(io)?;
    let mut tail = Vec::new();
    r.by_ref().take(TAIL).read_to_end(&mut tail).map_err(io)?;
    r.seek(SeekFrom::Start(0)).map_err(io)?;
    let (width, height) = match format {
        // `image`'s JPEG decoder reads the whole file into memory even to report its size;
        // the frame header is all that is needed.
        Format::Jpeg => jpeg_dimensions(&mut r)?,
        _ => image::ImageReader::with_format(r.by_ref(), format.image_format())
            .into_dimensions()
            .map_err(|e| InspectError::InvalidImage(e.to_string()))?,
    };
    let header = Header {
        format,
        width,
        height,
    };
    check_limits(&header, limits)?;
    if !is_complete(format, head, &tail, len) {
        return Err(InspectError::Truncated);
    }
    if format == Format::Jpeg {
        r.seek(SeekFrom::Start(0)).map_err(io)?;
        if jpeg_scans_over(&mut r, MAX_JPEG_SCANS).map_err(io)? {
            return Err(InspectError::TooManyScans {
                max: MAX_JPEG_SCANS,
            });
        }
    }
    Ok(header)
}

/// Whether a JPEG has more than `max` start-of-scan markers. In entropy-coded data a 0xFF
/// byte is always followed by 0x00 or a restart marker, so every `FF DA` pair is a real scan
/// (or one of an embedded EXIF thumbnail's, which only makes the count err high by one).
/// Reads the file once, in 64 KiB pieces, and stops at the first scan over the limit.
fn jpeg_scans_over(r: &mut impl Read, max: usize) -> std::io::Result<bool> {
    let mut buf = [0u8; 64 * 1024];
    let mut scans = 0usize;
    let mut after_ff = false;
    loop {
        let n = r.read(&mut buf)?;
        if n == 0 {
            return Ok(false);
        }
        for &b in &buf[..n] {
            if after_ff && b == 0xDA {
                scans += 1;
                if scans > max {
                    return Ok(true);
                }
            }
            after_ff = b == 0xFF;
        }
    }
}

/// Width and height from a JPEG's start-of-frame marker, reading marker segments only
/// (at most 1 MiB of them) and never the image data.
fn jpeg_dimensions(r: &mut impl Read) -> Result<(u32, u32), InspectError> {
    let bad = |why: &str| InspectError::InvalidImage(why.to_owned());
    let mut byte = [0u8; 1];
    let mut next = |r: &mut dyn Read| -> Result<u8, InspectError> {
        r.read_exact(&mut byte)
            .map_err(|_| bad("the JPEG header ends early"))?;
        Ok(byte[0])
    };
    if next(r)? != 0xFF || next(r)? != 0xD8 {
        return Err(bad("no JPEG start marker"));
    }
    let mut read = 2usize;
    loop {
        if read > 1024 * 1024 {
            return Err(bad("no frame header in the first MiB"));
        }
        let mut marker = next(r)?;
        if marker != 0xFF {
            return Err(bad("malformed JPEG marker"));
        }
        while marker == 0xFF {
            marker = next(r)?; // fill bytes
        }
        read += 2;
        if matches!(marker, 0x01 | 0xD0..=0xD7) {
            continue; // standalone markers carry no length
        }
        if marker == 0xD9 || marker == 0xDA {
            return Err(bad("image data before any frame header"));
        }
        let len = usize::from(u16::from_be_bytes([next(r)?, next(r)?]));
        if len < 2 {
            return Err(bad("malformed JPEG segment length"));
        }
        let is_frame = matches!(marker, 0xC0..=0xCF) && !matches!(marker, 0xC4 | 0xC8 | 0xCC);
        if is_frame {
            let mut sof = [0u8; 5];
            r.read_exact(&mut sof)
                .map_err(|_| bad("the frame header ends early"))?;
            let height = u32::from(u16::from_be_bytes([sof[1], sof[2]]));
            let width = u32::from(u16::from_be_bytes([sof[3], sof[4]]));
            if width == 0 || height == 0 {
                return Err(bad("the frame header gives no size"));
            }
            return Ok((width, height));
        }
        std::io::copy(&mut r.by_ref().take(len as u64 - 2), &mut std::io::sink())
            .map_err(|e| bad(&e.to_string()))?;
        read += len;
    }
}

fn read_up_to(r: &mut impl Read, buf: &mut [u8]) -> std::io::Result<usize> {
    let mut filled = 0;
    while filled < buf.len() {
        match r.read(&mut buf[filled..])? {
            0 => break,
            n => filled += n,
        }
    }
    Ok(filled)
}

fn check_limits(h: &Header, limits: &Limits) -> Result<(), InspectError> {
    if u64::from(h.width) * u64::from(h.height) > limits.max_pixels
        || h.width > limits.max_side
        || h.height > limits.max_side
    {
        return Err(InspectError::TooLarge {
            width: h.width,
            height: h.height,
            max_pixels: limits.max_pixels,
            max_side: limits.max_side,
        });
    }
    if h.width.min(h.height) < limits.min_side {
        return Err(InspectError::TooSmall {
            width: h.width,
            height: h.height,
            min_side: limits.min_side,
        });
    }
    Ok(())
}

/// Whether the container ends where its format says it must: a JPEG's end-of-image marker
/// (some cameras append a trailer, so it may sit a little before the end), a PNG's IEND
/// chunk, a WebP's RIFF length. Catches uploads cut off by a dropped connection.
fn is_complete(format: Format, head: &[u8], tail: &[u8], len: u64) -> bool {
    match format {
        Format::Jpeg => tail.windows(2).any(|w| w == [0xFF, 0xD9]),
        Format::Png => tail[tail.len().saturating_sub(64)..]
            .windows(8)
            .any(|w| w == b"IEND\xAE\x42\x60\x82"),
        Format::Webp => {
            head.len() >= 12
                && u64::from(u32::from_le_bytes([head[4], head[5], head[6], head[7]])) + 8 <= len
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sniffing_reads_bytes_not_names() {
        assert_eq!(sniff(&[0xFF, 0xD8, 0xFF, 0xE0]), Some(Format::Jpeg));
        assert_eq!(sniff(b"\x89PNG\r\n\x1a\n...."), Some(Format::Png));
        assert_eq!(sniff(b"RIFF\0\0\0\0WEBPVP8 "), Some(Format::Webp));
        assert_eq!(sniff(b"GIF89a"), None);
        assert_eq!(sniff(b"hello"), None);
        assert_eq!(sniff(b""), None);
    }

    #[test]
    fn limits_are_inclusive_at_the_edges() {
        let l = Limits::default();
        let h = |width, height| Header {
            format: Format::Jpeg,
            width,
            height,
        };
        assert!(check_limits(&h(200, 200), &l).is_ok());
        assert!(check_limits(&h(12_000, 4_000), &l).is_ok());
        assert!(matches!(
            check_limits(&h(199, 4000), &l),
            Err(InspectError::TooSmall { .. })
        ));
        assert!(matches!(
            check_limits(&h(12_001, 300), &l),
            Err(InspectError::TooLarge { .. })
        ));
        assert!(matches!(
            check_limits(&h(8000, 7000), &l),
            Err(InspectError::TooLarge { .. })
        ));
    }
}
