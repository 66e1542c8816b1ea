//! A campaign's settings beyond its texts and window, as operators edit them: the languages
//! its pages speak, its texts per language, the sites that may frame it, its webhooks.
//! Each is parsed here once, with an error that names the field; the stored form is the
//! parsed one (JSON), so whatever reads it back can trust it.

use crate::campaign::{field_error, optional_text, FieldError};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::net::IpAddr;

/// The languages Placard's pages speak (BCP 47 primary tags). `ar` is written right to left.
pub const LANGUAGES: [&str; 6] = ["en", "es", "fr", "pt", "ru", "ar"];

/// A language Placard's pages speak.
pub fn language(field: &'static str, raw: &str) -> Result<String, FieldError> {
    let tag = raw.trim().to_ascii_lowercase();
    if LANGUAGES.contains(&tag.as_str()) {
        Ok(tag)
    } else {
        Err(field_error(
            field,
            format!("unknown language {raw:?}: one of {}", LANGUAGES.join(", ")),
        ))
    }
}

/// The languages a campaign's pages may use: at least one, no repeats, each known. `None`
/// (not given) means all of them.
pub fn languages(raw: &[String]) -> Result<Vec<String>, FieldError> {
    if raw.is_empty() {
        return Err(field_error("languages", "at least one language"));
    }
    let mut out: Vec<String> = Vec::with_capacity(raw.len());
    for l in raw {
        let l = language("languages", l)?;
        if out.contains(&l) {
            return Err(field_error("languages", format!("{l} is listed twice")));
        }
        out.push(l);
    }
    Ok(out)
}

/// A campaign's texts in one language; each absent one falls back to the campaign's own.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TranslatedTexts {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub consent_text: Option<String>,
}

/// Texts per language, keyed by a known language; each text cleaned by the one text rule and
/// bounded as the campaign's own.
pub fn translations(
    raw: BTreeMap<String, TranslatedTexts>,
) -> Result<BTreeMap<String, TranslatedTexts>, FieldError> {
    let mut out = BTreeMap::new();
    for (lang, t) in raw {
        let lang = language("translations", &lang)?;
        let texts = TranslatedTexts {
            title: optional_text("translations.title", t.title.as_deref(), 120, false)?,
            description: optional_text(
                "translations.description",
                t.description.as_deref(),
                4000,
                true,
            )?,
            consent_text: optional_text(
                "translations.consent_text",
                t.consent_text.as_deref(),
                2000,
                true,
            )?,
        };
        if texts != TranslatedTexts::default() {
            out.insert(lang, texts);
        }
    }
    Ok(out)
}

/// At most this many origins may frame a campaign, and this many webhooks be registered.
pub const MAX_ORIGINS: usize = 20;
pub const MAX_WEBHOOKS: usize = 10;

/// A host name or IP address as it may appear in an origin: DNS labels of letters, digits
/// and inner hyphens (lower-cased), an IPv4 address, or an IPv6 address in brackets.
fn host(raw: &str) -> Option<String> {
    if let Some(v6) = raw.strip_prefix('[').and_then(|r| r.strip_suffix(']')) {
        return v6
            .parse::<std::net::Ipv6Addr>()
            .ok()
            .map(|a| format!("[{a}]"));
    }
    let h = raw.to_ascii_lowercase();
    let label_ok = |l: &str| {
        (1..=63).contains(&l.len())
            && l.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')
            && !l.starts_with('-')
            && !l.ends_with('-')
    };
    (h.len() <= 253 && h.split('.').all(label_ok)).then_some(h)
}

/// `host[:port]` → the normalised authority.
fn authority(raw: &str) -> Option<String> {
    let (h, port) = match raw.rsplit_once(':') {
        Some((h, p))
            if !h.is_empty() && !p.contains(']') && (!h.contains(':') || h.ends_with(']')) =>
        {
            (h, Some(p))
        }
        _ => (raw, None),
    };
    let h = host(h)?;
    match port {
        None => Some(h),
        Some(p) => {
            let n: u16 = p.parse().ok().filter(|n| *n > 0)?;
            if !p.bytes().all(|b| b.is_ascii_digit()) {
                return None;
            }
            Some(if n == 443 { h } else { format!("{h}:{n}") })
        }
    }
}

/// An origin that may frame a campaign's pages: `https://host[:port]` (or `http://` for
/// `localhost`, `127.0.0.1` and `[::1]`), nothing else (no path, query, credentials or
/// wildcard), normalised (lower case, no default port).
pub fn frame_origin(raw: &str) -> Result<String, FieldError> {
    let bad = || {
        field_error(
            "frame_ancestors",
            format!("{raw:?} is not an origin of the form https://host[:port]"),
        )
    };
    let raw = raw.trim();
    if let Some(rest) = raw.strip_prefix("http://") {
        // Plain http only for this machine (a campaign site under development): loopback
        // is a secure context for browsers, and nothing else is.
        let a = authority(rest.trim_end_matches('/')).ok_or_else(bad)?;
        let host =
            a.rsplit_once(':').map_or(
                a.as_str(),
                |(h, p)| if p.contains(']') { a.as_str() } else { h },
            );
        return if ["localhost", "127.0.0.1", "[::1]"].contains(&host) {
            Ok(format!("http://{a}"))
        } else {
            Err(bad())
        };
    }
    let rest = raw
        .strip_prefix("https://")
        .ok_or_else(bad)?
        .trim_end_matches('/');
    let a = authority(rest).ok_or_else(bad)?;
    Ok(format!("https://{a}"))
}

pub fn frame_ancestors(raw: &[String]) -> Result<Vec<String>, FieldError> {
    if raw.len() > MAX_ORIGINS {
        return Err(field_error(
            "frame_ancestors",
            format!("at most {MAX_ORIGINS} origins"),
        ));
    }
    let mut out: Vec<String> = Vec::with_capacity(raw.len());
    for o in raw {
        let o = frame_origin(o)?;
        if !out.contains(&o) {
            out.push(o);
        }
    }
    Ok(out)
}

pub use crate::webhook::EVENTS as WEBHOOK_EVENTS;

/// A webhook as stored: where, the secret that signs each delivery, which events.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Webhook {
    pub url: String,
    pub secret: String,
    pub events: Vec<String>,
}

impl Webhook {
    /// Checks one webhook: an absolute `http(s)` URL without credentials or fragment, a
    /// secret of 16–256 visible ASCII characters, and at least one known event. Whether its
    /// host is a private address is decided where names are resolved (the HTTP layer).
    pub fn parse(raw: Webhook) -> Result<Webhook, FieldError> {
        let bad = |why: &str| field_error("webhooks", format!("{:?}: {why}", raw.url));
        let url = raw.url.trim();
        let rest = url
            .strip_prefix("https://")
            .or_else(|| url.strip_prefix("http://"))
            .ok_or_else(|| bad("not an http or https URL"))?;
        let (auth, path) = rest.split_at(rest.find('/').unwrap_or(rest.len()));
        if auth.contains('@') {
            return Err(bad("credentials do not belong in the URL; use the secret"));
        }
        authority(auth).ok_or_else(|| bad("the host is not valid"))?;
        if url.len() > 2000 || path.contains('#') || !path.bytes().all(|b| b.is_ascii_graphic()) {
            return Err(bad("the path is not valid"));
        }
        let secret = raw.secret.trim();
        if !(16..=256).contains(&secret.len()) || !secret.bytes().all(|b| b.is_ascii_graphic()) {
            return Err(field_error(
                "webhooks",
                "each secret is 16 to 256 visible ASCII characters",
            ));
        }
        if raw.events.is_empty() {
            return Err(field_error(
                "webhooks",
                "each webhook needs at least one event",
            ));
        }
        let mut events: Vec<String> = Vec::new();
        for e in &raw.events {
            if !WEBHOOK_EVENTS.contains(&e.as_str()) {
                return Err(field_error(
                    "webhooks",
                    format!("unknown event {e:?}: one of {}", WEBHOOK_EVENTS.join(", ")),
                ));
            }
            if !events.contains(e) {
                events.push(e.clone());
            }
        }
        Ok(Webhook {
            url: url.to_owned(),
            secret: secret.to_owned(),
            events,
        })
    }

    /// The host part of the URL (brackets kept off an IPv6 address), for resolving it.
    pub fn host(&self) -> &str {
        let rest = self
            .url
            .split_once("://")
            .map(|(_, r)| r)
            .unwrap_or(&self.url);
        let auth = &rest[..rest.find('/').unwrap_or(rest.len())];
        if let Some(v6) = auth.strip_prefix('[') {
            return &v6[..v6.find(']').unwrap_or(v6.len())];
        }
        auth.split(':').next().unwrap_or(auth)
    }

    /// The port the URL names, or its scheme's.
    pub fn port(&self) -> u16 {
        let https = self.url.starts_with("https://");
        let rest = self.url.split_once("://").map(|(_, r)| r).unwrap_or("");
        let auth = &rest[..rest.find('/').unwrap_or(rest.len())];
        auth.rsplit_once(':')
            .filter(|(_, p)| !p.contains(']'))
            .and_then(|(_, p)| p.parse().ok())
            .unwrap_or(if https { 443 } else { 80 })
    }
}

pub fn webhooks(raw: Vec<Webhook>) -> Result<Vec<Webhook>, FieldError> {
    if raw.len() > MAX_WEBHOOKS {
        return Err(field_error(
            "webhooks",
            format!("at most {MAX_WEBHOOKS} webhooks"),
        ));
    }
    raw.into_iter().map(Webhook::parse).collect()
}

/// Whether an address is one a webhook must not reach unless private receivers are allowed:
/// loopback, private, link-local, unique-local, unspecified, broadcast, CGNAT or
/// documentation ranges (and IPv4 written inside IPv6).
pub fn is_private(ip: IpAddr) -> bool {
    match ip {
        IpAddr::V4(a) => {
            let o = a.octets();
            a.is_loopback()
                || a.is_private()
                || a.is_link_local()
                || a.is_unspecified()
                || a.is_broadcast()
                || a.is_documentation()
                || o[0] == 0
                || (o[0] == 100 && (64..128).contains(&o[1]))
        }
        IpAddr::V6(a) => {
            if let Some(v4) = a.to_ipv4_mapped() {
                return is_private(IpAddr::V4(v4));
            }
            let s = a.segments();
            a.is_loopback()
                || a.is_unspecified()
                || (s[0] & 0xfe00) == 0xfc00
                || (s[0] & 0xffc0) == 0xfe80
                || (s[0] == 0x2001 && s[1] == 0x0db8)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn origins_are_https_host_and_port_only() {
        assert_eq!(
            frame_origin("https://Example.org").as_deref(),
            Ok("https://example.org")
        );
        assert_eq!(
            frame_origin("https://example.org:8443/").as_deref(),
            Ok("https://example.org:8443")
        );
        assert_eq!(
            frame_origin("https://example.org:443").as_deref(),
            Ok("https://example.org")
        );
        assert_eq!(
            frame_origin("https://[::1]:9000").as_deref(),
            Ok("https://[::1]:9000")
        );
        assert_eq!(
            frame_origin("http://localhost:8081").as_deref(),
            Ok("http://localhost:8081")
        );
        for bad in [
            "http://example.org",
            "http://localhost.evil.example",
            "example.org",
            "https://",
            "https://*.example.org",
            "https://example.org/path",
            "https://user@example.org",
            "https://example.org:0",
            "https://example.org:99999",
            "https://exa mple.org",
            "https://-x.org",
            "https://example.org?x",
            "https://example.org; script-src *",
            "'self'",
        ] {
            assert!(frame_origin(bad).is_err(), "{bad}");
        }
        assert_eq!(
            frame_ancestors(&["https://a.org".into(), "https://A.org/".into()]),
            Ok(vec!["https://a.org".to_owned()])
        );
    }

    #[test]
    fn languages_are_known_and_listed_once() {
        assert_eq!(
            languages(&["EN".into(), "ar".into()]),
            Ok(vec!["en".to_owned(), "ar".to_owned()])
        );
        assert!(languages(&[]).is_err());
        assert!(languages(&["en".into(), "en".into()]).is_err());
        assert!(languages(&["de".into()]).is_err());
    }

    fn hook(url: &str, secret: &str, events: &[&str]) -> Webhook {
        Webhook {
            url: url.into(),
            secret: secret.into(),
            events: events.iter().map(|e| e.to_string()).collect(),
        }
    }

    #[test]
    fn webhooks_are_checked() {
        let s = "0123456789abcdef";
        let ok = Webhook::parse(hook(
            "https://hooks.example.org:8443/placard?x=1",
            s,
            &["photo.approved"],
        ))
        .expect("valid");
        assert_eq!(ok.host(), "hooks.example.org");
        assert_eq!(ok.port(), 8443);
        assert_eq!(
            Webhook::parse(hook("http://[::1]/h", s, &["photo.rejected"]))
                .map(|h| h.host().to_owned()),
            Ok("::1".to_owned())
        );
        for bad in [
            hook("ftp://example.org/", s, &["photo.approved"]),
            hook("https://u:p@example.org/", s, &["photo.approved"]),
            hook("https://example.org/", "short", &["photo.approved"]),
            hook("https://example.org/", s, &[]),
            hook("https://example.org/", s, &["photo.deleted"]),
            hook("https://example.org/a b", s, &["photo.approved"]),
        ] {
            assert!(Webhook::parse(bad.clone()).is_err(), "{bad:?}");
        }
    }

    #[test]
    fn private_addresses() {
        for p in [
            "127.0.0.1",
            "10.1.2.3",
            "192.168.0.1",
            "172.16.0.1",
            "169.254.169.254",
            "100.64.0.1",
            "0.0.0.0",
            "::1",
            "fd00::1",
            "fe80::1",
            "::ffff:127.0.0.1",
        ] {
            assert!(is_private(p.parse().expect("ip")), "{p}");
        }
        for p in ["93.184.216.34", "2606:4700::1111", "1.1.1.1"] {
            assert!(!is_private(p.parse().expect("ip")), "{p}");
        }
    }

    #[test]
    fn translations_are_cleaned_and_keyed_by_known_languages() {
        let mut raw = BTreeMap::new();
        raw.insert(
            "ES".to_owned(),
            TranslatedTexts {
                title: Some("  Apoyo  ".into()),
                ..Default::default()
            },
        );
        raw.insert("fr".to_owned(), TranslatedTexts::default());
        let out = translations(raw).expect("valid");
        assert_eq!(out.len(), 1, "empty translations are dropped");
        assert_eq!(out["es"].title.as_deref(), Some("Apoyo"));
        let mut raw = BTreeMap::new();
        raw.insert("xx".to_owned(), TranslatedTexts::default());
        assert!(translations(raw).is_err());
    }
}
