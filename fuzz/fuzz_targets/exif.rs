//! The EXIF orientation reader: any block gives an orientation of 1–8 or none.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Some(o) = placard_media::exif_orientation(data) {
        assert!((1..=8).contains(&o), "orientation {o}");
    }
});
