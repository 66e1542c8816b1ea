//! Checks shared by every free-text field a person types.

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
}
