//! Which address a request comes from, for the public-POST rate limit. Behind a load
//! balancer every request's TCP peer is the balancer; only when the peer is one of the
//! operator's trusted proxies (`PLACARD_TRUSTED_PROXIES`) is the client read from
//! `Forwarded` (RFC 7239) or else `X-Forwarded-For`: the right-most address that is not
//! itself a trusted proxy, since everything left of it was written by the client and can be
//! forged. From any other peer those headers are ignored.

use actix_web::http::header::HeaderMap;
use ipnet::IpNet;
use std::net::{IpAddr, Ipv6Addr};

/// The client's address: `peer`, or what trusted proxies say stands behind it.
pub fn client_address(peer: IpAddr, headers: &HeaderMap, trusted: &[IpNet]) -> IpAddr {
    let is_trusted = |ip: &IpAddr| trusted.iter().any(|net| net.contains(ip));
    if !is_trusted(&peer) {
        return peer;
    }
    let chain = forwarded_for(headers).unwrap_or_else(|| x_forwarded_for(headers));
    chain
        .iter()
        .rev()
        .find(|ip| !is_trusted(ip))
        .or(chain.first())
        .copied()
        .unwrap_or(peer)
}

/// The `for=` addresses of every `Forwarded` header, in order; `None` when there is none.
/// An element that does not parse (an obfuscated `_hidden` name, `unknown`) ends the list
/// there: nothing to its left can be placed.
fn forwarded_for(headers: &HeaderMap) -> Option<Vec<IpAddr>> {
    let mut values = headers.get_all("forwarded").peekable();
    values.peek()?;
    let mut chain = Vec::new();
    for value in values {
        let Ok(value) = value.to_str() else {
            return Some(Vec::new());
        };
        for element in value.split(',') {
            let node = element.split(';').find_map(|pair| {
                let (k, v) = pair.trim().split_once('=')?;
                k.eq_ignore_ascii_case("for").then_some(v.trim())
            });
            match node.and_then(parse_node) {
                Some(ip) => chain.push(ip),
                None => chain.clear(),
            }
        }
    }
    Some(chain)
}

fn x_forwarded_for(headers: &HeaderMap) -> Vec<IpAddr> {
    let mut chain = Vec::new();
    for value in headers.get_all("x-forwarded-for") {
        let Ok(value) = value.to_str() else {
            return Vec::new();
        };
        for part in value.split(',') {
            match parse_node(part.trim()) {
                Some(ip) => chain.push(ip),
                None => chain.clear(),
            }
        }
    }
    chain
}

/// `192.0.2.1`, `192.0.2.1:4711`, `"[2001:db8::1]:4711"`, `2001:db8::1`.
fn parse_node(node: &str) -> Option<IpAddr> {
    let node = node.trim_matches('"');
    if let Ok(ip) = node.parse() {
        return Some(ip);
    }
    if let Some(rest) = node.strip_prefix('[') {
        return rest.split(']').next()?.parse().ok();
    }
    let (host, port) = node.rsplit_once(':')?;
    port.parse::<u16>().ok()?;
    host.parse().ok()
}

/// The key a client is counted under: its IPv4 address, or its IPv6 /64 (one household or
/// phone gets a whole /64, and could otherwise rotate through it for fresh allowances).
pub fn limit_key(ip: IpAddr) -> IpAddr {
    match ip {
        IpAddr::V4(_) => ip,
        IpAddr::V6(v6) => {
            let bits = u128::from(v6) & !((1u128 << 64) - 1);
            IpAddr::V6(Ipv6Addr::from(bits))
        }
    }
}

/// What the rate limit stores for an address: an HMAC-SHA256 of it under the key every
/// API process shares (so all of them count alike), cut to 128 bits. Without the key it
/// cannot be turned back into an address, nor matched against a list of them.
pub fn counted_as(key: &[u8], ip: IpAddr) -> String {
    use hmac::Mac;
    let mut mac = hmac::Hmac::<sha2::Sha256>::new_from_slice(key).expect("HMAC takes any key");
    mac.update(b"rate-limit:");
    mac.update(ip.to_string().as_bytes());
    hex::encode(&mac.finalize().into_bytes()[..16])
}

#[cfg(test)]
mod tests {
    use super::*;
    use actix_web::http::header::{HeaderName, HeaderValue};

    fn headers(pairs: &[(&'static str, &'static str)]) -> HeaderMap {
        let mut h = HeaderMap::new();
        for (k, v) in pairs {
            h.append(HeaderName::from_static(k), HeaderValue::from_static(v));
        }
        h
    }

    fn ip(s: &str) -> IpAddr {
        s.parse().expect("ip")
    }

    #[test]
    fn headers_count_only_from_a_trusted_peer() {
        let trusted: Vec<IpNet> = vec!["10.0.0.0/8".parse().expect("net")];
        let h = headers(&[("x-forwarded-for", "203.0.113.7")]);
        assert_eq!(
            client_address(ip("198.51.100.1"), &h, &trusted),
            ip("198.51.100.1")
        );
        assert_eq!(
            client_address(ip("10.1.2.3"), &h, &trusted),
            ip("203.0.113.7")
        );
        assert_eq!(
            client_address(ip("10.1.2.3"), &h, &[]),
            ip("10.1.2.3"),
            "none trusted"
        );
    }

    #[test]
    fn the_right_most_untrusted_address_wins_so_a_forged_left_part_does_not() {
        let trusted: Vec<IpNet> = vec!["10.0.0.0/8".parse().expect("net")];
        // The client wrote "1.2.3.4"; the balancer appended what it saw, 203.0.113.7, and an
        // inner proxy 10.0.0.5.
        let h = headers(&[("x-forwarded-for", "1.2.3.4, 203.0.113.7, 10.0.0.5")]);
        assert_eq!(
            client_address(ip("10.0.0.9"), &h, &trusted),
            ip("203.0.113.7")
        );
        // Two header lines are one list, in order.
        let h = headers(&[
            ("x-forwarded-for", "1.2.3.4"),
            ("x-forwarded-for", "203.0.113.8"),
        ]);
        assert_eq!(
            client_address(ip("10.0.0.9"), &h, &trusted),
            ip("203.0.113.8")
        );
    }

    #[test]
    fn forwarded_is_read_before_x_forwarded_for_with_ports_quotes_and_v6() {
        let trusted: Vec<IpNet> = vec!["10.0.0.0/8".parse().expect("net")];
        let h = headers(&[
            (
                "forwarded",
                "for=192.0.2.60;proto=http, for=\"[2001:db8::17]:4711\"",
            ),
            ("x-forwarded-for", "198.51.100.200"),
        ]);
        assert_eq!(
            client_address(ip("10.0.0.9"), &h, &trusted),
            ip("2001:db8::17")
        );
        let h = headers(&[("forwarded", "for=192.0.2.60:8080")]);
        assert_eq!(
            client_address(ip("10.0.0.9"), &h, &trusted),
            ip("192.0.2.60")
        );
        // An obfuscated node hides everything to its left: the peer's side is what is left.
        let h = headers(&[("forwarded", "for=_hidden, for=10.0.0.4")]);
        assert_eq!(client_address(ip("10.0.0.9"), &h, &trusted), ip("10.0.0.4"));
        let h = headers(&[("x-forwarded-for", "garbage")]);
        assert_eq!(client_address(ip("10.0.0.9"), &h, &trusted), ip("10.0.0.9"));
    }

    #[test]
    fn ipv6_clients_are_counted_per_64() {
        assert_eq!(limit_key(ip("2001:db8:1:2:aaaa::1")), ip("2001:db8:1:2::"));
        assert_eq!(
            limit_key(ip("2001:db8:1:2:ffff:ffff:ffff:ffff")),
            limit_key(ip("2001:db8:1:2::5"))
        );
        assert_ne!(
            limit_key(ip("2001:db8:1:3::1")),
            limit_key(ip("2001:db8:1:2::1"))
        );
        assert_eq!(limit_key(ip("192.0.2.1")), ip("192.0.2.1"));
    }

    #[test]
    fn addresses_are_counted_under_a_keyed_hash() {
        let ip: IpAddr = "203.0.113.7".parse().expect("ip");
        let a = counted_as(b"key one", ip);
        assert_eq!(a.len(), 32);
        assert!(!a.contains("203"));
        assert_eq!(a, counted_as(b"key one", ip), "every process counts alike");
        assert_ne!(a, counted_as(b"key two", ip));
        assert_ne!(
            a,
            counted_as(b"key one", "203.0.113.8".parse().expect("ip"))
        );
    }
}
