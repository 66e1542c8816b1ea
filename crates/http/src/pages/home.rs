//! The front door, `/`: the campaigns taking photos (or about to) and the contests, with
//! their dates and links; or, on a new installation, how to start. Nothing private: only
//! what each campaign's and contest's own public page shows.

use super::{any_language, render};
use crate::application::state_of;
use crate::l10n::{Prefs, Tr};
use crate::{ApiError, AppState};
use actix_web::http::StatusCode;
use actix_web::{web, HttpResponse};
use askama::Template;
use placard_domain::{CampaignState, ContestState};

struct Listed {
    href: String,
    title: String,
    when: String,
}

#[derive(Template)]
#[template(path = "home.html")]
struct FrontDoor<'a> {
    t: Tr<'a>,
    campaigns: Vec<Listed>,
    contests: Vec<Listed>,
    /// Nothing was ever created here: say how to start.
    fresh: bool,
}

/// The front door lists days (times are on each campaign's own page).
pub async fn front_door(
    state: web::Data<AppState>,
    prefs: Prefs,
) -> Result<HttpResponse, ApiError> {
    let t = any_language(&state, &prefs);
    let day = |at| t.day(at);
    let now = state.clock.now();
    let all_campaigns = state.store.campaigns().await?;
    let all_contests = state.store.contests().await?;
    let fresh = all_campaigns.is_empty() && all_contests.is_empty();
    let campaigns = all_campaigns
        .into_iter()
        .filter_map(|c| {
            let when = match CampaignState::at(now, c.opens_at, c.closes_at) {
                CampaignState::Closed => return None,
                CampaignState::Upcoming => t.arg("home-opens", "when", day(c.opens_at?)),
                CampaignState::Open => match c.closes_at {
                    Some(at) => t.arg("home-open-until", "when", day(at)),
                    None => t.get("home-open"),
                },
            };
            Some(Listed {
                href: format!("/c/{}", c.slug),
                title: c.title,
                when,
            })
        })
        .collect();
    let contests = all_contests
        .into_iter()
        .map(|c| {
            let when = match state_of(&c, now) {
                ContestState::Upcoming => match c.opens_at {
                    Some(at) => t.arg("home-entries-from", "when", day(at)),
                    None => t.get("home-opening-soon"),
                },
                ContestState::Open => t.arg("home-entries-until", "when", day(c.entries_close_at)),
                ContestState::Judging => t.arg("home-winner-on", "when", day(c.announce_at)),
                ContestState::Announced => t.get("home-winner"),
            };
            Listed {
                href: format!("/k/{}", c.slug),
                title: c.title,
                when,
            }
        })
        .collect();
    render(
        StatusCode::OK,
        &FrontDoor {
            t: t.clone(),
            campaigns,
            contests,
            fresh,
        },
    )
}
