//! What a supporter reads when something goes wrong: every error code the forms can meet,
//! in plain words. One table serves the plain forms (rendered here) and the script (handed
//! the same table in the page), so the two never say different things.

use crate::ApiError;

/// `(code, words)`. For `invalid_field` the API's own message (which field, what is wrong)
/// is added after the words.
pub const MESSAGES: &[(&str, &str)] = &[
    ("consent_required", "Please tick the consent box: we can only show your photo or slogan with your permission."),
    ("invalid_field", "Something in the form needs another look."),
    ("payload_too_large", "This photo is too big to send. Please choose one under 20 MB, or a smaller copy of it."),
    ("unsupported_media_type", "We can only take JPEG, PNG or WebP photos. Please choose another file."),
    ("invalid_image", "We could not read this photo: the file may be damaged or incomplete. Please try another one."),
    ("image_too_large", "This photo has too many pixels for us to handle. Please send a smaller copy of it."),
    ("image_too_small", "This photo is too small to be seen well. Please choose one at least 200 pixels on its short side."),
    ("submissions_closed", "This campaign is not taking photos at the moment."),
    ("entries_closed", "This contest is not taking entries any more."),
    ("invalid_slogan", "A slogan must be between 3 and 120 characters."),
    ("duplicate_entry", "Someone has already entered this slogan. Try putting it in your own words."),
    ("rate_limited", "Too many tries from your connection in a short time. Please wait a minute and try again."),
    ("not_found", "We could not find this page. The link may be mistyped, or the photo or entry has been withdrawn."),
    ("unauthenticated", "This link is not complete: use the whole link from your receipt."),
    ("internal_error", "Something went wrong on our side. Nothing was saved; please try again in a moment."),
];

/// The words for an error, for a supporter.
pub fn for_supporter(err: &ApiError) -> String {
    let words = MESSAGES
        .iter()
        .find(|(code, _)| *code == err.code())
        .map(|(_, w)| *w);
    match (err.code(), words) {
        ("invalid_field", Some(w)) => format!("{w} {}", err.message()),
        (_, Some(w)) => w.to_owned(),
        // A code without words of its own: the API's sentence is written for people too.
        _ => err.message().to_owned(),
    }
}

/// The table as JSON, for the script.
pub fn as_json() -> String {
    let map: serde_json::Map<String, serde_json::Value> = MESSAGES
        .iter()
        .map(|(c, w)| ((*c).to_owned(), serde_json::Value::from(*w)))
        .collect();
    serde_json::Value::Object(map).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use actix_web::http::StatusCode;

    #[test]
    fn codes_become_words() {
        let e = ApiError::unprocessable("image_too_small", "Too small: 100x100.");
        assert!(for_supporter(&e).starts_with("This photo is too small"));
        let e = ApiError::bad_request("invalid_field", "caption: at most 280 characters.");
        assert!(for_supporter(&e).ends_with("caption: at most 280 characters."));
        let e = ApiError::new(StatusCode::CONFLICT, "something_new", "A sentence.");
        assert_eq!(for_supporter(&e), "A sentence.");
        assert!(as_json().contains("\"rate_limited\""));
    }
}
