//! `placard verify-results URL`: checks a contest's published results against their
//! manifest, as anyone outside the campaign can. It fetches the results and the manifest
//! (the results' URL + `/manifest`), checks that the manifest's SHA-256 is the results'
//! `sha256`, recomputes the ranking from the manifest with the code the announcement used
//! (`placard_domain::results`), and succeeds only when the winner and the shortlist are
//! what the manifest implies.

use anyhow::{bail, Context};
use http_body_util::{BodyExt, Empty, Limited};
use hyper::body::Bytes;
use hyper_util::client::legacy::Client;
use hyper_util::rt::TokioExecutor;
use placard_domain::results::{sha256_hex, Manifest};
use std::time::Duration;
use uuid::Uuid;

/// The most a fetched document may weigh (a manifest of 100,000 entries and a million
/// judgements is well under it).
const MAX_BODY: usize = 256 << 20;

type HttpClient = Client<
    hyper_rustls::HttpsConnector<hyper_util::client::legacy::connect::HttpConnector>,
    Empty<Bytes>,
>;

fn http_client() -> anyhow::Result<HttpClient> {
    let https = hyper_rustls::HttpsConnectorBuilder::new()
        .with_provider_and_native_roots(rustls::crypto::aws_lc_rs::default_provider())
        .context("Failed to load the system's certificates")?
        .https_or_http()
        .enable_http1()
        .build();
    Ok(Client::builder(TokioExecutor::new()).build(https))
}

async fn fetch(client: &HttpClient, url: &str) -> anyhow::Result<Vec<u8>> {
    let uri: hyper::Uri = url.parse().with_context(|| format!("{url} is not a URL"))?;
    let req = hyper::Request::get(uri)
        .header("accept", "application/json")
        .body(Empty::<Bytes>::new())
        .context("Failed to build the request")?;
    let res = tokio::time::timeout(Duration::from_secs(60), client.request(req))
        .await
        .with_context(|| format!("{url} did not answer within 60 s"))?
        .with_context(|| format!("Failed to fetch {url}"))?;
    let status = res.status();
    if !status.is_success() {
        bail!("{url} answered {status}");
    }
    let body = Limited::new(res.into_body(), MAX_BODY)
        .collect()
        .await
        .map_err(|e| anyhow::anyhow!("Failed to read {url}: {e}"))?;
    Ok(body.to_bytes().to_vec())
}

fn id_of(v: &serde_json::Value) -> Option<Uuid> {
    v["id"].as_str().and_then(|s| s.parse().ok())
}

pub async fn run(url: &str) -> anyhow::Result<()> {
    let url = url.trim_end_matches('/');
    let client = http_client()?;
    let results: serde_json::Value =
        serde_json::from_slice(&fetch(&client, url).await?).context("The results are not JSON")?;
    if results["announced"] != true {
        bail!("these results are not announced yet: there is nothing to verify");
    }
    let manifest_bytes = fetch(&client, &format!("{url}/manifest")).await?;
    let digest = sha256_hex(&manifest_bytes);
    let published = results["sha256"].as_str().unwrap_or_default();
    if digest != published {
        bail!("the manifest's SHA-256 is {digest}, the results say {published}: the manifest is not the one the results were computed from");
    }
    let manifest: Manifest =
        serde_json::from_slice(&manifest_bytes).context("The manifest does not parse")?;
    let outcome = manifest
        .outcome()
        .context("The manifest does not hold together")?;
    let winner = results
        .get("winner")
        .filter(|w| !w.is_null())
        .map(|w| id_of(w).context("the results' winner has no valid id"))
        .transpose()?;
    if winner != outcome.winner {
        bail!(
            "the results name {} as the winner; the manifest implies {}",
            winner.map_or("none".into(), |w| w.to_string()),
            outcome.winner.map_or("none".into(), |w| w.to_string())
        );
    }
    let shortlist: Vec<(usize, Uuid)> = results["shortlist"]
        .as_array()
        .context("the results have no shortlist")?
        .iter()
        .map(|s| {
            let rank = s["rank"].as_u64().and_then(|r| usize::try_from(r).ok());
            rank.zip(id_of(s))
                .context("a shortlisted entry without a rank or id")
        })
        .collect::<anyhow::Result<_>>()?;
    if shortlist != outcome.shortlist {
        bail!(
            "the results' shortlist {shortlist:?} is not the one the manifest implies {:?}",
            outcome.shortlist
        );
    }
    if let Some(n) = results["entries"].as_u64() {
        if usize::try_from(n).ok() != Some(manifest.entries.len()) {
            bail!(
                "the results count {n} entries, the manifest holds {}",
                manifest.entries.len()
            );
        }
    }
    let judges: std::collections::BTreeSet<&str> = manifest
        .judgements
        .iter()
        .map(|j| j.judge.as_str())
        .collect();
    println!(
        "verified: the results of {} follow from their manifest (sha256 {digest}): {} entries, {} judgements by {} judges, method {}; winner {}; shortlist of {}",
        manifest.contest.slug,
        manifest.entries.len(),
        manifest.judgements.len(),
        judges.len(),
        manifest.method.name,
        outcome.winner.map_or("none".into(), |w| w.to_string()),
        outcome.shortlist.len()
    );
    Ok(())
}
