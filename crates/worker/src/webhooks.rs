//! The `webhook.deliver` job: posts one event to one campaign webhook, signed with the
//! webhook's current secret. A non-2xx answer, a timeout or a refused connection is a
//! transient failure (retried with backoff, then a dead job an admin can retry); the job's
//! lane keeps a slow receiver from holding up other work (`Worker::run`).
//!
//! The receiver's name is resolved here, at delivery, and the address checked again: a name
//! that resolved to a public address when the webhook was saved may point at the loopback
//! or the private network now (DNS rebinding), and the connection goes to the very address
//! that was checked. Redirects are never followed: a 3xx is an answer that is not 2xx.

use crate::runner::{JobError, JobHandler};
use http_body_util::Full;
use hyper::body::Bytes;
use hyper_util::client::legacy::connect::dns::Name;
use hyper_util::client::legacy::connect::HttpConnector;
use hyper_util::client::legacy::Client;
use hyper_util::rt::TokioExecutor;
use placard_domain::settings::is_private;
use placard_domain::webhook::signature;
use placard_domain::DeliverWebhook;
use placard_storage::{Clock, Store, StoreError};
use std::future::Future;
use std::net::{IpAddr, SocketAddr};
use std::pin::Pin;
use std::task::{Context, Poll};
use std::time::Duration;

/// Time to connect, and for the whole exchange. A receiver should answer at once and do its
/// work afterwards; one that does not is retried later.
const CONNECT_TIMEOUT: Duration = Duration::from_secs(5);
const ANSWER_TIMEOUT: Duration = Duration::from_secs(15);

type HttpsClient = Client<hyper_rustls::HttpsConnector<HttpConnector<Guarded>>, Full<Bytes>>;

pub struct WebhookSender {
    store: Store,
    clock: Clock,
    allow_private: bool,
    client: HttpsClient,
}

impl WebhookSender {
    /// `allow_private`: `PLACARD_WEBHOOK_ALLOW_PRIVATE`, for on-premises receivers.
    pub fn new(store: Store, clock: Clock, allow_private: bool) -> anyhow::Result<Self> {
        let mut http = HttpConnector::new_with_resolver(Guarded { allow_private });
        http.enforce_http(false);
        http.set_connect_timeout(Some(CONNECT_TIMEOUT));
        let https = hyper_rustls::HttpsConnectorBuilder::new()
            .with_provider_and_native_roots(rustls::crypto::aws_lc_rs::default_provider())
            .map_err(|e| anyhow::anyhow!("the system's certificates: {e}"))?
            .https_or_http()
            .enable_http1()
            .wrap_connector(http);
        // No pooled connections: deliveries are rare, and a kept connection would skip the
        // address check of the next one.
        let client = Client::builder(TokioExecutor::new())
            .pool_max_idle_per_host(0)
            .build(https);
        Ok(Self {
            store,
            clock,
            allow_private,
            client,
        })
    }
}

#[async_trait::async_trait]
impl JobHandler<DeliverWebhook> for WebhookSender {
    async fn run(&self, job: DeliverWebhook) -> Result<(), JobError> {
        let campaign = match self.store.campaign_by_id(job.campaign_id).await {
            Ok(c) => c,
            Err(StoreError::NotFound) => return Ok(()),
            Err(e) => return Err(JobError::Transient(e.to_string())),
        };
        // Removed or unsubscribed since the event: nobody to tell.
        let Some(hook) = campaign
            .webhooks()
            .into_iter()
            .find(|h| h.url == job.url && h.events.contains(&job.event))
        else {
            tracing::info!(campaign.id = %job.campaign_id, "webhook gone since the event; not sent");
            return Ok(());
        };
        // A literal address is not resolved, so it is checked here.
        if let Ok(ip) = hook.host().parse::<IpAddr>() {
            if !self.allow_private && is_private(ip) {
                return Err(JobError::Permanent(format!(
                    "{} is a loopback or private address",
                    hook.host()
                )));
            }
        }
        let uri: hyper::Uri = hook
            .url
            .parse()
            .map_err(|e| JobError::Permanent(format!("the webhook URL: {e}")))?;
        let t = self.clock.now().timestamp();
        let request = hyper::Request::post(uri)
            .header("content-type", "application/json")
            .header("user-agent", concat!("Placard/", env!("CARGO_PKG_VERSION")))
            .header("placard-event", &job.event)
            .header("placard-signature", signature(&hook.secret, t, &job.body))
            .body(Full::new(Bytes::from(job.body)))
            .map_err(|e| JobError::Permanent(format!("the request: {e}")))?;
        let answer = tokio::time::timeout(ANSWER_TIMEOUT, self.client.request(request))
            .await
            .map_err(|_| {
                JobError::Transient(format!("no answer within {} s", ANSWER_TIMEOUT.as_secs()))
            })?
            .map_err(|e| JobError::Transient(format!("not delivered: {}", describe(&e))))?;
        let status = answer.status();
        // The body is not read: a receiver's answer is its status.
        drop(answer);
        if status.is_success() {
            tracing::info!(campaign.id = %job.campaign_id, http.status = status.as_u16(), "webhook delivered");
            Ok(())
        } else {
            Err(JobError::Transient(format!(
                "the receiver answered {status}"
            )))
        }
    }
}

/// The innermost cause of a client error (hyper's outer one says only "client error").
fn describe(e: &(dyn std::error::Error + 'static)) -> String {
    let mut last = e.to_string();
    let mut cause = e.source();
    while let Some(c) = cause {
        last = c.to_string();
        cause = c.source();
    }
    last
}

/// The system resolver, keeping only the addresses a webhook may reach.
#[derive(Clone)]
struct Guarded {
    allow_private: bool,
}

impl tower_service::Service<Name> for Guarded {
    type Response = std::vec::IntoIter<SocketAddr>;
    type Error = std::io::Error;
    type Future = Pin<Box<dyn Future<Output = Result<Self::Response, Self::Error>> + Send>>;

    fn poll_ready(&mut self, _: &mut Context<'_>) -> Poll<Result<(), Self::Error>> {
        Poll::Ready(Ok(()))
    }

    fn call(&mut self, name: Name) -> Self::Future {
        let allow_private = self.allow_private;
        Box::pin(async move {
            // The port is set by the connector; 0 here.
            let found: Vec<SocketAddr> =
                tokio::net::lookup_host((name.as_str(), 0)).await?.collect();
            let allowed: Vec<SocketAddr> = found
                .iter()
                .copied()
                .filter(|a| allow_private || !is_private(a.ip()))
                .collect();
            if allowed.is_empty() {
                let why = if found.is_empty() {
                    "does not resolve"
                } else {
                    "resolves to loopback or private addresses only"
                };
                return Err(std::io::Error::other(format!("{} {why}", name.as_str())));
            }
            Ok(allowed.into_iter())
        })
    }
}
