//! Bearer secrets: staff API tokens and supporters' receipt tokens.
//!
//! Only a SHA-256 of a token is ever stored. Tokens carry 256 random bits, so a plain hash
//! is enough (no password stretching needed), and looking a token up by its hash reveals
//! nothing exploitable; the final equality check is still constant-time.

use rand::RngCore;
use sha2::{Digest, Sha256};
use subtle::ConstantTimeEq;

/// A freshly generated secret, shown to its owner once and never stored.
pub struct SecretToken(String);

impl SecretToken {
    /// 32 random bytes, hex-encoded with a prefix that tells what kind of token it is
    /// (so one pasted in the wrong place is recognisable).
    pub fn generate(prefix: &str) -> Self {
        let mut bytes = [0u8; 32];
        rand::rng().fill_bytes(&mut bytes);
        Self(format!("{prefix}_{}", hex::encode(bytes)))
    }

    /// Whether `s` has the shape of a token this kind generates (`PREFIX_` + 64 hex digits),
    /// issued or not.
    pub fn is_shaped(prefix: &str, s: &str) -> bool {
        s.strip_prefix(prefix)
            .and_then(|rest| rest.strip_prefix('_'))
            .is_some_and(|hex| hex.len() == 64 && hex.bytes().all(|b| b.is_ascii_hexdigit()))
    }

    pub fn expose(&self) -> &str {
        &self.0
    }

    pub fn hash(&self) -> TokenHash {
        TokenHash::of(&self.0)
    }
}

/// Hex SHA-256 of a token, as stored in the database.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TokenHash(String);

impl TokenHash {
    pub fn of(token: &str) -> Self {
        Self(hex::encode(Sha256::digest(token.as_bytes())))
    }

    pub fn from_stored(hex: String) -> Self {
        Self(hex)
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// Constant-time comparison of a presented token against a stored hash.
    pub fn matches(&self, presented: &str) -> bool {
        let candidate = TokenHash::of(presented);
        self.0.as_bytes().ct_eq(candidate.0.as_bytes()).into()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_are_long_random_and_verify_only_themselves() {
        let a = SecretToken::generate("plc");
        let b = SecretToken::generate("plc");
        assert_ne!(a.expose(), b.expose());
        assert!(a.expose().starts_with("plc_"));
        assert_eq!(a.expose().len(), 4 + 64);
        let stored = a.hash();
        assert!(stored.matches(a.expose()));
        assert!(!stored.matches(b.expose()));
        assert!(!stored.matches(""));
        assert_ne!(stored.as_str(), a.expose(), "the hash is not the token");
        assert!(SecretToken::is_shaped("plc", a.expose()));
        assert!(!SecretToken::is_shaped("rct", a.expose()));
        assert!(!SecretToken::is_shaped("rct", "rct_not_hex"));
    }
}
