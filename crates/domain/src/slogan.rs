//! Slogan entries: normalisation, and the key that makes two spellings one slogan.

use unicode_normalization::UnicodeNormalization;

/// A slogan as stored and shown: Unicode NFKC, zero-width and control characters removed,
/// whitespace collapsed to single spaces, trimmed; 3–120 characters.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Slogan {
    text: String,
    key: String,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SloganError {
    #[error("the slogan must be 3 to 120 characters once spaces are tidied (it has {0})")]
    Length(usize),
    #[error("the slogan must contain letters or digits")]
    NoLetters,
}

/// Removed from slogans: the text rule's invisibles and direction controls (a slogan is
/// shown publicly and compared for duplicates, so they are stripped rather than refused),
/// and the zero-width joiners and marks, which would let one slogan be entered twice.
fn invisible(c: char) -> bool {
    crate::text::is_stripped_invisible(c)
        || crate::text::is_direction_control(c)
        || matches!(c, '\u{200B}'..='\u{200F}')
}

impl Slogan {
    pub const MIN_CHARS: usize = 3;
    pub const MAX_CHARS: usize = 120;

    pub fn parse(raw: &str) -> Result<Self, SloganError> {
        // Invisibles out first, then NFKC: removed after, they could leave combining marks
        // out of canonical order (see `text::clean`).
        let normalised: String = raw.chars().filter(|c| !invisible(*c)).nfkc().collect();
        let mut text = String::with_capacity(normalised.len());
        for word in normalised.split(|c: char| c.is_whitespace() || c.is_control()) {
            if word.is_empty() {
                continue;
            }
            if !text.is_empty() {
                text.push(' ');
            }
            text.push_str(word);
        }
        let n = text.chars().count();
        if !(Self::MIN_CHARS..=Self::MAX_CHARS).contains(&n) {
            return Err(SloganError::Length(n));
        }
        let key = dedup_key(&text);
        if key.is_empty() {
            return Err(SloganError::NoLetters);
        }
        Ok(Self { text, key })
    }

    pub fn as_str(&self) -> &str {
        &self.text
    }

    /// Equal for slogans that differ only in case (full Unicode case folding), punctuation,
    /// spacing or compatibility forms: the database keeps it unique per contest.
    pub fn key(&self) -> &str {
        &self.key
    }
}

/// Case folded, mapped to its UTS #39 confusable skeleton (every character that looks like
/// another becomes one prototype: Cyrillic "о", Greek "ο" and Latin "o" alike), folded again
/// (prototypes may be capitals), compatibility forms unified, letters and digits only.
fn dedup_key(text: &str) -> String {
    let folded = caseless::default_case_fold_str(text);
    let skeleton: String = unicode_security::skeleton(&folded).collect();
    caseless::default_case_fold_str(&skeleton)
        .nfkc()
        .filter(|c| c.is_alphanumeric())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_parsed_slogan_parses_to_itself_even_when_invisibles_separated_its_marks() {
        let s = Slogan::parse("vv\u{315}\u{AD}\u{AD}\u{300}\u{300}\u{315}WWW").expect("slogan");
        let again = Slogan::parse(s.as_str()).expect("again");
        assert_eq!((again.as_str(), again.key()), (s.as_str(), s.key()));
    }

    #[test]
    fn spellings_of_one_slogan_share_a_key() {
        let a = Slogan::parse("Support, don't punish").expect("ok");
        let b = Slogan::parse("SUPPORT DONT PUNISH!!").expect("ok");
        let c = Slogan::parse("ＳＵＰＰＯＲＴ　ＤＯＮ'Ｔ　ＰＵＮＩＳＨ").expect("full-width");
        let d = Slogan::parse("  support\u{200B} don\u{2019}t\n\tpunish ").expect("ok");
        assert_eq!(a.key(), "supportdontpunish");
        for other in [&b, &c, &d] {
            assert_eq!(other.key(), a.key(), "{}", other.as_str());
        }
        assert_eq!(c.as_str(), "SUPPORT DON'T PUNISH");
        assert_eq!(d.as_str(), "support don\u{2019}t punish");
        assert_ne!(
            Slogan::parse("Support, do punish").expect("ok").key(),
            a.key()
        );
    }

    #[test]
    fn look_alike_letters_from_other_scripts_share_a_key() {
        let latin = Slogan::parse("Support, don't punish").expect("ok");
        // Cyrillic о (U+043E) and Greek ο (U+03BF) for the o's, Cyrillic р for the p.
        for spoof in [
            "Supp\u{043E}rt, d\u{043E}n't punish",
            "Supp\u{03BF}rt, don't punish",
            "Su\u{0440}port, don't punish",
        ] {
            let s = Slogan::parse(spoof).expect("ok");
            assert_eq!(s.key(), latin.key(), "{spoof}");
            assert_ne!(
                s.as_str(),
                latin.as_str(),
                "the slogan itself is kept as typed"
            );
        }
        assert_ne!(
            Slogan::parse("Health, not handcuffs").expect("ok").key(),
            latin.key()
        );
    }

    #[test]
    fn full_case_folding_is_used() {
        assert_eq!(
            Slogan::parse("STRASSE frei").expect("ok").key(),
            Slogan::parse("straße FREI").expect("ok").key()
        );
    }

    #[test]
    fn lengths_count_tidied_characters() {
        assert_eq!(Slogan::parse("ab"), Err(SloganError::Length(2)));
        assert_eq!(Slogan::parse("  a\u{200B}b  "), Err(SloganError::Length(2)));
        assert!(Slogan::parse("abc").is_ok());
        assert!(Slogan::parse(&"é".repeat(120)).is_ok());
        assert_eq!(
            Slogan::parse(&"x".repeat(121)),
            Err(SloganError::Length(121))
        );
        assert_eq!(Slogan::parse("!!!"), Err(SloganError::NoLetters));
        assert_eq!(
            Slogan::parse("a\0b\u{7}c").map(|s| s.as_str().to_owned()),
            Ok("a b c".into())
        );
    }
}
