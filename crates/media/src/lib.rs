//! Placard's photo pipeline, CPU only (no network, no database): everything between the
//! bytes a supporter sent and the thumbnails moderators and the gallery see.
//!
//! - [`inspect`] is the upload-time check: type from the magic bytes, dimensions from the
//!   header, completeness from the container's end marker, the limits — all without decoding
//!   a pixel, so a hostile file costs microseconds.
//! - [`strip`] runs at upload, after `inspect`: the original's metadata is dropped without
//!   re-encoding it, and its EXIF orientation kept as a field.
//! - [`process`] is the worker's job: decode once (JPEGs at a DCT-reduced scale no smaller
//!   than the large derivative needs), resize with a SIMD Lanczos filter, apply the EXIF
//!   orientation to the already small image, derive `small` from `large`, encode both as JPEG
//!   from pixels alone (so no metadata can survive), and compute the hashes.
#![forbid(unsafe_code)]

mod exif;
mod hash;
mod inspect;
mod pipeline;
mod strip;

pub use hash::{hamming_distance, perceptual_hash};
pub use inspect::{
    inspect, inspect_file, sniff, Format, Header, InspectError, Limits, MAX_JPEG_SCANS,
};
pub mod mosaic;
/// The EXIF orientation (1–8) an EXIF block records, if it records one: read at upload.
pub use exif::orientation as exif_orientation;
pub use pipeline::{
    decode_rgb, pixelate, process, Derivative, Edits, ProcessError, Processed, Region, LARGE_EDGE,
    PIXEL_CELLS_PER_LONG_SIDE, SMALL_EDGE,
};
pub use strip::{strip, strip_bytes, StripError, Stripped};
