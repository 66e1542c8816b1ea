//! The front door, `/`: the campaigns taking photos (or about to) and the contests, with
//! their dates and links; or, on a new installation, how to start. Nothing private: only
//! what each campaign's and contest's own public page shows.

use super::render;
use crate::application::state_of;
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
struct FrontDoor {
    campaigns: Vec<Listed>,
    contests: Vec<Listed>,
    /// Nothing was ever created here: say how to start.
    fresh: bool,
}

/// A day, as the front door lists campaigns (times are on each campaign's own page).
fn day(t: chrono::DateTime<chrono::Utc>) -> String {
    t.format("%-d %B %Y").to_string()
}

pub async fn front_door(state: web::Data<AppState>) -> Result<HttpResponse, ApiError> {
    let now = state.clock.now();
    let all_campaigns = state.store.campaigns().await?;
    let all_contests = state.store.contests().await?;
    let fresh = all_campaigns.is_empty() && all_contests.is_empty();
    let campaigns = all_campaigns
        .into_iter()
        .filter_map(|c| {
            let when = match CampaignState::at(now, c.opens_at, c.closes_at) {
                CampaignState::Closed => return None,
                CampaignState::Upcoming => format!("Opens {}", day(c.opens_at?)),
                CampaignState::Open => match c.closes_at {
                    Some(t) => format!("Open until {}", day(t)),
                    None => "Open".to_owned(),
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
                    Some(t) => format!("Entries from {}", day(t)),
                    None => "Opening soon".to_owned(),
                },
                ContestState::Open => format!("Entries until {}", day(c.entries_close_at)),
                ContestState::Judging => format!("Winner announced {}", day(c.announce_at)),
                ContestState::Announced => "Winner announced".to_owned(),
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
            campaigns,
            contests,
            fresh,
        },
    )
}
