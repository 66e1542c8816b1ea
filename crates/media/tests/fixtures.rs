//! The pipeline on the real fixture photographs and broken files in tests/fixtures.

use placard_media::{inspect, process, Edits, InspectError, Limits, LARGE_EDGE, SMALL_EDGE};
mod common;

use common::{contains, fixtures, read, PLANTED};
use std::path::PathBuf;

fn photos() -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(fixtures().join("photos"))
        .expect("fixtures/photos")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

#[test]
fn every_fixture_photo_gives_bounded_metadata_free_derivatives() {
    for name in photos() {
        let bytes = read(&format!("photos/{name}"));
        let p = process(&bytes, &Limits::default(), &Edits::default())
            .unwrap_or_else(|e| panic!("{name}: {e}"));
        for (d, edge) in [(&p.large, LARGE_EDGE), (&p.small, SMALL_EDGE)] {
            assert!(
                d.width.max(d.height) <= edge,
                "{name}: {}x{} over {edge}",
                d.width,
                d.height
            );
            assert!(
                d.jpeg.starts_with(&[0xFF, 0xD8, 0xFF]),
                "{name}: not a JPEG"
            );
            let decoded = image::load_from_memory(&d.jpeg).expect("derivative decodes");
            assert_eq!(
                (decoded.width(), decoded.height()),
                (d.width, d.height),
                "{name}"
            );
            for needle in PLANTED {
                assert!(
                    !contains(&d.jpeg, needle),
                    "{name}: derivative contains {:?}",
                    String::from_utf8_lossy(needle)
                );
            }
        }
        // 4×3 components: size flag, max AC, DC (4) and 11 AC values of 2 characters.
        assert_eq!(
            p.blurhash.len(),
            1 + 1 + 4 + 2 * 11,
            "{name}: blurhash {}",
            p.blurhash
        );
    }
}

#[test]
fn the_rotated_fixture_comes_out_portrait_and_without_its_secrets() {
    let bytes = read("photos/aitzgorri-rotated8-gps.jpg");
    // The original does carry them: otherwise the test would prove nothing.
    for needle in PLANTED {
        assert!(
            bytes.windows(needle.len()).any(|w| w == *needle),
            "fixture lacks {needle:?}"
        );
    }
    let p = process(&bytes, &Limits::default(), &Edits::default()).expect("process");
    assert!(
        p.large.height > p.large.width,
        "large is {}x{}",
        p.large.width,
        p.large.height
    );
    assert!(p.small.height > p.small.width);
    // 1544×1028 stored, orientation 8: upright it is 1028 wide and 1544 tall, shrunk to 1280.
    assert_eq!((p.large.width, p.large.height), (852, 1280));
}

#[test]
fn small_images_are_never_enlarged() {
    let bytes = read("photos/aitzgorri-rotated8-gps.jpg");
    let p = process(&bytes, &Limits::default(), &Edits::default()).expect("process");
    // The small derivative (320 px) processed again: nothing grows.
    let again = process(
        &p.small.jpeg,
        &Limits {
            min_side: 1,
            ..Limits::default()
        },
        &Edits::default(),
    )
    .expect("process");
    assert_eq!(
        (again.large.width, again.large.height),
        (p.small.width, p.small.height)
    );
    assert_eq!(
        (again.small.width, again.small.height),
        (p.small.width, p.small.height)
    );
}

#[test]
fn bad_files_are_refused_before_decoding() {
    let l = Limits::default();
    type Expect = fn(&InspectError) -> bool;
    let cases: &[(&str, Expect)] = &[
        ("bad/not-an-image.jpg", |e| {
            matches!(e, InspectError::UnsupportedType)
        }),
        ("bad/photo.gif", |e| {
            matches!(e, InspectError::UnsupportedType)
        }),
        ("bad/bomb-25000.png", |e| {
            matches!(e, InspectError::TooLarge { .. })
        }),
        ("bad/claims-40000x40000.jpg", |e| {
            matches!(e, InspectError::TooLarge { .. })
        }),
        ("bad/tiny-100x80.png", |e| {
            matches!(e, InspectError::TooSmall { .. })
        }),
        ("bad/truncated-half.jpg", |e| {
            matches!(e, InspectError::Truncated)
        }),
    ];
    for (file, expected) in cases {
        let err = inspect(&read(file), &l).expect_err(file);
        assert!(expected(&err), "{file}: got {err:?}");
        let from_disk = placard_media::inspect_file(&fixtures().join(file), &l).expect_err(file);
        assert_eq!(from_disk, err, "{file}: memory and disk disagree");
    }
    for name in photos() {
        let path = fixtures().join("photos").join(&name);
        let header =
            placard_media::inspect_file(&path, &l).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert_eq!(
            Some(header),
            inspect(&read(&format!("photos/{name}")), &l).ok(),
            "{name}"
        );
    }
}

#[test]
fn near_duplicates_hash_close() {
    let bytes = read("photos/ladybird-2560x1600.jpg");
    let a = process(&bytes, &Limits::default(), &Edits::default()).expect("process");
    // Re-encoding the large derivative gives a visually identical, byte-different image.
    let b = process(
        &a.large.jpeg,
        &Limits {
            min_side: 1,
            ..Limits::default()
        },
        &Edits::default(),
    )
    .expect("process");
    assert!(placard_media::hamming_distance(a.phash, b.phash) <= 4);
    let other = process(
        &read("photos/dragonfly-4224x3168.jpg"),
        &Limits::default(),
        &Edits::default(),
    )
    .expect("process");
    assert!(placard_media::hamming_distance(a.phash, other.phash) > 10);
}

/// A real progressive JPEG whose shortest scan (49 bytes) is repeated until the file has
/// `scans` of them: what a scan bomb looks like (issue 17: 20,000 scans of ~45 bytes held a
/// worker for 205 s).
fn scan_bomb(scans: usize) -> Vec<u8> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/data/grey-progressive.jpg");
    let real = std::fs::read(path).expect("grey-progressive.jpg");
    let sos: Vec<usize> = real
        .windows(2)
        .enumerate()
        .filter(|(_, w)| *w == [0xFF, 0xDA])
        .map(|(i, _)| i)
        .collect();
    let eoi = real.len() - 2;
    let ends: Vec<usize> = sos.iter().skip(1).copied().chain([eoi]).collect();
    let (start, end) = sos
        .iter()
        .zip(&ends)
        .min_by_key(|(s, e)| *e - *s)
        .map(|(s, e)| (*s, *e))
        .expect("a scan");
    let mut bomb = real[..eoi].to_vec();
    for _ in sos.len()..scans {
        bomb.extend_from_slice(&real[start..end]);
    }
    bomb.extend_from_slice(&[0xFF, 0xD9]);
    bomb
}

#[test]
fn a_jpeg_of_thousands_of_scans_is_refused_before_decoding() {
    let limits = Limits {
        min_side: 1,
        ..Limits::default()
    };
    let bomb = scan_bomb(20_000);
    let started = std::time::Instant::now();
    let refused = inspect(&bomb, &limits).expect_err("20,000 scans");
    assert_eq!(
        refused,
        InspectError::TooManyScans {
            max: placard_media::MAX_JPEG_SCANS
        }
    );
    assert!(
        matches!(
            process(&bomb, &limits, &Edits::default()),
            Err(placard_media::ProcessError::Inspect(
                InspectError::TooManyScans { .. }
            ))
        ),
        "the worker refuses it too, before decoding"
    );
    assert!(
        started.elapsed() < std::time::Duration::from_secs(1),
        "refused in {:?}",
        started.elapsed()
    );
    // At the limit it passes the check (and is decoded as far as its scans allow).
    let at_limit = scan_bomb(placard_media::MAX_JPEG_SCANS);
    assert!(inspect(&at_limit, &limits).is_ok());
    // Real progressive photos, deep refinement scripts included, are far below it.
    assert!(inspect(&read("photos/dragonfly-4224x3168.jpg"), &Limits::default()).is_ok());
}

#[test]
fn a_16_bit_rgba_png_at_the_pixel_limit_decodes_to_8_bit_thumbnails() {
    // 7071×7071, 16 bits a sample with alpha: 400 MB of samples in 631 KB (a gradient
    // from black at the top to light at the bottom).
    let png = read("bad/png16-rgba-7071.png");
    let header = inspect(&png, &Limits::default()).expect("within the pixel limit");
    assert_eq!((header.width, header.height), (7071, 7071));
    let p = process(&png, &Limits::default(), &Edits::default()).expect("processed");
    assert_eq!((p.large.width, p.large.height), (LARGE_EDGE, LARGE_EDGE));
    let large = image::load_from_memory(&p.large.jpeg)
        .expect("a JPEG")
        .to_rgb8();
    let top = large.get_pixel(640, 4)[0];
    let bottom = large.get_pixel(640, LARGE_EDGE - 5)[0];
    assert!(
        top < 16 && bottom > 239,
        "the gradient survives: {top} .. {bottom}"
    );
}

#[test]
fn processing_stops_at_its_time_budget_inside_the_decoder() {
    // A 13-megapixel progressive JPEG, pixelated: decoded at full size, its ten scans each a
    // pass over the photo, the costliest path there is.
    let bytes = read("photos/dragonfly-4224x3168.jpg");
    let regions = [placard_media::Region {
        x: 0.1,
        y: 0.1,
        w: 0.2,
        h: 0.2,
    }];
    let edits = Edits {
        orientation: None,
        pixelate: &regions,
    };
    let started = std::time::Instant::now();
    process(&bytes, &Limits::default(), &edits).expect("within the default budget");
    let whole = started.elapsed();

    let tight = Limits {
        decode_budget: whole / 20,
        ..Limits::default()
    };
    let started = std::time::Instant::now();
    let stopped = process(&bytes, &tight, &edits).expect_err("past its budget");
    let took = started.elapsed();
    assert!(
        matches!(stopped, placard_media::ProcessError::TooSlow),
        "{stopped}"
    );
    // Stopped inside the decode, not after it: checks only between the pipeline's steps
    // would let the whole decode (most of `whole`) run first.
    assert!(
        took < whole / 4,
        "stopped after {took:?} of a {whole:?} job with a budget of {:?}",
        tight.decode_budget
    );
}
