//! Prometheus metrics served at `/metrics`. One registry per process; the worker registers
//! its own series into the same registry.

use prometheus::{
    HistogramOpts, HistogramVec, IntCounterVec, IntGauge, IntGaugeVec, Opts, Registry,
};

#[derive(Clone)]
pub struct HttpMetrics {
    pub registry: Registry,
    pub requests: IntCounterVec,
    pub request_duration: HistogramVec,
    /// Photo uploads by outcome: `accepted` or the rejection's error code.
    pub uploads: IntCounterVec,
    /// Jobs in each state, refreshed from the database at every scrape.
    pub jobs: IntGaugeVec,
    /// Jobs waiting to run (queued), refreshed at every scrape.
    pub queue_depth: IntGauge,
    /// How long the oldest job that is due has waited for a worker, in seconds (0 when none
    /// waits): the queue's age, what a supporter waiting for their thumbnail feels, and the
    /// figure to alert on before a deadline rush outruns the workers (docs/SCALE.md).
    pub queue_oldest_seconds: IntGauge,
    /// Moderation decisions: `approved` or the rejection reason.
    pub decisions: IntCounterVec,
    /// From upload to decision, in seconds.
    pub time_to_decision: prometheus::Histogram,
    /// Photos awaiting review per campaign, refreshed at every scrape.
    pub review_queue: IntGaugeVec,
    /// Per contest being judged: approved entries under `min_judgements`, judgements
    /// still needed, and whether the pace reaches coverage by `announce_at` (1) or not (0).
    pub judging_under_judged: IntGaugeVec,
    pub judging_needed: IntGaugeVec,
    pub judging_on_pace: IntGaugeVec,
    /// Age of the oldest photo awaiting review per campaign, in seconds.
    pub oldest_pending_seconds: IntGaugeVec,
}

impl HttpMetrics {
    pub fn register(registry: &Registry) -> prometheus::Result<Self> {
        let requests = IntCounterVec::new(
            Opts::new(
                "placard_http_requests_total",
                "HTTP requests by route and status",
            ),
            &["method", "route", "status"],
        )?;
        let request_duration = HistogramVec::new(
            HistogramOpts::new(
                "placard_http_request_duration_seconds",
                "HTTP request latency",
            )
            .buckets(vec![
                0.001, 0.0025, 0.005, 0.01, 0.02, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 10.0,
            ]),
            &["method", "route"],
        )?;
        let uploads = IntCounterVec::new(
            Opts::new("placard_uploads_total", "Photo uploads by outcome"),
            &["outcome"],
        )?;
        let jobs = IntGaugeVec::new(Opts::new("placard_jobs", "Jobs by state"), &["state"])?;
        let queue_depth = IntGauge::new("placard_queue_depth", "Jobs queued and waiting to run")?;
        let queue_oldest_seconds = IntGauge::new(
            "placard_queue_oldest_seconds",
            "How long the oldest due job has waited for a worker, in seconds",
        )?;
        let decisions = IntCounterVec::new(
            Opts::new(
                "placard_moderation_decisions_total",
                "Moderation decisions by outcome (approved or reason)",
            ),
            &["outcome"],
        )?;
        let time_to_decision = prometheus::Histogram::with_opts(
            HistogramOpts::new(
                "placard_time_to_decision_seconds",
                "From upload to moderation decision",
            )
            .buckets(vec![
                60.0,
                300.0,
                900.0,
                3600.0,
                4.0 * 3600.0,
                12.0 * 3600.0,
                86400.0,
                3.0 * 86400.0,
                7.0 * 86400.0,
            ]),
        )?;
        let review_queue = IntGaugeVec::new(
            Opts::new(
                "placard_review_queue_depth",
                "Photos awaiting review per campaign",
            ),
            &["campaign"],
        )?;
        let oldest_pending_seconds = IntGaugeVec::new(
            Opts::new(
                "placard_review_oldest_pending_seconds",
                "Age of the oldest photo awaiting review",
            ),
            &["campaign"],
        )?;
        let judging_under_judged = IntGaugeVec::new(
            Opts::new(
                "placard_judging_under_judged",
                "Approved entries of a contest with fewer judgements than its min_judgements",
            ),
            &["contest"],
        )?;
        let judging_needed = IntGaugeVec::new(
            Opts::new(
                "placard_judging_needed",
                "Judgements still needed for every entry of a contest to reach min_judgements",
            ),
            &["contest"],
        )?;
        let judging_on_pace = IntGaugeVec::new(
            Opts::new(
                "placard_judging_on_pace",
                "1 if the last day's judging pace reaches coverage before announce_at, else 0",
            ),
            &["contest"],
        )?;
        // Always 1; its labels say which build answers (for dashboards across a rollout).
        let build_info = IntGaugeVec::new(
            Opts::new(
                "placard_build_info",
                "The running build of Placard (always 1)",
            ),
            &["version"],
        )?;
        build_info
            .with_label_values(&[env!("CARGO_PKG_VERSION")])
            .set(1);
        registry.register(Box::new(build_info))?;
        registry.register(Box::new(decisions.clone()))?;
        registry.register(Box::new(time_to_decision.clone()))?;
        registry.register(Box::new(review_queue.clone()))?;
        registry.register(Box::new(oldest_pending_seconds.clone()))?;
        registry.register(Box::new(judging_under_judged.clone()))?;
        registry.register(Box::new(judging_needed.clone()))?;
        registry.register(Box::new(judging_on_pace.clone()))?;
        registry.register(Box::new(requests.clone()))?;
        registry.register(Box::new(request_duration.clone()))?;
        registry.register(Box::new(uploads.clone()))?;
        registry.register(Box::new(jobs.clone()))?;
        registry.register(Box::new(queue_depth.clone()))?;
        registry.register(Box::new(queue_oldest_seconds.clone()))?;
        Ok(Self {
            registry: registry.clone(),
            requests,
            request_duration,
            uploads,
            jobs,
            queue_depth,
            queue_oldest_seconds,
            decisions,
            time_to_decision,
            review_queue,
            oldest_pending_seconds,
            judging_under_judged,
            judging_needed,
            judging_on_pace,
        })
    }

    pub fn render(&self) -> String {
        let encoder = prometheus::TextEncoder::new();
        encoder
            .encode_to_string(&self.registry.gather())
            .unwrap_or_else(|e| format!("# metrics could not be encoded: {e}\n"))
    }
}
