//! Placard's background work: a job runner over the database queue, and a scheduler for
//! deadlines. Both coordinate only through the database, so any number of instances can
//! run side by side.
#![forbid(unsafe_code)]

mod metrics;
mod mosaic;
mod photos;
mod runner;
mod scheduler;
mod sweep;
mod webhooks;

pub use metrics::WorkerMetrics;
pub use mosaic::MosaicBuilder;
pub use photos::PhotoProcessor;
pub use runner::{JobError, JobHandler, Worker, WorkerSettings};
pub use scheduler::{claim_sweep, maintenance_tick, Schedule, Scheduler};
pub use sweep::{sweep_staging, StorageSweeper, SweepCounts};
pub use webhooks::WebhookSender;
