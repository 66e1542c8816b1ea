//! Every locale has every message, with the same arguments, and each formats cleanly.

use super::format::messages_of;
use super::*;
use std::collections::BTreeMap;

#[test]
fn every_locale_has_every_message_with_the_same_arguments() {
    let reference: BTreeMap<String, format::Variables> =
        messages_of(Locale::En).into_iter().collect();
    assert!(
        reference.len() > 300,
        "en.ftl looks truncated: {}",
        reference.len()
    );
    for l in Locale::ALL {
        let mut seen = std::collections::BTreeSet::new();
        let theirs = messages_of(l);
        for (id, vars) in &theirs {
            assert!(
                seen.insert(id.clone()),
                "{}.ftl: {id} is defined twice",
                l.code()
            );
            let Some(en) = reference.get(id) else {
                panic!("{}.ftl: {id} is not in en.ftl", l.code());
            };
            assert!(
                vars.used.is_subset(&en.used),
                "{}.ftl: {id} uses {:?}, en.ftl gives {:?}",
                l.code(),
                vars.used,
                en.used
            );
        }
        let missing: Vec<&String> = reference.keys().filter(|k| !seen.contains(*k)).collect();
        assert!(missing.is_empty(), "{}.ftl lacks {missing:?}", l.code());
    }
}

#[test]
fn every_file_parses_without_junk() {
    for l in Locale::ALL {
        if let Err((_, errors)) = fluent_bundle::FluentResource::try_new(l.source().to_owned()) {
            panic!("{}.ftl: {errors:?}", l.code());
        }
    }
}

#[test]
fn every_country_has_a_name_in_every_locale() {
    let catalog = Catalog::new(20 << 20, 200);
    for l in Locale::ALL {
        if let Err((_, errors)) = fluent_bundle::FluentResource::try_new(l.countries().to_owned()) {
            panic!("countries/{}.ftl: {errors:?}", l.code());
        }
        let t = catalog.tr(l);
        for code in placard_domain::Country::codes() {
            let name = t.country(code);
            assert!(
                !name.contains(MISSING) && name != code,
                "{}: {code} has no name",
                l.code()
            );
        }
    }
    assert_eq!(catalog.tr(Locale::Fr).country("CO"), "Colombie");
    assert_eq!(catalog.tr(Locale::Ar).country("LB"), "لبنان");
}

#[test]
fn every_message_formats_with_its_arguments_in_every_locale() {
    let catalog = Catalog::new(20 << 20, 200);
    for (id, vars) in messages_of(Locale::En) {
        for l in Locale::ALL {
            for n in [0u64, 1, 2, 3, 5, 11, 21, 101, 12408] {
                let mut args = FluentArgs::new();
                for v in &vars.used {
                    args.set(v.clone(), FluentValue::from(n));
                }
                let bundle = catalog.bundle(l);
                let pattern = bundle
                    .get_message(&id)
                    .and_then(|m| m.value())
                    .expect("a message");
                let mut errors = Vec::new();
                let out = bundle.format_pattern(pattern, Some(&args), &mut errors);
                assert!(errors.is_empty(), "{}: {id} ({n}): {errors:?}", l.code());
                assert!(!out.trim().is_empty(), "{}: {id} is empty", l.code());
                assert!(!out.contains(MISSING), "{}: {id}", l.code());
            }
        }
    }
}

#[test]
fn numbers_and_dates_read_as_each_language_writes_them() {
    let catalog = Catalog::new(20 << 20, 200);
    let at = chrono::DateTime::parse_from_rfc3339("2026-12-01T20:50:00Z")
        .expect("a time")
        .with_timezone(&chrono::Utc);
    let en = catalog.tr(Locale::En);
    assert_eq!(en.count(12408u64), "12,408");
    assert_eq!(en.count(999u64), "999");
    assert_eq!(en.date_time(at), "1 December 2026, 20:50 UTC");
    assert_eq!(
        en.arg("counter-supporters", "n", 12408u64),
        "12,408 supporters"
    );
    assert_eq!(en.arg("counter-supporters", "n", 1u64), "1 supporter");
    let es = catalog.tr(Locale::Es);
    assert_eq!(es.count(1234u64), "1234");
    assert_eq!(es.count(12408u64), "12.408");
    assert!(
        es.date_time(at).contains("diciembre"),
        "{}",
        es.date_time(at)
    );
    let fr = catalog.tr(Locale::Fr);
    assert_eq!(fr.count(12408u64), "12\u{202F}408");
    let ru = catalog.tr(Locale::Ru);
    assert!(ru.date_time(at).contains("декабря"), "{}", ru.date_time(at));
    // Russian's few and many.
    let few = ru.arg("counter-supporters", "n", 3u64);
    let many = ru.arg("counter-supporters", "n", 5u64);
    assert_ne!(
        few.replace('3', ""),
        many.replace('5', ""),
        "{few} / {many}"
    );
    let ar = catalog.tr(Locale::Ar);
    assert!(ar.date_time(at).contains("ديسمبر"), "{}", ar.date_time(at));
    assert_eq!(ar.dir(), "rtl");
}

#[test]
fn people_s_words_are_isolated_where_directions_mix() {
    let catalog = Catalog::new(20 << 20, 200);
    let en = catalog.tr(Locale::En);
    assert_eq!(
        en.arg("gallery-photo-from", "name", "Ana"),
        "Photo from Ana"
    );
    assert_eq!(
        en.arg("gallery-photo-from", "name", "סיון"),
        "Photo from \u{2068}סיון\u{2069}"
    );
    let ar = catalog.tr(Locale::Ar);
    assert!(ar
        .arg("gallery-photo-from", "name", "Ana")
        .contains("\u{2068}Ana\u{2069}"));
}

#[test]
fn the_script_gets_its_messages_with_plural_forms() {
    let catalog = Catalog::new(20 << 20, 200);
    let ru: serde_json::Value =
        serde_json::from_str(&catalog.tr(Locale::Ru).script_json()).expect("json");
    let count = &ru["js-blur-count"];
    assert_eq!(count["other"], count["many"]);
    for form in ["one", "few", "many", "other"] {
        assert!(
            count[form].as_str().is_some_and(|s| s.contains("{n}")),
            "{form}: {count}"
        );
    }
    let ar: serde_json::Value =
        serde_json::from_str(&catalog.tr(Locale::Ar).script_json()).expect("json");
    assert!(
        ar["js-blur-count"]["two"].is_string(),
        "{}",
        ar["js-blur-count"]
    );
    let en: serde_json::Value =
        serde_json::from_str(&catalog.tr(Locale::En).script_json()).expect("json");
    assert_eq!(en["js-sending"], "Sending… {pct}%");
    assert_eq!(en["js-blur-count"]["one"], "{n} box: it will be pixelated.");
}
