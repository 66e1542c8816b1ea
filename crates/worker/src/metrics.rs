use prometheus::{HistogramOpts, HistogramVec, IntCounterVec, Opts, Registry};

/// The worker's series, registered in the process's one registry.
#[derive(Clone)]
pub struct WorkerMetrics {
    pub job_duration: HistogramVec,
    pub jobs_run: IntCounterVec,
}

impl WorkerMetrics {
    pub fn register(registry: &Registry) -> prometheus::Result<Self> {
        let job_duration = HistogramVec::new(
            HistogramOpts::new(
                "placard_job_duration_seconds",
                "Time a job run took, by kind and outcome",
            )
            .buckets(vec![
                0.01, 0.05, 0.1, 0.25, 0.5, 1.0, 2.0, 5.0, 10.0, 30.0, 120.0,
            ]),
            &["kind", "outcome"],
        )?;
        let jobs_run = IntCounterVec::new(
            Opts::new("placard_job_runs_total", "Job runs by kind and outcome"),
            &["kind", "outcome"],
        )?;
        registry.register(Box::new(job_duration.clone()))?;
        registry.register(Box::new(jobs_run.clone()))?;
        Ok(Self {
            job_duration,
            jobs_run,
        })
    }

    /// Unregistered metrics, for tests that do not scrape.
    pub fn detached() -> Self {
        Self::register(&Registry::new()).unwrap_or_else(|e| unreachable!("fresh registry: {e}"))
    }
}
