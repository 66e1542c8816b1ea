//! The judges' report on the operator's pages: who judged how much, how lenient and how in
//! line with the others, which slogans lack judgements, and whether the pace is enough to
//! reach coverage before the announcement. The same figures as
//! `GET /api/v1/judging/contests/{slug}/judges`.

use super::operator;
use crate::l10n::{Arg, Tr};
use crate::pages::render;
use crate::{ApiError, AppState};
use actix_web::http::StatusCode;
use actix_web::{web, HttpRequest, HttpResponse};
use askama::Template;
use placard_domain::JudgingMode;
use placard_storage::contests::{JudgeRow, UnderJudged};

/// A judge's row, the figures written out.
struct Row {
    judge: String,
    judged: String,
    leniency: String,
    agreement: String,
}

#[derive(Template)]
#[template(path = "admin_judges.html")]
struct JudgesPage<'a> {
    t: Tr<'a>,
    name: String,
    csrf: String,
    slug: String,
    title: String,
    pairwise: bool,
    judges: Vec<Row>,
    under_judged: Vec<UnderJudged>,
    min_judgements: i32,
    /// One sentence: on pace, behind (with the figures), or announced.
    pace: String,
    behind: bool,
}

/// A figure with two decimals and its sign; a dash where there is nothing to compare.
fn figure(x: Option<f64>, signed: bool) -> String {
    match x {
        None => "—".to_owned(),
        Some(v) if signed => format!("{v:+.2}"),
        Some(v) => format!("{v:.2}"),
    }
}

/// `GET /admin/contests/{slug}/judges`.
pub async fn judges_report_page(
    state: web::Data<AppState>,
    req: HttpRequest,
    slug: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    let here = format!("/admin/contests/{slug}/judges");
    let op = match operator(&state, &req, &here).await? {
        Ok(op) => op,
        Err(page) => return Ok(page),
    };
    let c = crate::application::find_contest(&state, &slug).await?;
    let report = state.store.judges_report(&c, state.clock.now()).await?;
    let pairwise = c.mode() == JudgingMode::Pairwise;
    let cov = &report.coverage;
    let (pace, behind) = match (cov.hours_left, cov.on_pace) {
        (Some(_), Some(true)) if cov.needed == 0 => (op.t.get("judges-covered"), false),
        (Some(h), Some(on)) => (
            op.t.with(
                if on {
                    "judges-on-pace"
                } else {
                    "judges-behind"
                },
                vec![
                    ("needed", cov.needed.into()),
                    ("per_hour", Arg::Text(format!("{:.1}", cov.per_hour))),
                    ("hours", Arg::Text(format!("{h:.0}"))),
                ],
            ),
            !on,
        ),
        _ => (op.t.get("judges-announced"), false),
    };
    let judges = report
        .judges
        .into_iter()
        .map(|j: JudgeRow| Row {
            judged: op.t.count(j.judged),
            leniency: figure(j.leniency, !pairwise),
            agreement: figure(j.agreement, true),
            judge: j.judge,
        })
        .collect();
    render(
        StatusCode::OK,
        &JudgesPage {
            name: op.name,
            csrf: op.csrf,
            slug: c.slug,
            title: c.title,
            pairwise,
            judges,
            under_judged: report.under_judged,
            min_judgements: c.min_judgements,
            pace,
            behind,
            t: op.t,
        },
    )
}
