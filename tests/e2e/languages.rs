//! The pages in every language Placard speaks, over HTTP: each supporter page renders in
//! the six locales with their `lang` and `dir` and no missing message; the language is
//! chosen in the contract's order (`?lang=`, the switcher's cookie, `Accept-Language`, the
//! campaign's default) among the campaign's languages; the operator's own translations are
//! shown; and the consent a supporter agrees to is recorded in the language they read it
//! in. The browser tests (`browser_languages.rs`) try the same pages in Chromium.

use placard_e2e::{locale_messages, on_both_deployments, Api, Deployment, TestApp};

on_both_deployments!(
    every_supporter_page_speaks_all_six_languages,
    the_language_is_chosen_in_the_contracts_order_among_the_campaigns,
    operators_translations_are_shown_and_consent_is_kept_as_read,
);

const LOCALES: [(&str, &str); 6] = [
    ("en", "ltr"),
    ("es", "ltr"),
    ("fr", "ltr"),
    ("pt", "ltr"),
    ("ru", "ltr"),
    ("ar", "rtl"),
];

/// What the page shows of a message: askama escapes `'` and `"`.
fn escaped(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&#34;")
        .replace('\'', "&#39;")
}

async fn get(app: &TestApp, path: &str, headers: &[(&str, &str)]) -> (u16, String) {
    let mut r = app.http().get(app.endpoint(path));
    for (k, v) in headers {
        r = r.header(*k, *v);
    }
    let r = r.send().await.expect("page");
    (r.status().as_u16(), r.text().await.expect("body"))
}

fn lang_of(html: &str) -> (String, String) {
    let tag = &html[html.find("<html").expect("<html")..];
    let tag = &tag[..tag.find('>').expect("end of <html")];
    let attr = |name: &str| {
        let start = tag.find(&format!("{name}=\"")).expect(name) + name.len() + 2;
        tag[start..start + tag[start..].find('"').expect("quote")].to_owned()
    };
    (attr("lang"), attr("dir"))
}

async fn every_supporter_page_speaks_all_six_languages(d: Deployment) {
    let app = TestApp::spawn(d).await;
    let admin = app.create_user("admin", "root").await;
    app.create_campaign(&admin, "sdp", serde_json::json!({}))
        .await;
    app.create_contest(&admin, "slogans", 3600, 7200, serde_json::json!({}))
        .await;
    let photo = app
        .upload_fixture("sdp", "ladybird-2560x1600.jpg", &[])
        .await;
    app.run_pending_jobs().await;
    let entry: serde_json::Value = app
        .enter("slogans", "Support, don't punish")
        .await
        .json()
        .await
        .expect("entry");
    let entry_link = format!(
        "/e/{}?receipt={}",
        entry["id"].as_str().expect("id"),
        entry["receipt_token"].as_str().expect("receipt")
    );
    let photo_link = format!("/p/{}?receipt={}", photo.id, photo.receipt);
    let pages = [
        ("/", "home-campaigns"),
        ("/c/sdp", "campaign-send-heading"),
        ("/c/sdp/embed", "campaign-send-button"),
        ("/c/sdp/gallery", "add-your-photo"),
        ("/c/sdp/mosaic", "mosaic-gallery-link"),
        ("/k/slogans", "contest-enter-heading"),
        (photo_link.as_str(), "status-held-heading"),
        (entry_link.as_str(), "status-held-heading"),
        ("/c/nowhere", "notice-not-found-title"),
        ("/moderate", "signin-token"),
    ];
    for (locale, dir) in LOCALES {
        let words = locale_messages(locale);
        for (path, key) in pages {
            let join = if path.contains('?') { '&' } else { '?' };
            let (status, html) = get(&app, &format!("{path}{join}lang={locale}"), &[]).await;
            assert!(
                status == 200 || status == 404,
                "{path} in {locale}: {status}"
            );
            assert_eq!(
                lang_of(&html),
                (locale.to_owned(), dir.to_owned()),
                "{path} in {locale}"
            );
            assert!(
                !html.contains('⟦'),
                "{path} in {locale} shows a missing message"
            );
            let expected = escaped(&words[key]);
            assert!(
                html.contains(&expected),
                "{path} in {locale} lacks {key}: {expected}"
            );
            // The switcher offers every language, each in its own words.
            assert!(html.contains("hreflang=\"ar\""), "{path}: no switcher");
            assert!(html.contains(">العربية</a>"), "{path}: the switcher");
        }
        // The consent is Placard's own sentence, in this language.
        let (_, html) = get(&app, &format!("/c/sdp?lang={locale}"), &[]).await;
        assert!(
            html.contains(&escaped(&words["consent-photo-standard"])),
            "the standard consent in {locale}"
        );
    }
    // The error words the script shows come in the page's language too.
    let (_, html) = get(&app, "/c/sdp?lang=ru", &[]).await;
    let ru = locale_messages("ru");
    assert!(html.contains(&escaped(&ru["error-rate-limited"])));
    assert!(
        html.contains(&escaped(&ru["js-checking"])),
        "the script's messages"
    );
    app.stop().await;
}

async fn the_language_is_chosen_in_the_contracts_order_among_the_campaigns(d: Deployment) {
    let app = TestApp::spawn(d).await;
    let admin = app.create_user("admin", "root").await;
    app.create_campaign(&admin, "sdp", serde_json::json!({}))
        .await;
    let lang = |html: &str| lang_of(html).0;

    // Accept-Language's best match, with q-values; the cookie wins over it; ?lang wins
    // over both.
    let (_, html) = get(
        &app,
        "/c/sdp",
        &[("accept-language", "de-DE,de;q=0.9,pt-BR;q=0.8,es;q=0.5")],
    )
    .await;
    assert_eq!(lang(&html), "pt");
    let (_, html) = get(
        &app,
        "/c/sdp",
        &[("accept-language", "es"), ("cookie", "placard_lang=fr")],
    )
    .await;
    assert_eq!(lang(&html), "fr");
    let (_, html) = get(
        &app,
        "/c/sdp?lang=ar",
        &[("accept-language", "es"), ("cookie", "placard_lang=fr")],
    )
    .await;
    assert_eq!(lang(&html), "ar");
    // Nothing understood: the campaign's default (English).
    let (_, html) = get(
        &app,
        "/c/sdp?lang=xx",
        &[
            ("accept-language", "de, ja;q=0.5"),
            ("cookie", "placard_lang=%3Cscript"),
        ],
    )
    .await;
    assert_eq!(lang(&html), "en");

    // A campaign that speaks Spanish and Arabic only, Spanish by default.
    let r = app
        .http()
        .patch(app.endpoint("/api/v1/admin/campaigns/sdp"))
        .bearer_auth(&admin)
        .json(&serde_json::json!({"languages": ["es", "ar"], "default_language": "es"}))
        .send()
        .await
        .expect("patch");
    assert_eq!(r.status(), 200, "{}", r.text().await.unwrap_or_default());
    let (_, html) = get(&app, "/c/sdp", &[("accept-language", "ru, fr;q=0.8")]).await;
    assert_eq!(
        lang(&html),
        "es",
        "a language the campaign does not speak is not used"
    );
    let (_, html) = get(&app, "/c/sdp?lang=fr", &[("accept-language", "ar")]).await;
    assert_eq!(
        lang(&html),
        "ar",
        "?lang= outside the campaign's languages is passed over"
    );
    assert!(
        !html.contains("hreflang=\"fr\""),
        "the switcher offers the campaign's languages only"
    );
    assert!(html.contains("hreflang=\"es\"") && html.contains("hreflang=\"ar\""));
    // Pages that are no campaign's keep every language.
    let (_, html) = get(&app, "/?lang=fr", &[]).await;
    assert_eq!(lang(&html), "fr");

    // The switcher: sets the cookie for a year and comes back with ?lang=; only paths of
    // this site; an unknown language is a 404 page.
    let client = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .expect("client");
    let r = client
        .get(app.endpoint("/lang/ar?next=/c/sdp/gallery%3Fcursor%3Dabc"))
        .send()
        .await
        .expect("switch");
    assert_eq!(r.status(), 303);
    assert_eq!(r.headers()["location"], "/c/sdp/gallery?cursor=abc&lang=ar");
    let cookie = r.headers()["set-cookie"]
        .to_str()
        .expect("cookie")
        .to_owned();
    assert!(cookie.starts_with("placard_lang=ar"), "{cookie}");
    assert!(
        cookie.contains("Max-Age=31536000") && cookie.contains("SameSite=Lax"),
        "{cookie}"
    );
    let r = client
        .get(app.endpoint("/lang/es?next=//evil.example/"))
        .send()
        .await
        .expect("switch");
    assert_eq!(r.headers()["location"], "/?lang=es", "no open redirect");
    let r = client
        .get(app.endpoint("/lang/xx"))
        .send()
        .await
        .expect("switch");
    assert_eq!(r.status(), 404);
    app.stop().await;
}

async fn operators_translations_are_shown_and_consent_is_kept_as_read(d: Deployment) {
    let app = TestApp::spawn(d).await;
    let admin = app.create_user("admin", "root").await;
    app.create_campaign(
        &admin,
        "sdp",
        serde_json::json!({"title": "Support. Don't Punish.", "description": "Send us your photo."}),
    )
    .await;
    let r = app
        .http()
        .patch(app.endpoint("/api/v1/admin/campaigns/sdp"))
        .bearer_auth(&admin)
        .json(&serde_json::json!({"translations": {
            "es": {"title": "Apoya. No castigues.", "description": "Envíanos tu foto.",
                   "consent_text": "Acepto que la campaña muestre mi foto."},
            "ar": {"title": "ادعم. لا تعاقب."}
        }}))
        .send()
        .await
        .expect("patch");
    assert_eq!(r.status(), 200, "{}", r.text().await.unwrap_or_default());

    let (_, es) = get(&app, "/c/sdp?lang=es", &[]).await;
    assert!(
        es.contains("<title>Apoya. No castigues. · Placard</title>"),
        "the Spanish title"
    );
    assert!(
        es.contains("Envíanos tu foto.") && es.contains("Acepto que la campaña muestre mi foto.")
    );
    // Arabic has a title of its own; its description falls back to the operator's first
    // text, and its consent to Placard's own sentence in Arabic.
    let (_, ar) = get(&app, "/c/sdp?lang=ar", &[]).await;
    assert!(ar.contains("ادعم. لا تعاقب."));
    assert!(ar.contains("Send us your photo."));
    assert!(ar.contains(&escaped(&locale_messages("ar")["consent-photo-standard"])));
    let (_, gallery) = get(&app, "/c/sdp/gallery?lang=es", &[]).await;
    assert!(
        gallery.contains("Apoya. No castigues."),
        "the gallery's title"
    );

    // Consent is recorded in the language the form was read in: the receipt shows it.
    let up = app
        .upload_fixture("sdp", "ladybird-2560x1600.jpg", &[("lang", "es")])
        .await;
    let (_, status) = get(&app, &format!("/p/{}?receipt={}", up.id, up.receipt), &[]).await;
    assert!(
        status.contains("Acepto que la campaña muestre mi foto."),
        "the receipt shows the consent as it was read"
    );
    assert_eq!(
        lang_of(&status).0,
        "en",
        "the reader's language, not the upload's"
    );
    let up = app
        .upload_fixture("sdp", "ladybird-2560x1600.jpg", &[("lang", "ar")])
        .await;
    let (_, status) = get(
        &app,
        &format!("/p/{}?receipt={}&lang=ar", up.id, up.receipt),
        &[],
    )
    .await;
    assert!(status.contains(&escaped(&locale_messages("ar")["consent-photo-standard"])));
    // A language the campaign does not speak, or none: its default's consent.
    let up = app
        .upload_fixture("sdp", "ladybird-2560x1600.jpg", &[("lang", "zz")])
        .await;
    let (_, status) = get(&app, &format!("/p/{}?receipt={}", up.id, up.receipt), &[]).await;
    assert!(status.contains("I agree that this campaign may show my photo"));
    app.stop().await;
}
