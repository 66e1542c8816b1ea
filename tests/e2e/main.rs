//! End-to-end tests: the real `placard` binary against both deployments (SQLite + folder,
//! PostgreSQL + Garage), and a real Chromium for the pages. One module per area.

mod admin;
mod admin_pages;
mod browser;
mod browser_judging;
mod browser_languages;
mod browser_moderation;
mod browser_public;
mod conflicts;
mod contest;
mod delivery;
mod embed;
mod foundation;
mod languages;
mod migrate_store;
mod moderation;
mod mosaic;
mod outages;
mod pages;
mod pairwise;
mod photos;
mod privacy;
mod scale;
mod staff;
mod verify;
mod webhooks;
