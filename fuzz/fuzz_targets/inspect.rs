//! The upload inspector: type from the magic bytes, dimensions from the header, the limits.
//! Whatever it accepts must be within them.
#![no_main]

use libfuzzer_sys::fuzz_target;
use placard_media::{inspect, sniff, Limits};

fuzz_target!(|data: &[u8]| {
    let sniffed = sniff(data);
    let limits = Limits::default();
    if let Ok(header) = inspect(data, &limits) {
        assert_eq!(
            Some(header.format),
            sniffed,
            "accepted a type the sniffer did not see"
        );
        assert!(u64::from(header.width) * u64::from(header.height) <= limits.max_pixels);
        assert!(header.width.max(header.height) <= limits.max_side);
        assert!(header.width.min(header.height) >= limits.min_side);
    }
});
