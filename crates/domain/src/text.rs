//! The one rule for every free-text field a person types: names, captions, titles,
//! descriptions, notes (slogans add their own normalisation on top, in `slogan`).
//!
//! - Text is put in Unicode NFC, so one spelling is stored one way.
//! - Direction controls (bidi embeddings, overrides and isolates, U+202A–U+202E and
//!   U+2066–U+2069) are **refused**: they reorder what is shown around them (U+202E makes
//!   `gpj.exe` read `exe.jpg`), and no name or caption needs them. The marks U+200E/U+200F
//!   (LRM/RLM) are kept: phones insert them in Arabic and Hebrew text, and they reorder
//!   nothing but neutral characters next to them.
//! - Invisible characters that serve no script (zero-width space, word joiners, BOM, soft
//!   hyphen, the Hangul fillers that pass for blank names) are **stripped**. Zero-width
//!   (non-)joiners are kept: Persian, Indic scripts and emoji sequences need them.
//! - Control characters (C0/C1) are refused; line breaks only where the field allows them.
//! - A text with nothing visible left (only spaces, marks and invisibles) is empty: a
//!   required name of U+200B is missing, not given.

use unicode_normalization::UnicodeNormalization;

/// Characters that change the direction text is laid out in.
pub fn is_direction_control(c: char) -> bool {
    matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// Invisible characters no script needs: removed wherever people type text.
pub fn is_stripped_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{200B}' | '\u{2060}'
            ..='\u{2064}'
                | '\u{FEFF}'
                | '\u{00AD}'
                | '\u{180E}'
                | '\u{115F}'
                | '\u{1160}'
                | '\u{3164}'
                | '\u{FFA0}'
    )
}

/// Whether a character shows something on its own.
fn is_visible(c: char) -> bool {
    !(c.is_whitespace()
        || c.is_control()
        || is_direction_control(c)
        || is_stripped_invisible(c)
        || matches!(c, '\u{200C}'..='\u{200F}'))
}

/// True when `s` holds a character that has no business in a name, title or caption:
/// NUL and other C0/C1 control characters (line breaks are allowed only where the caller
/// says so).
pub fn has_control_chars(s: &str, allow_newlines: bool) -> bool {
    s.chars().any(|c| {
        if allow_newlines && (c == '\n' || c == '\r' || c == '\t') {
            return false;
        }
        c.is_control()
    })
}

/// Why a text was refused, as the end of "`field`: …".
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum TextError {
    #[error("contains control characters")]
    Control,
    #[error("contains characters that change the direction of text")]
    Direction,
}

/// `raw` cleaned by the rules above: `Ok(None)` when nothing visible is left.
pub fn clean(raw: &str, allow_newlines: bool) -> Result<Option<String>, TextError> {
    // Stripped before normalising, not after: an invisible between two combining marks
    // keeps NFC from reordering them, and removed afterwards it would leave text that is
    // not NFC (found by the `text` fuzz target).
    let text: String = raw
        .chars()
        .filter(|c| !is_stripped_invisible(*c))
        .nfc()
        .collect();
    if text.chars().any(is_direction_control) {
        return Err(TextError::Direction);
    }
    if has_control_chars(&text, allow_newlines) {
        return Err(TextError::Control);
    }
    let text = text.trim();
    if !text.chars().any(is_visible) {
        return Ok(None);
    }
    Ok(Some(text.to_owned()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn control_characters_are_found() {
        assert!(has_control_chars("a\0b", true));
        assert!(has_control_chars("a\u{7}b", true));
        assert!(has_control_chars("a\nb", false));
        assert!(!has_control_chars("a\nb", true));
        assert!(!has_control_chars("Zoë — ok", false));
    }

    #[test]
    fn direction_overrides_are_refused_and_marks_kept() {
        assert_eq!(
            clean("Ana\u{202E}gpj.exe", false),
            Err(TextError::Direction)
        );
        assert_eq!(clean("\u{2067}x\u{2069}", false), Err(TextError::Direction));
        let arabic = "\u{200F}سارة";
        assert_eq!(clean(arabic, false), Ok(Some(arabic.to_owned())));
    }

    #[test]
    fn invisible_only_text_is_empty_and_invisibles_are_stripped() {
        for blank in [
            "\u{200B}",
            " \u{200B}\u{FEFF} ",
            "\u{3164}",
            "\u{200E}",
            "\u{00AD}",
        ] {
            assert_eq!(clean(blank, false), Ok(None), "{blank:?}");
        }
        assert_eq!(clean("An\u{200B}a", false), Ok(Some("Ana".into())));
        // Persian needs its zero-width non-joiner; emoji sequences their joiner.
        let persian = "می\u{200C}خواهم";
        assert_eq!(clean(persian, false), Ok(Some(persian.to_owned())));
        let family = "👩\u{200D}👧";
        assert_eq!(clean(family, false), Ok(Some(family.to_owned())));
    }

    /// The `text` fuzz target's first find: soft hyphens between combining marks of
    /// different classes. Stripped after NFC, they left marks out of canonical order.
    #[test]
    fn cleaned_text_is_nfc_even_when_invisibles_separated_its_marks() {
        let raw = "vv\u{315}\u{AD}\u{AD}\u{300}\u{300}\u{315}W";
        let once = clean(raw, false).expect("clean").expect("visible");
        assert_eq!(clean(&once, false), Ok(Some(once.clone())));
        assert!(unicode_normalization::is_nfc(&once), "{once:?}");
    }

    #[test]
    fn text_is_stored_in_nfc() {
        assert_eq!(clean("Jose\u{301}", false), Ok(Some("José".into())));
        assert_eq!(clean("a\nb", false), Err(TextError::Control));
        assert_eq!(clean(" a\nb ", true), Ok(Some("a\nb".into())));
    }
}
