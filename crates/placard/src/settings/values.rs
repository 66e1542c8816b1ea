//! Parsing one setting's value, naming the variable when one is wrong, and noticing
//! variables Placard does not know.

use clap::error::{ContextKind, ContextValue, ErrorKind};
use placard_blob::StorageUrl;
use placard_storage::DatabaseUrl;
use std::net::SocketAddr;
use std::str::FromStr;

pub(super) fn address(raw: &str) -> Result<SocketAddr, String> {
    raw.trim()
        .parse()
        .map_err(|_| format!("`{raw}` is not an address such as 127.0.0.1:8080 or [::]:8080"))
}

/// A CIDR range, or one address (a /32 or /128).
pub(super) fn network(raw: &str) -> Result<ipnet::IpNet, String> {
    let raw = raw.trim();
    raw.parse::<ipnet::IpNet>()
        .or_else(|_| raw.parse::<std::net::IpAddr>().map(ipnet::IpNet::from))
        .map_err(|_| format!("`{raw}` is not an address or a range such as 10.0.0.0/8"))
}

pub(super) fn http_url(raw: &str) -> Result<String, String> {
    let url = raw.trim().trim_end_matches('/');
    if url.starts_with("http://") || url.starts_with("https://") {
        Ok(url.to_owned())
    } else {
        Err(format!("`{raw}` is not an http:// or https:// URL"))
    }
}

pub(super) fn origin(raw: &str) -> Result<String, String> {
    let o = raw.trim().trim_end_matches('/');
    let ok = o.split_once("://").is_some_and(|(scheme, host)| {
        matches!(scheme, "http" | "https") && !host.is_empty() && !host.contains('/')
    });
    if ok {
        Ok(o.to_owned())
    } else {
        Err(format!(
            "`{raw}` is not an origin such as https://campaign.example"
        ))
    }
}

/// A six-field cron expression (seconds first), as the scheduler takes it.
pub(super) fn cron(raw: &str) -> Result<String, String> {
    let raw = raw.trim();
    placard_worker::Schedule::check(raw)
        .map(|()| raw.to_owned())
        .map_err(|e| {
            format!("`{raw}` is not a six-field cron expression such as `0 */10 * * * *`: {e}")
        })
}

pub(super) fn database_url(raw: &str) -> Result<DatabaseUrl, String> {
    raw.trim().parse().map_err(|e| format!("{e}"))
}

pub(super) fn storage_url(raw: &str) -> Result<StorageUrl, String> {
    raw.trim().parse().map_err(|e| format!("{e}"))
}

/// Which parts of Placard a `serve` process runs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Roles {
    pub api: bool,
    pub worker: bool,
    pub scheduler: bool,
}

impl Roles {
    /// Every role, as `placard serve` runs by default.
    pub const ALL: Roles = Roles {
        api: true,
        worker: true,
        scheduler: true,
    };
}

impl FromStr for Roles {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let mut roles = Roles {
            api: false,
            worker: false,
            scheduler: false,
        };
        for part in s.split(',').map(str::trim).filter(|p| !p.is_empty()) {
            match part {
                "api" => roles.api = true,
                "worker" => roles.worker = true,
                "scheduler" => roles.scheduler = true,
                other => {
                    return Err(format!(
                        "unknown role `{other}`: expected api, worker or scheduler"
                    ))
                }
            }
        }
        if !(roles.api || roles.worker || roles.scheduler) {
            return Err("name at least one of api, worker, scheduler".into());
        }
        Ok(roles)
    }
}

/// The variable behind a flag, if it has one.
fn variable_of(command: &clap::Command, flag: &str) -> Option<String> {
    let long = flag.split_whitespace().next()?.strip_prefix("--")?;
    command
        .get_arguments()
        .find(|a| a.get_long() == Some(long))
        .and_then(|a| a.get_env())
        .map(|v| v.to_string_lossy().into_owned())
}

/// A value clap refused, as a message that starts with the variable's name (the contract:
/// "a bad value stops startup with a message naming the variable"); `None` for errors that
/// are not about a setting's value (usage, `--help`, `--version`).
pub fn configuration_error(command: &clap::Command, err: &clap::Error) -> Option<String> {
    if !matches!(
        err.kind(),
        ErrorKind::ValueValidation | ErrorKind::InvalidValue
    ) {
        return None;
    }
    let Some(ContextValue::String(flag)) = err.get(ContextKind::InvalidArg) else {
        return None;
    };
    let variable = variable_of(command, flag)?;
    let value = match err.get(ContextKind::InvalidValue) {
        Some(ContextValue::String(v)) => v.clone(),
        _ => String::new(),
    };
    // clap's own rendering ends with the parser's sentence; keep only that.
    let rendered = err.render().to_string();
    let why = rendered
        .lines()
        .next()
        .and_then(|l| l.rsplit_once("': "))
        .map_or_else(
            || rendered.lines().next().unwrap_or_default().to_owned(),
            |(_, w)| w.to_owned(),
        );
    if why.contains(&value) {
        Some(format!("{variable}: {why}"))
    } else {
        Some(format!("{variable}: `{value}` is refused: {why}"))
    }
}

/// A `PLACARD_*` variable that no setting reads.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownVariable {
    pub name: String,
    /// The known variable nearest to it, when one is near enough to be a likely typo.
    pub nearest: Option<String>,
}

/// The test harness's own variables (where its services run), never Placard's.
const TEST_PREFIX: &str = "PLACARD_TEST_";

/// The `PLACARD_*` names among `present` that no setting of `command` reads.
pub fn unknown_variables(
    command: &clap::Command,
    present: impl IntoIterator<Item = String>,
) -> Vec<UnknownVariable> {
    let known: Vec<String> = command
        .get_arguments()
        .filter_map(|a| a.get_env())
        .map(|v| v.to_string_lossy().into_owned())
        .collect();
    let mut unknown: Vec<UnknownVariable> = present
        .into_iter()
        .filter(|n| n.starts_with("PLACARD_") && !n.starts_with(TEST_PREFIX))
        .filter(|n| !known.contains(n))
        .map(|name| {
            // Near enough to be a typo: at most one edit (a transposition counts as one)
            // per three letters of the name after `PLACARD_`.
            let nearest = known
                .iter()
                .map(|k| (strsim::osa_distance(k, &name), k))
                .min()
                .filter(|(d, k)| d * 3 <= k.len().saturating_sub("PLACARD_".len()))
                .map(|(_, k)| k.clone());
            UnknownVariable { name, nearest }
        })
        .collect();
    unknown.sort_by(|a, b| a.name.cmp(&b.name));
    unknown
}
