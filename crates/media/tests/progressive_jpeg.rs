//! Placard decodes JPEGs with a patched jpeg-decoder (`vendor/jpeg-decoder/PLACARD.md`): its
//! progressive refinement scans keep only the coefficients the scaled inverse DCT reads and
//! visit non-zero coefficients by bit mask. `tests/data/make.sh` wrote each progressive file
//! here with jpegtran from a sequential one, rewriting only the entropy coding, so each pair
//! holds the same DCT coefficients and must decode to the same pixels at every scale: the
//! sequential path (untouched) is the reference for the progressive one.

use std::path::PathBuf;

fn data(name: &str) -> Option<Vec<u8>> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data")
        .join(name);
    std::fs::read(path).ok()
}

/// The frame type, found by walking the marker segments: 0xC0 sequential, 0xC2 progressive.
fn frame_marker(bytes: &[u8]) -> u8 {
    let mut at = 2;
    while let [0xFF, marker, high, low, ..] = bytes[at..] {
        if (0xC0..=0xC2).contains(&marker) {
            return marker;
        }
        at += 2 + usize::from(u16::from_be_bytes([high, low]));
    }
    panic!("no frame header");
}

/// Pixels (and their size) decoded at 1/`divisor` scale.
fn decode(bytes: &[u8], divisor: u16) -> Result<(u16, u16, Vec<u8>), jpeg_decoder::Error> {
    let mut decoder = jpeg_decoder::Decoder::new(bytes);
    decoder.read_info()?;
    let info = decoder.info().expect("info after read_info");
    let (width, height) =
        decoder.scale(info.width.div_ceil(divisor), info.height.div_ceil(divisor))?;
    Ok((width, height, decoder.decode()?))
}

const PHOTOS: [&str; 4] = ["ladybird", "dragonfly", "portrait", "grey"];
const PROGRESSIVE: [&str; 4] = ["progressive", "restarts", "deep", "split"];

#[test]
fn progressive_files_decode_exactly_like_their_sequential_twins_at_every_scale() {
    let mut compared = 0;
    for photo in PHOTOS {
        let sequential = data(&format!("{photo}-sequential.jpg")).expect("sequential file");
        assert_eq!(frame_marker(&sequential), 0xC0, "{photo}: not sequential");
        for divisor in [1, 2, 4, 8] {
            let expected = decode(&sequential, divisor).expect("sequential decodes");
            assert!(expected.0 > 0 && expected.1 > 0);
            for kind in PROGRESSIVE {
                let Some(progressive) = data(&format!("{photo}-{kind}.jpg")) else {
                    continue; // greyscale has no three-component scan scripts
                };
                assert_eq!(frame_marker(&progressive), 0xC2, "{photo}-{kind}");
                let got = decode(&progressive, divisor)
                    .unwrap_or_else(|e| panic!("{photo}-{kind} at 1/{divisor}: {e}"));
                assert_eq!(
                    (got.0, got.1),
                    (expected.0, expected.1),
                    "{photo}-{kind} at 1/{divisor}: size"
                );
                let differing = got
                    .2
                    .iter()
                    .zip(&expected.2)
                    .filter(|(a, b)| a != b)
                    .count();
                assert_eq!(differing, 0, "{photo}-{kind} at 1/{divisor}: pixels differ");
                compared += 1;
            }
        }
    }
    // 3 colour photos × 4 kinds + grey × 2 kinds, at 4 scales each.
    assert_eq!(compared, (3 * 4 + 2) * 4);
}

#[test]
fn a_truncated_progressive_file_is_an_error_at_every_scale() {
    for photo in PHOTOS {
        let bytes = data(&format!("{photo}-deep.jpg"))
            .or_else(|| data(&format!("{photo}-progressive.jpg")))
            .expect("progressive file");
        for cut in [bytes.len() / 3, bytes.len() * 2 / 3, bytes.len() - 3] {
            for divisor in [1, 2, 8] {
                assert!(
                    decode(&bytes[..cut], divisor).is_err(),
                    "{photo} cut at {cut} decoded at 1/{divisor}"
                );
            }
        }
    }
}
