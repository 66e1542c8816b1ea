//! The pages' languages: every sentence of every page and of the page script lives in a
//! Project Fluent file per locale (`crates/http/locales/{code}.ftl`), read by
//! `fluent-bundle`, which brings the plural rules of each language (Russian's few and many,
//! Arabic's six forms). Numbers and dates are formatted here per locale; which locale a
//! visitor gets is `choice`'s business.
//!
//! The files are compiled in (`include_str!`): a deployment cannot lose one, and a file
//! that does not parse fails the tests, not a page.

pub mod choice;
mod format;

pub use choice::{set_language, Prefs};

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use std::borrow::Cow;

/// A language Placard's pages speak.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Locale {
    En,
    Es,
    Fr,
    Pt,
    Ru,
    Ar,
}

impl Locale {
    pub const ALL: [Locale; 6] = [
        Locale::En,
        Locale::Es,
        Locale::Fr,
        Locale::Pt,
        Locale::Ru,
        Locale::Ar,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Locale::En => "en",
            Locale::Es => "es",
            Locale::Fr => "fr",
            Locale::Pt => "pt",
            Locale::Ru => "ru",
            Locale::Ar => "ar",
        }
    }

    pub fn parse(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|l| l.code() == code)
    }

    /// The language's own name for itself, as the switcher lists it.
    pub fn name(self) -> &'static str {
        match self {
            Locale::En => "English",
            Locale::Es => "Español",
            Locale::Fr => "Français",
            Locale::Pt => "Português",
            Locale::Ru => "Русский",
            Locale::Ar => "العربية",
        }
    }

    pub fn rtl(self) -> bool {
        self == Locale::Ar
    }

    pub fn dir(self) -> &'static str {
        if self.rtl() {
            "rtl"
        } else {
            "ltr"
        }
    }

    fn index(self) -> usize {
        Self::ALL.iter().position(|l| *l == self).unwrap_or(0)
    }

    fn source(self) -> &'static str {
        match self {
            Locale::En => include_str!("../../locales/en.ftl"),
            Locale::Es => include_str!("../../locales/es.ftl"),
            Locale::Fr => include_str!("../../locales/fr.ftl"),
            Locale::Pt => include_str!("../../locales/pt.ftl"),
            Locale::Ru => include_str!("../../locales/ru.ftl"),
            Locale::Ar => include_str!("../../locales/ar.ftl"),
        }
    }

    /// Country names, generated from CLDR (`scripts/country-names.mjs`).
    fn countries(self) -> &'static str {
        match self {
            Locale::En => include_str!("../../locales/countries/en.ftl"),
            Locale::Es => include_str!("../../locales/countries/es.ftl"),
            Locale::Fr => include_str!("../../locales/countries/fr.ftl"),
            Locale::Pt => include_str!("../../locales/countries/pt.ftl"),
            Locale::Ru => include_str!("../../locales/countries/ru.ftl"),
            Locale::Ar => include_str!("../../locales/countries/ar.ftl"),
        }
    }

    /// Locales among `codes` (a campaign's languages), in Placard's order.
    pub fn all_of(codes: &[String]) -> Vec<Locale> {
        Self::ALL
            .into_iter()
            .filter(|l| codes.iter().any(|c| c == l.code()))
            .collect()
    }
}

/// A campaign's own texts in one language: the operator's translation where they gave one,
/// else the texts they wrote first; the consent, when they wrote none, is Placard's
/// standard sentence in that language. The upload records the consent in the language the
/// supporter read it in, so their receipt shows them what they agreed to.
pub struct CampaignTexts {
    pub title: String,
    pub description: Option<String>,
    pub consent: String,
}

impl CampaignTexts {
    pub fn of(catalog: &Catalog, c: &placard_storage::campaigns::Campaign, l: Locale) -> Self {
        let own = c.translations().remove(l.code()).unwrap_or_default();
        let given = |s: Option<String>| s.filter(|s| !s.trim().is_empty());
        Self {
            title: given(own.title).unwrap_or_else(|| c.title.clone()),
            description: given(own.description).or_else(|| c.description.clone()),
            consent: given(own.consent_text)
                .or_else(|| c.consent_text.clone())
                .unwrap_or_else(|| catalog.message(l, "consent-photo-standard", None)),
        }
    }
}

/// What a missing message renders as: loud enough for a test (and a reader) to notice.
pub const MISSING: &str = "⟦";

/// Every locale's messages, loaded once at startup, with the deployment's limits that some
/// sentences quote (the upload size, the smallest side).
pub struct Catalog {
    bundles: Vec<FluentBundle<FluentResource>>,
    max_mib: u64,
    min_side: u32,
}

impl Catalog {
    pub fn new(max_upload_bytes: u64, min_side: u32) -> Self {
        let bundles = Locale::ALL
            .into_iter()
            .map(|l| {
                let resource = FluentResource::try_new(l.source().to_owned())
                    .unwrap_or_else(|(_, e)| panic!("locales/{}.ftl: {e:?}", l.code()));
                let id: unic_langid::LanguageIdentifier =
                    l.code().parse().expect("a language identifier");
                let mut bundle = FluentBundle::new_concurrent(vec![id]);
                // Isolation marks go around people's own words only (see `Arg`): numbers
                // and dates need none, and marks inside attributes and titles are noise.
                bundle.set_use_isolating(false);
                bundle.set_formatter(Some(format::formatter_for(l)));
                bundle
                    .add_resource(resource)
                    .unwrap_or_else(|e| panic!("locales/{}.ftl: {e:?}", l.code()));
                let countries = FluentResource::try_new(l.countries().to_owned())
                    .unwrap_or_else(|(_, e)| panic!("locales/countries/{}.ftl: {e:?}", l.code()));
                bundle
                    .add_resource(countries)
                    .unwrap_or_else(|e| panic!("locales/countries/{}.ftl: {e:?}", l.code()));
                bundle
            })
            .collect();
        Self {
            bundles,
            max_mib: max_upload_bytes.div_ceil(1024 * 1024),
            min_side,
        }
    }

    fn bundle(&self, l: Locale) -> &FluentBundle<FluentResource> {
        &self.bundles[l.index()]
    }

    /// One message in one locale. A message that is missing renders as `⟦id⟧` (and a test
    /// checks no page shows one); one that fails to format is logged once per render.
    pub fn message(&self, l: Locale, id: &str, args: Option<&FluentArgs>) -> String {
        let bundle = self.bundle(l);
        let Some(pattern) = bundle.get_message(id).and_then(|m| m.value()) else {
            tracing::warn!(message.id = id, locale = l.code(), "missing message");
            return format!("{MISSING}{id}⟧");
        };
        let mut errors = Vec::new();
        let out = bundle.format_pattern(pattern, args, &mut errors);
        if !errors.is_empty() {
            tracing::warn!(
                message.id = id,
                locale = l.code(),
                ?errors,
                "message failed to format"
            );
        }
        out.into_owned()
    }

    pub fn has(&self, l: Locale, id: &str) -> bool {
        self.bundle(l).has_message(id)
    }

    /// The translator of a page that may speak `offered` (its reader's choice among them,
    /// see `Prefs::pick`), with the switcher coming back to the page asked for.
    pub fn page(&self, prefs: &Prefs, offered: &[Locale], default: Locale) -> Tr<'_> {
        self.tr(prefs.pick(offered, default))
            .offering(offered.to_vec(), prefs.here.clone())
    }

    /// A translator for one page.
    pub fn tr(&self, locale: Locale) -> Tr<'_> {
        Tr {
            catalog: self,
            locale,
            offered: Locale::ALL.to_vec(),
            here: String::from("/"),
        }
    }
}

/// A message argument: a number (formatted per locale, and chosen between plural forms by
/// it), or text. Text that came from a person (a name, a title) is isolated with Unicode's
/// first-strong isolate marks whenever a right-to-left script is involved, so an Arabic
/// name in an English sentence, or an English title in an Arabic one, keeps its own
/// direction and does not drag the punctuation around it.
pub enum Arg {
    Num(f64),
    Text(String),
}

impl From<u64> for Arg {
    fn from(n: u64) -> Self {
        Arg::Num(n as f64)
    }
}
impl From<i64> for Arg {
    fn from(n: i64) -> Self {
        Arg::Num(n as f64)
    }
}
impl From<u32> for Arg {
    fn from(n: u32) -> Self {
        Arg::Num(f64::from(n))
    }
}
impl From<i32> for Arg {
    fn from(n: i32) -> Self {
        Arg::Num(f64::from(n))
    }
}
impl From<usize> for Arg {
    fn from(n: usize) -> Self {
        Arg::Num(n as f64)
    }
}
impl From<&str> for Arg {
    fn from(s: &str) -> Self {
        Arg::Text(s.to_owned())
    }
}
impl From<&String> for Arg {
    fn from(s: &String) -> Self {
        Arg::Text(s.clone())
    }
}
impl From<String> for Arg {
    fn from(s: String) -> Self {
        Arg::Text(s)
    }
}
impl<T: Copy + Into<Arg>> From<&&T> for Arg {
    fn from(n: &&T) -> Self {
        (**n).into()
    }
}
impl From<&u64> for Arg {
    fn from(n: &u64) -> Self {
        (*n).into()
    }
}
impl From<&i64> for Arg {
    fn from(n: &i64) -> Self {
        (*n).into()
    }
}
impl From<&usize> for Arg {
    fn from(n: &usize) -> Self {
        (*n).into()
    }
}
impl From<&i32> for Arg {
    fn from(n: &i32) -> Self {
        (*n).into()
    }
}
impl From<&u32> for Arg {
    fn from(n: &u32) -> Self {
        (*n).into()
    }
}

/// Whether `s` holds a letter of a right-to-left script (Hebrew, Arabic, Syriac, Thaana,
/// N'Ko and their presentation forms).
fn has_rtl(s: &str) -> bool {
    s.chars().any(|c| {
        matches!(c as u32, 0x0590..=0x08FF | 0xFB1D..=0xFDFF | 0xFE70..=0xFEFF | 0x10800..=0x10FFF | 0x1E800..=0x1EFFF)
    })
}

/// One page's translator: its locale, the locales it may switch to, and the page's own
/// address (for the switcher's links). Templates call it as `t`.
#[derive(Clone)]
pub struct Tr<'a> {
    catalog: &'a Catalog,
    pub locale: Locale,
    offered: Vec<Locale>,
    here: String,
}

/// A language switcher entry.
pub struct Switch {
    pub code: &'static str,
    pub name: &'static str,
    pub href: String,
    pub current: bool,
}

impl<'a> Tr<'a> {
    /// The same translator, offering only `offered` in the switcher, for the page at `here`.
    pub fn offering(mut self, offered: Vec<Locale>, here: String) -> Self {
        self.offered = offered;
        self.here = here;
        self
    }

    pub fn lang(&self) -> &'static str {
        self.locale.code()
    }

    pub fn dir(&self) -> &'static str {
        self.locale.dir()
    }

    /// A message without arguments.
    pub fn get(&self, id: &str) -> String {
        self.catalog.message(self.locale, id, None)
    }

    /// The message `{prefix}-{value}`: a state, a status or a code in words
    /// (`of("state", "pending_review")` is `state-pending-review`).
    pub fn of(&self, prefix: &str, value: &str) -> String {
        self.get(&format!("{prefix}-{}", value.replace('_', "-")))
    }

    /// A message with arguments.
    pub fn with(&self, id: &str, args: Vec<(&str, Arg)>) -> String {
        let mut fa = FluentArgs::new();
        for (name, value) in args {
            let v = match value {
                Arg::Num(n) => FluentValue::from(n),
                Arg::Text(s) if self.locale.rtl() || has_rtl(&s) => {
                    FluentValue::from(format!("\u{2068}{s}\u{2069}"))
                }
                Arg::Text(s) => FluentValue::from(s),
            };
            fa.set(Cow::Owned(name.to_owned()), v);
        }
        self.catalog.message(self.locale, id, Some(&fa))
    }

    /// A message with one argument (the templates' usual case).
    pub fn arg(&self, id: &str, name: &str, value: impl Into<Arg>) -> String {
        self.with(id, vec![(name, value.into())])
    }

    pub fn arg2(
        &self,
        id: &str,
        n1: &str,
        v1: impl Into<Arg>,
        n2: &str,
        v2: impl Into<Arg>,
    ) -> String {
        self.with(id, vec![(n1, v1.into()), (n2, v2.into())])
    }

    /// A country's name in this language ("CO" is "Colombia", "Colombie", "كولومبيا").
    pub fn country(&self, code: &str) -> String {
        self.get(&format!("country-{code}"))
    }

    /// Every country Placard accepts, `(code, name)`, in the order of their names here
    /// (accents and case set aside: "Émirats" sorts among the E's). A browser with scripts
    /// sorts them again with its own collation.
    pub fn countries(&self) -> Vec<(&'static str, String)> {
        use unicode_normalization::{char::is_combining_mark, UnicodeNormalization};
        let mut all: Vec<_> = placard_domain::Country::codes()
            .map(|c| (c, self.country(c)))
            .collect();
        all.sort_by_cached_key(|(_, name)| {
            name.nfd()
                .filter(|c| !is_combining_mark(*c))
                .flat_map(char::to_lowercase)
                .collect::<String>()
        });
        all
    }

    /// A count, grouped as this locale groups digits.
    pub fn count(&self, n: impl Into<Arg>) -> String {
        match n.into() {
            Arg::Num(n) => format::group(self.locale, n as i64),
            Arg::Text(s) => s,
        }
    }

    /// A moment as people read it, with its time zone: "1 December 2026, 20:50 UTC".
    pub fn date_time(&self, t: chrono::DateTime<chrono::Utc>) -> String {
        format::date_time(self, t)
    }

    /// A day: "1 December 2026".
    pub fn day(&self, t: chrono::DateTime<chrono::Utc>) -> String {
        format::day(self, t)
    }

    /// The words for an error code, for a visitor; for `invalid_field` the API's own
    /// (English) detail follows, saying which field. A code without words of its own gets
    /// the API's sentence, which is written for people too.
    pub fn error(&self, err: &crate::ApiError) -> String {
        let id = format!("error-{}", err.code().replace('_', "-"));
        if !self.catalog.has(self.locale, &id) {
            return err.message().to_owned();
        }
        let words = self.with(
            &id,
            vec![
                ("max_mib", self.catalog.max_mib.into()),
                ("min_side", self.catalog.min_side.into()),
            ],
        );
        if err.code() == "invalid_field" {
            format!("{words} {}", err.message())
        } else {
            words
        }
    }

    /// Every error code's words, as JSON for the upload script.
    pub fn errors_json(&self) -> String {
        let map: serde_json::Map<String, serde_json::Value> = ERROR_CODES
            .iter()
            .map(|code| {
                let e = crate::ApiError::bad_request(code, "");
                ((*code).to_owned(), self.error(&e).trim_end().into())
            })
            .collect();
        serde_json::Value::Object(map).to_string()
    }

    /// The messages the page script uses (`js-*`), as JSON: `{name}` marks an argument; a
    /// message with a plural gives one form per plural category of the locale, chosen in
    /// the browser with `Intl.PluralRules`.
    pub fn script_json(&self) -> String {
        format::script_messages(self).to_string()
    }

    /// The language switcher: the locales this page may speak, each linking to
    /// `/lang/{code}`, which sets the `placard_lang` cookie and comes back here.
    pub fn switcher(&self) -> Vec<Switch> {
        if self.offered.len() < 2 {
            return Vec::new();
        }
        let next = percent_encode(&self.here);
        self.offered
            .iter()
            .map(|l| Switch {
                code: l.code(),
                name: l.name(),
                href: format!("/lang/{}?next={next}", l.code()),
                current: *l == self.locale,
            })
            .collect()
    }
}

/// The error codes a supporter's form can meet, with words in every locale.
pub const ERROR_CODES: &[&str] = &[
    "consent_required",
    "invalid_field",
    "payload_too_large",
    "request_timeout",
    "unsupported_media_type",
    "invalid_image",
    "image_too_large",
    "image_too_small",
    "submissions_closed",
    "entries_closed",
    "invalid_slogan",
    "duplicate_entry",
    "rate_limited",
    "not_found",
    "unauthenticated",
    "internal_error",
    "unavailable",
    "invalid_query",
];

/// A path and query as one query-string value (the switcher's `next`).
fn percent_encode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~/".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

#[cfg(test)]
mod tests;
