//! The OpenAPI document, generated from the handlers' annotations (never hand-written).

use crate::routes;
use utoipa::openapi::security::{HttpAuthScheme, HttpBuilder, SecurityScheme};
use utoipa::{Modify, OpenApi};

#[derive(OpenApi)]
#[openapi(
    info(
        title = "Placard",
        description = "Photo petitions and slogan contests for advocacy campaigns. Errors are \
            always `{\"error\":{\"code\",\"message\"}}`; lists take `?limit=N&cursor=C`.",
    ),
    paths(
        routes::health::healthz,
        routes::health::readyz,
        routes::health::metrics,
        routes::source::source_offer,
        routes::media::public_image,
        routes::media::signed_image,
        crate::pages::staff::sign_in,
        crate::pages::staff::sign_out,
        crate::l10n::choice::set_language,
        routes::source::source_archive,
        routes::admin::jobs::list_jobs,
        routes::admin::jobs::retry_job,
        routes::admin::overview::list_campaigns,
        routes::admin::overview::list_contests,
        routes::admin::staff::list_staff,
        routes::admin::staff::create_staff,
        routes::admin::staff::revoke_staff,
        routes::admin::staff::rotate_staff,
        routes::admin::staff::put_staff_campaigns,
        routes::admin::edit::get_campaign,
        routes::admin::edit::patch_campaign,
        routes::admin::edit::get_contest,
        routes::admin::edit::patch_contest,
        routes::admin::logo::put_logo,
        routes::media::campaign_logo,
        routes::delivery::campaign_stats,
        routes::mosaic::mosaic_jpg,
        routes::mosaic::mosaic_json,
        routes::delivery::export_csv,
        routes::delivery::export_zip,
        routes::campaigns::create_campaign,
        routes::campaigns::get_campaign,
        routes::photos::upload_photo,
        routes::photos::get_photo,
        routes::photos::delete_photo,
        routes::photos::gallery,
        routes::media::original_image,
        routes::moderation::list_photos,
        routes::moderation::next_photo,
        routes::moderation::decide_photo,
        routes::moderation::take_down_photo,
        routes::moderation::reopen_photo,
        routes::moderation::decide_photos,
        routes::moderation::list_audit,
        routes::moderation::queue_size,
        routes::moderation::list_entries,
        routes::moderation::decide_entry,
        routes::moderation::reopen_entry,
        routes::contests::create_contest,
        routes::contests::get_contest,
        routes::contests::enter,
        routes::contests::get_entry,
        routes::contests::delete_entry,
        routes::contests::results,
        routes::contests::results_manifest,
        routes::judging::blind_entries,
        routes::judging::put_score,
        routes::judging::declare_conflict,
        routes::judging::ranking,
        routes::pairwise::next_pair,
        routes::pairwise::post_verdict,
        routes::pairwise::skip_pair,
        routes::pairwise::judges_report,
        routes::judging::pin_shortlist,
    ),
    components(schemas(crate::error::ErrorBody, crate::error::ErrorDetail)),
    modifiers(&BearerAuth),
    tags(
        (name = "operations", description = "Probes and metrics, on every process"),
        (name = "admin", description = "Admin-only operations"),
        (name = "photos", description = "The photo petition, for supporters"),
        (name = "moderation", description = "Reviewing submissions (moderators and admins)"),
        (name = "contest", description = "The slogan contest, for supporters and the public"),
        (name = "judging", description = "Blind judging (judges and admins)"),
        (name = "staff pages", description = "Signing in and out of the staff pages (form posts, a session cookie)"),
    )
)]
pub struct ApiDoc;

struct BearerAuth;

impl Modify for BearerAuth {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        let components = openapi.components.get_or_insert_with(Default::default);
        components.add_security_scheme(
            "bearer",
            SecurityScheme::Http(
                HttpBuilder::new()
                    .scheme(HttpAuthScheme::Bearer)
                    .description(Some("A staff API token, or a supporter's receipt token"))
                    .build(),
            ),
        );
    }
}

pub async fn openapi_json() -> actix_web::HttpResponse {
    actix_web::HttpResponse::Ok().json(ApiDoc::openapi())
}
