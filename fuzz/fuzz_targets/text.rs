//! Text hygiene and slogan normalisation: what they accept holds no control or direction
//! characters, is not blank, and is a fixed point (cleaning it again changes nothing; a
//! slogan parsed again has the same text and duplicate key).
#![no_main]

use libfuzzer_sys::fuzz_target;
use placard_domain::slogan::Slogan;
use placard_domain::text;

fuzz_target!(|data: &[u8]| {
    let Ok(raw) = std::str::from_utf8(data) else {
        return;
    };
    for newlines in [false, true] {
        if let Ok(Some(clean)) = text::clean(raw, newlines) {
            assert!(!clean.trim().is_empty());
            assert!(!clean.chars().any(text::is_direction_control), "{clean:?}");
            assert!(!text::has_control_chars(&clean, newlines), "{clean:?}");
            assert_eq!(text::clean(&clean, newlines), Ok(Some(clean.clone())));
        }
    }
    if let Ok(slogan) = Slogan::parse(raw) {
        let n = slogan.as_str().chars().count();
        assert!((Slogan::MIN_CHARS..=Slogan::MAX_CHARS).contains(&n));
        assert!(!slogan.key().is_empty());
        let again = Slogan::parse(slogan.as_str()).expect("a parsed slogan parses");
        assert_eq!(again.as_str(), slogan.as_str());
        assert_eq!(again.key(), slogan.key());
    }
});
