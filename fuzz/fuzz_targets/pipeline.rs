//! The worker's pipeline (decode, resize, orient, encode, hash) on what passed the upload
//! checks, with smaller limits than production so that each run stays short. It may refuse
//! a file; it must not panic, and what it makes is within the derivatives' bounds.
#![no_main]

use libfuzzer_sys::fuzz_target;
use placard_media::{process, Edits, Limits, LARGE_EDGE, SMALL_EDGE};

fuzz_target!(|data: &[u8]| {
    let limits = Limits {
        max_pixels: 4_000_000,
        max_side: 4_000,
        min_side: 1,
        decode_budget: std::time::Duration::from_secs(5),
    };
    if let Ok(done) = process(data, &limits, &Edits::default()) {
        assert!(done.large.width.max(done.large.height) <= LARGE_EDGE);
        assert!(done.small.width.max(done.small.height) <= SMALL_EDGE);
        assert!(done.original.is_none());
    }
});
