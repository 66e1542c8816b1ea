//! What the media tests share: the fixtures folder and the strings planted in its metadata.

use std::path::PathBuf;

pub fn fixtures() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures")
}

pub fn read(rel: &str) -> Vec<u8> {
    let path = fixtures().join(rel);
    std::fs::read(&path).unwrap_or_else(|e| panic!("fixture {}: {e}", path.display()))
}

/// What the metadata fixtures carry (camera make and model, editing software, an XMP packet
/// naming a person, a comment with an address; the GPS position sits in the EXIF block), and
/// what no stripped original or derivative may: searched for as bytes, not asked of a
/// decoder.
pub const PLANTED: &[&[u8]] = &[
    b"PlacardTestCam",
    b"Model 7",
    b"SecretEditor",
    b"Private Person",
    b"Secret St",
    b"x:xmpmeta",
    b"http://ns.adobe.com/xap",
    b"Exif\0\0",
];

pub fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle)
}
