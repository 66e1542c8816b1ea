//! Stripping metadata from originals, as a property over every fixture: it never panics,
//! never grows the file, leaves no planted metadata, and the stripped file decodes to the same
//! pixels. Damaged copies (cut at many lengths, bytes flipped) are stripped or refused, never
//! a panic, never a longer file.

use placard_media::{inspect, strip_bytes, Limits, StripError};
mod common;

use common::{contains, fixtures, read, PLANTED};

fn all_fixtures() -> Vec<String> {
    let mut names = Vec::new();
    for dir in ["photos", "bad"] {
        for e in std::fs::read_dir(fixtures().join(dir)).expect("fixtures") {
            let name = e.expect("entry").file_name().to_string_lossy().into_owned();
            if !name.ends_with(".py") {
                names.push(format!("{dir}/{name}"));
            }
        }
    }
    names.sort();
    names
}

/// PNG chunks that hold text, EXIF or a time: none may be left in a stripped PNG.
const PNG_METADATA_CHUNKS: &[&[u8]] = &[b"tEXt", b"zTXt", b"iTXt", b"eXIf", b"tIME", b"prVt"];

fn pixels(bytes: &[u8]) -> image::RgbaImage {
    image::load_from_memory(bytes).expect("decodes").to_rgba8()
}

#[test]
fn every_photo_is_stripped_to_the_same_pixels_and_no_metadata() {
    let photos: Vec<String> = all_fixtures()
        .into_iter()
        .filter(|n| n.starts_with("photos/"))
        .collect();
    assert!(photos.len() >= 9, "{photos:?}");
    for name in photos {
        let original = read(&name);
        let (stripped, found) = strip_bytes(&original).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert!(stripped.len() <= original.len(), "{name} grew");
        assert_eq!(found.bytes, stripped.len() as u64, "{name}");
        for needle in PLANTED.iter().chain(PNG_METADATA_CHUNKS) {
            assert!(
                !contains(&stripped, needle),
                "{name} still holds {:?}",
                String::from_utf8_lossy(needle)
            );
        }
        // Still the same kind of file, with the same header, and the same pixels.
        let limits = Limits::default();
        let (a, b) = (
            inspect(&original, &limits).expect("original"),
            inspect(&stripped, &limits).unwrap_or_else(|e| panic!("{name} stripped: {e}")),
        );
        assert_eq!(a, b, "{name}");
        assert!(
            pixels(&original) == pixels(&stripped),
            "{name}: the pixels changed"
        );
        let expected = if name.contains("rotated8") {
            8
        } else if name.contains("rotated6") {
            6
        } else {
            1
        };
        assert_eq!(found.orientation, expected, "{name}");
        // Stripping is idempotent: nothing more to take.
        let (again, _) = strip_bytes(&stripped).expect("again");
        assert_eq!(again, stripped, "{name}: a second pass changed it");
    }
}

/// A deterministic stream of numbers (xorshift), so failures reproduce.
struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
}

fn stripped_or_refused(name: &str, bytes: &[u8]) {
    match strip_bytes(bytes) {
        Ok((out, found)) => {
            assert!(out.len() <= bytes.len(), "{name}: grew");
            assert_eq!(found.bytes, out.len() as u64, "{name}");
        }
        Err(StripError::Malformed(_)) => {}
        Err(StripError::Io(e)) => panic!("{name}: {e}"),
    }
}

#[test]
fn damaged_copies_are_stripped_or_refused_never_a_panic_or_a_longer_file() {
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    for name in all_fixtures() {
        let original = read(&name);
        // Cut at 64 lengths spread over the file, and at the first 256 and last 64 bytes.
        let n = original.len();
        let mut cuts: Vec<usize> = (0..64).map(|i| i * n / 64).collect();
        cuts.extend(0..n.min(256));
        cuts.extend(n.saturating_sub(64)..n);
        for cut in cuts {
            stripped_or_refused(&format!("{name} cut at {cut}"), &original[..cut]);
        }
        // 48 copies with a few bytes flipped in the first 4 KiB, where the structure is.
        for round in 0..48 {
            let mut copy = original.clone();
            for _ in 0..(1 + round % 4) {
                let at = (rng.next() as usize) % n.clamp(1, 4096);
                if let Some(b) = copy.get_mut(at) {
                    *b ^= (rng.next() as u8) | 1;
                }
            }
            stripped_or_refused(&format!("{name} flipped #{round}"), &copy);
        }
    }
}

#[test]
fn a_jpeg_keeps_its_colour_segments_and_loses_what_follows_its_image() {
    // A minimal structure: SOI, JFIF with a thumbnail, EXIF, ICC, Adobe, COM, then the real
    // image of a fixture, then an MPO-style second image after EOI.
    let real = read("photos/ladybird-2560x1600.jpg");
    let seg = |marker: u8, payload: &[u8]| {
        let mut v = vec![0xFF, marker];
        v.extend(((payload.len() + 2) as u16).to_be_bytes());
        v.extend(payload);
        v
    };
    let mut jfif = b"JFIF\0\x01\x02\x00\x00\x01\x00\x01\x02\x02".to_vec();
    jfif.extend([0xAB; 12]); // a 2×2 thumbnail
    let mut file = vec![0xFF, 0xD8];
    file.extend(seg(0xE0, &jfif));
    file.extend(seg(0xE1, b"Exif\0\0MM\0*\0\0\0\x08\0\0PlacardTestCam"));
    file.extend(seg(0xE2, b"ICC_PROFILE\0\x01\x01fake-profile"));
    file.extend(seg(0xED, b"Photoshop 3.0\08BIM Private Person"));
    file.extend(seg(0xEE, b"Adobe\0\x64\0\0\0\0\x01"));
    file.extend(seg(0xFE, b"home address 12 Secret St"));
    // The fixture without its own SOI.
    file.extend(&real[2..]);
    file.extend(b"\xFF\xD8\xFF\xE1\0\x10Exif\0\0Secret St\xFF\xD9");
    let (out, _) = strip_bytes(&file).expect("stripped");
    assert!(contains(&out, b"ICC_PROFILE\0"));
    assert!(contains(&out, b"Adobe"));
    assert!(contains(&out, b"JFIF\0"));
    assert!(!contains(&out, &[0xAB; 12]), "the JFIF thumbnail is cut");
    for needle in [&b"Exif\0\0"[..], b"8BIM", b"Secret St", b"PlacardTestCam"] {
        assert!(
            !contains(&out, needle),
            "{:?}",
            String::from_utf8_lossy(needle)
        );
    }
    assert!(out.ends_with(&[0xFF, 0xD9]));
}

#[test]
fn malformed_metadata_is_stripped_or_refused() {
    let real = read("photos/ladybird-2560x1600.jpg");
    let with_app1 = |payload: &[u8], declared: Option<u16>| {
        let mut v = vec![0xFF, 0xD8, 0xFF, 0xE1];
        v.extend(declared.unwrap_or((payload.len() + 2) as u16).to_be_bytes());
        v.extend(payload);
        v.extend(&real[2..]);
        v
    };
    // A TIFF whose IFD points at itself, one whose offsets run off the end, and garbage:
    // stripped, the orientation left at 1.
    let looping = b"Exif\0\0II*\0\x08\0\0\0\x01\0\x69\x87\x04\0\x01\0\0\0\x08\0\0\0\0\0\0\0";
    let off_end = b"Exif\0\0MM\0*\xff\xff\xff\xf0";
    let garbage = b"Exif\0\0\x01\x02\x03 Secret St";
    for payload in [&looping[..], &off_end[..], &garbage[..]] {
        let (out, found) = strip_bytes(&with_app1(payload, None)).expect("stripped");
        assert_eq!(found.orientation, 1);
        assert!(!contains(&out, b"Exif\0\0") && !contains(&out, b"Secret St"));
        assert!(pixels(&out) == pixels(&real));
    }
    // An APP1 that claims to run past the end of the file: refused, not guessed at.
    let cut = with_app1(b"Exif\0\0II*\0", Some(60_000));
    assert!(matches!(
        strip_bytes(&cut[..2000]),
        Err(StripError::Malformed(_))
    ));
}
