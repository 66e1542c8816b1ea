//! Metadata stripped from an original without touching its pixels.
//!
//! What a camera or phone writes beside the image — EXIF (GPS position, make, serial, time),
//! XMP (names, places), IPTC, comments, a second image after the first (MPO frames, gain
//! maps, an EXIF thumbnail of the unedited photo) — is dropped segment by segment, chunk by
//! chunk. The compressed image data is copied byte for byte, so the original is not
//! re-encoded and decodes to exactly the same pixels. What decoding needs is kept: JPEG
//! tables, frame and scan headers, the JFIF marker (without its thumbnail), an ICC profile,
//! Adobe's colour transform; PNG's critical and colour chunks; WebP's image and ICC chunks.
//!
//! Kept by allow-list, not deny-list: an unknown or private segment is dropped, so a
//! metadata format nobody here has heard of cannot slip through.
//!
//! The EXIF orientation is read before its block is dropped and returned, so that it can be
//! stored as a field and applied to every derivative.
//!
//! Hand-written rather than taken from a crate: the crates that edit metadata (img-parts,
//! little_exif, rexiv2) keep what they do not know, or re-encode, or link a C library; this is
//! three small container walks over formats that have not changed in twenty years, and the
//! tests prove it on every fixture and every truncation of them.

use crate::exif;
use crate::inspect::{sniff, Format};
use std::io::{self, BufRead, BufReader, Read, Seek, SeekFrom, Write};

/// What stripping found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Stripped {
    /// EXIF orientation (1–8) found before the EXIF block was dropped; 1 if none.
    pub orientation: u8,
    /// Bytes written.
    pub bytes: u64,
}

#[derive(Debug, thiserror::Error)]
pub enum StripError {
    /// The container is malformed where it matters (told as `invalid_image`).
    #[error("the image's structure cannot be read: {0}")]
    Malformed(&'static str),
    #[error(transparent)]
    Io(#[from] io::Error),
}

/// The most metadata an EXIF block is read for its orientation: a JPEG APP1 is at most 64 KiB;
/// PNG and WebP chunks could be larger, and nothing useful needs more.
const MAX_EXIF: usize = 64 * 1024;

/// Copies `input` to `output` without its metadata. The output is never larger than the
/// input. `output` is rewound to patch the WebP container size, hence `Seek`.
pub fn strip<R: Read, W: Write + Seek>(input: R, output: &mut W) -> Result<Stripped, StripError> {
    let mut r = BufReader::with_capacity(64 * 1024, input);
    let format = sniff(r.fill_buf()?);
    match format {
        Some(Format::Jpeg) => strip_jpeg(&mut r, output),
        Some(Format::Png) => strip_png(&mut r, output),
        Some(Format::Webp) => strip_webp(&mut r, output),
        None => Err(StripError::Malformed("not a JPEG, PNG or WebP image")),
    }
}

/// Strips an image in memory (tests, small files).
pub fn strip_bytes(bytes: &[u8]) -> Result<(Vec<u8>, Stripped), StripError> {
    let mut out = io::Cursor::new(Vec::with_capacity(bytes.len()));
    let stripped = strip(bytes, &mut out)?;
    Ok((out.into_inner(), stripped))
}

fn read_exact_or(r: &mut impl Read, buf: &mut [u8], what: &'static str) -> Result<(), StripError> {
    r.read_exact(buf).map_err(|e| match e.kind() {
        io::ErrorKind::UnexpectedEof => StripError::Malformed(what),
        _ => StripError::Io(e),
    })
}

fn copy_n(
    r: &mut impl Read,
    w: &mut impl Write,
    n: u64,
    what: &'static str,
) -> Result<u64, StripError> {
    let copied = io::copy(&mut r.take(n), w)?;
    if copied != n {
        return Err(StripError::Malformed(what));
    }
    Ok(copied)
}

fn skip_n(r: &mut impl Read, n: u64, what: &'static str) -> Result<(), StripError> {
    copy_n(r, &mut io::sink(), n, what).map(|_| ())
}

// --- JPEG ---------------------------------------------------------------------------------

/// Whether a JPEG application segment is kept: JFIF (its thumbnail is cut separately), an
/// ICC profile, Adobe's colour transform. Everything else — EXIF and XMP (APP1), MPF (APP2),
/// Photoshop/IPTC (APP13), Ducky, vendor blocks — is dropped.
fn keep_app(marker: u8, payload: &[u8]) -> bool {
    match marker {
        0xE0 => payload.starts_with(b"JFIF\0"),
        0xE2 => payload.starts_with(b"ICC_PROFILE\0"),
        0xEE => payload.starts_with(b"Adobe"),
        _ => false,
    }
}

fn strip_jpeg<R: BufRead, W: Write>(r: &mut R, w: &mut W) -> Result<Stripped, StripError> {
    let mut soi = [0u8; 2];
    read_exact_or(r, &mut soi, "no start of image")?;
    w.write_all(&soi)?;
    let mut written = 2u64;
    let mut orientation = None;
    // The marker that ended the last scan's data, already read.
    let mut pending = None;
    loop {
        let marker = match pending.take() {
            Some(m) => m,
            None => next_marker(r)?,
        };
        match marker {
            // End of the primary image: whatever follows (MPO frames, gain maps, trailers)
            // is another image or hidden data, and is not copied.
            0xD9 => {
                w.write_all(&[0xFF, 0xD9])?;
                written += 2;
                break;
            }
            // Markers without a length.
            0x01 | 0xD0..=0xD7 => {
                w.write_all(&[0xFF, marker])?;
                written += 2;
                continue;
            }
            _ => {}
        }
        let mut len = [0u8; 2];
        read_exact_or(r, &mut len, "the JPEG ends inside a segment length")?;
        let len = u16::from_be_bytes(len);
        if len < 2 {
            return Err(StripError::Malformed("a JPEG segment length is too short"));
        }
        let body = u64::from(len - 2);
        let is_app = (0xE0..=0xEF).contains(&marker);
        if is_app || marker == 0xFE {
            let mut payload = vec![0u8; usize::from(len - 2)];
            read_exact_or(r, &mut payload, "the JPEG ends inside a segment")?;
            if marker == 0xE1 && orientation.is_none() && payload.starts_with(b"Exif\0\0") {
                orientation = exif::orientation(&payload);
            }
            if !is_app || !keep_app(marker, &payload) {
                continue;
            }
            if marker == 0xE0 && payload.len() >= 14 {
                // JFIF: version, units, densities; the thumbnail (its size in bytes 12–13,
                // its pixels after) is a small copy of the unedited photo: cut.
                let mut jfif = payload[..14].to_vec();
                jfif[12] = 0;
                jfif[13] = 0;
                w.write_all(&[0xFF, 0xE0])?;
                w.write_all(&16u16.to_be_bytes())?;
                w.write_all(&jfif)?;
                written += 18;
                continue;
            }
            w.write_all(&[0xFF, marker])?;
            w.write_all(&len.to_be_bytes())?;
            w.write_all(&payload)?;
            written += 4 + body;
            continue;
        }
        w.write_all(&[0xFF, marker])?;
        w.write_all(&len.to_be_bytes())?;
        written += 4 + copy_n(r, w, body, "the JPEG ends inside a segment")?;
        if marker == 0xDA {
            let (n, next) = copy_entropy_coded(r, w)?;
            written += n;
            pending = Some(next);
        }
    }
    Ok(Stripped {
        orientation: orientation.unwrap_or(1),
        bytes: written,
    })
}

/// The code of the next marker: 0xFF, any number of 0xFF fill bytes, the code.
fn next_marker(r: &mut impl Read) -> Result<u8, StripError> {
    let mut b = [0u8; 1];
    read_exact_or(r, &mut b, "the JPEG ends before its end-of-image marker")?;
    if b[0] != 0xFF {
        return Err(StripError::Malformed("a JPEG marker was expected"));
    }
    while b[0] == 0xFF {
        read_exact_or(r, &mut b, "the JPEG ends inside a marker")?;
    }
    Ok(b[0])
}

/// Copies a scan's entropy-coded data up to the next marker, and returns that marker (its
/// 0xFF and code consumed). In the data a 0xFF is always followed by 0x00 (a stuffed byte)
/// or a restart marker, both part of the data; any other code ends it.
fn copy_entropy_coded<R: BufRead, W: Write>(r: &mut R, w: &mut W) -> Result<(u64, u8), StripError> {
    let mut written = 0u64;
    // A 0xFF seen but not yet written: what follows decides whether it is data.
    let mut after_ff = false;
    loop {
        let buf = r.fill_buf()?;
        if buf.is_empty() {
            return Err(StripError::Malformed("the JPEG ends inside its image data"));
        }
        let (mut i, mut plain_from, mut marker) = (0, 0, None);
        while i < buf.len() {
            let b = buf[i];
            i += 1;
            if after_ff {
                after_ff = false;
                match b {
                    0x00 | 0xD0..=0xD7 => {
                        w.write_all(&[0xFF, b])?;
                        written += 2;
                    }
                    0xFF => after_ff = true, // fill bytes before a marker
                    _ => {
                        marker = Some(b);
                        break;
                    }
                }
                plain_from = i;
            } else if b == 0xFF {
                w.write_all(&buf[plain_from..i - 1])?;
                written += (i - 1 - plain_from) as u64;
                after_ff = true;
                plain_from = i;
            }
        }
        if marker.is_none() {
            w.write_all(&buf[plain_from..i])?;
            written += (i - plain_from) as u64;
        }
        r.consume(i);
        if let Some(m) = marker {
            return Ok((written, m));
        }
    }
}

// --- PNG ----------------------------------------------------------------------------------

/// PNG chunks kept: the critical ones and those that change how pixels look. Text (tEXt,
/// zTXt, iTXt), eXIf, tIME, animation frames and private chunks are dropped.
const PNG_KEEP: &[&[u8; 4]] = &[
    b"IHDR", b"PLTE", b"IDAT", b"IEND", b"tRNS", b"cHRM", b"gAMA", b"iCCP", b"sBIT", b"sRGB",
    b"cICP", b"bKGD", b"pHYs",
];

fn strip_png<R: BufRead, W: Write>(r: &mut R, w: &mut W) -> Result<Stripped, StripError> {
    let mut sig = [0u8; 8];
    read_exact_or(r, &mut sig, "no PNG signature")?;
    w.write_all(&sig)?;
    let mut written = 8u64;
    let mut orientation = None;
    loop {
        let mut head = [0u8; 8];
        read_exact_or(r, &mut head, "the PNG ends before its IEND chunk")?;
        let len = u32::from_be_bytes([head[0], head[1], head[2], head[3]]);
        if len > 0x7FFF_FFFF {
            return Err(StripError::Malformed("a PNG chunk length is out of range"));
        }
        let kind: [u8; 4] = [head[4], head[5], head[6], head[7]];
        let rest = u64::from(len) + 4; // data and CRC
        if PNG_KEEP.contains(&&kind) {
            w.write_all(&head)?;
            written += 8 + copy_n(r, w, rest, "the PNG ends inside a chunk")?;
            if &kind == b"IEND" {
                break;
            }
        } else if &kind == b"eXIf" && orientation.is_none() && (len as usize) <= MAX_EXIF {
            let mut data = vec![0u8; len as usize];
            read_exact_or(r, &mut data, "the PNG ends inside a chunk")?;
            orientation = exif::orientation(&data);
            skip_n(r, 4, "the PNG ends inside a chunk")?;
        } else {
            skip_n(r, rest, "the PNG ends inside a chunk")?;
        }
    }
    Ok(Stripped {
        orientation: orientation.unwrap_or(1),
        bytes: written,
    })
}

// --- WebP ---------------------------------------------------------------------------------

/// WebP chunks kept: the image itself (lossy, lossless, alpha, animation) and its ICC
/// profile. EXIF, XMP and unknown chunks are dropped.
const WEBP_KEEP: &[&[u8; 4]] = &[
    b"VP8 ", b"VP8L", b"VP8X", b"ALPH", b"ICCP", b"ANIM", b"ANMF",
];
/// VP8X flag bits saying EXIF and XMP chunks are present: cleared with them.
const VP8X_EXIF: u8 = 0x08;
const VP8X_XMP: u8 = 0x04;

fn strip_webp<R: BufRead, W: Write + Seek>(r: &mut R, w: &mut W) -> Result<Stripped, StripError> {
    let start = w.stream_position()?;
    let mut riff = [0u8; 12];
    read_exact_or(r, &mut riff, "no RIFF header")?;
    let declared = u64::from(u32::from_le_bytes([riff[4], riff[5], riff[6], riff[7]]));
    w.write_all(&riff)?;
    let mut body = 4u64; // "WEBP"
    let mut left = declared
        .checked_sub(4)
        .ok_or(StripError::Malformed("the RIFF size is too small"))?;
    let mut orientation = None;
    while left >= 8 {
        let mut head = [0u8; 8];
        read_exact_or(r, &mut head, "the WebP ends inside a chunk header")?;
        let kind: [u8; 4] = [head[0], head[1], head[2], head[3]];
        let len = u64::from(u32::from_le_bytes([head[4], head[5], head[6], head[7]]));
        let padded = len + (len & 1);
        left = left.checked_sub(8 + padded).ok_or(StripError::Malformed(
            "a WebP chunk runs past its container",
        ))?;
        if &kind == b"VP8X" && len >= 1 {
            let mut data = vec![0u8; usize::try_from(padded).unwrap_or(usize::MAX).min(64)];
            if padded > 64 {
                return Err(StripError::Malformed("the VP8X chunk is too long"));
            }
            read_exact_or(r, &mut data, "the WebP ends inside a chunk")?;
            data[0] &= !(VP8X_EXIF | VP8X_XMP);
            w.write_all(&head)?;
            w.write_all(&data)?;
            body += 8 + padded;
        } else if WEBP_KEEP.contains(&&kind) {
            w.write_all(&head)?;
            body += 8 + copy_n(r, w, padded, "the WebP ends inside a chunk")?;
        } else if &kind == b"EXIF" && orientation.is_none() && (len as usize) <= MAX_EXIF {
            let mut data = vec![0u8; padded as usize];
            read_exact_or(r, &mut data, "the WebP ends inside a chunk")?;
            orientation = exif::orientation(&data[..len as usize]);
        } else {
            skip_n(r, padded, "the WebP ends inside a chunk")?;
        }
    }
    // Anything after the RIFF container is not part of the image: not copied.
    let size = u32::try_from(body).map_err(|_| StripError::Malformed("the WebP is too large"))?;
    let end = w.stream_position()?;
    w.seek(SeekFrom::Start(start + 4))?;
    w.write_all(&size.to_le_bytes())?;
    w.seek(SeekFrom::Start(end))?;
    Ok(Stripped {
        orientation: orientation.unwrap_or(1),
        bytes: 8 + body,
    })
}
