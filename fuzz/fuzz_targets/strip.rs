//! The metadata stripper: what it writes must be stripped already (stripping it again
//! changes nothing), and of the same type.
#![no_main]

use libfuzzer_sys::fuzz_target;
use placard_media::{sniff, strip_bytes};

fuzz_target!(|data: &[u8]| {
    if let Ok((out, _)) = strip_bytes(data) {
        assert_eq!(sniff(&out), sniff(data), "stripping changed the type");
        let (again, removed) = strip_bytes(&out).expect("its own output is readable");
        assert_eq!(again, out, "stripping its own output changed it");
        assert_eq!(removed.orientation, 1, "an orientation survived stripping");
    }
});
