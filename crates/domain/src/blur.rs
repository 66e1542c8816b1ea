//! The rectangles a supporter asks to be pixelated, as sent in the upload's `blur` field.

use serde::{Deserialize, Serialize};

/// At most this many rectangles: enough for every face in a group photo.
pub const MAX_BLUR_REGIONS: usize = 20;

/// A rectangle of the upright photo as shown to the supporter, in fractions (0–1) of its
/// width and height.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BlurRect {
    pub x: f64,
    pub y: f64,
    pub w: f64,
    pub h: f64,
}

/// A valid list of rectangles (possibly empty).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct BlurRegions(Vec<BlurRect>);

/// What is wrong with a `blur` field, in a sentence.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("blur: {0}")]
pub struct BlurError(pub String);

/// Rounding in a browser may put an edge a hair past 1; more than this is a mistake.
const EDGE_SLACK: f64 = 1e-6;

impl BlurRegions {
    /// Parses the field: a JSON array of `{"x","y","w","h"}`, each a fraction 0–1, each
    /// rectangle of positive area and inside the photo, at most [`MAX_BLUR_REGIONS`].
    pub fn parse(field: &str) -> Result<Self, BlurError> {
        let err = |m: &str| BlurError(m.to_owned());
        let value: serde_json::Value = serde_json::from_str(field)
            .map_err(|_| err("not JSON: send an array of {\"x\",\"y\",\"w\",\"h\"} rectangles."))?;
        if !value.is_array() {
            return Err(err(
                "send an array of {\"x\",\"y\",\"w\",\"h\"} rectangles.",
            ));
        }
        let rects: Vec<BlurRect> = serde_json::from_value(value).map_err(|_| {
            err("each rectangle is {\"x\",\"y\",\"w\",\"h\"}, numbers from 0 to 1.")
        })?;
        if rects.len() > MAX_BLUR_REGIONS {
            return Err(BlurError(format!("at most {MAX_BLUR_REGIONS} rectangles.")));
        }
        for (i, r) in rects.iter().enumerate() {
            let n = i + 1;
            let fraction = |v: f64| v.is_finite() && (0.0..=1.0).contains(&v);
            if ![r.x, r.y, r.w, r.h].into_iter().all(fraction) {
                return Err(BlurError(format!(
                    "rectangle {n}: every value is a fraction from 0 to 1."
                )));
            }
            if r.w <= 0.0 || r.h <= 0.0 {
                return Err(BlurError(format!("rectangle {n} has no area.")));
            }
            if r.x + r.w > 1.0 + EDGE_SLACK || r.y + r.h > 1.0 + EDGE_SLACK {
                return Err(BlurError(format!(
                    "rectangle {n} reaches past the edge of the photo."
                )));
            }
        }
        Ok(Self(rects))
    }

    pub fn rects(&self) -> &[BlurRect] {
        &self.0
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// As stored: the same JSON the field takes.
    pub fn to_json(&self) -> String {
        serde_json::to_string(&self.0).unwrap_or_else(|_| "[]".into())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rectangles_inside_the_photo_are_accepted() {
        let r =
            BlurRegions::parse(r#"[{"x":0.1,"y":0.2,"w":0.3,"h":0.4},{"x":0,"y":0,"w":1,"h":1}]"#)
                .expect("valid");
        assert_eq!(r.rects().len(), 2);
        assert_eq!(BlurRegions::parse(&r.to_json()), Ok(r));
        assert!(BlurRegions::parse("[]").expect("empty").is_empty());
    }

    #[test]
    fn every_malformed_field_is_refused_with_a_reason() {
        let many = format!(
            "[{}]",
            vec![r#"{"x":0,"y":0,"w":0.1,"h":0.1}"#; 21].join(",")
        );
        for bad in [
            "not json",
            r#"{"x":0,"y":0,"w":1,"h":1}"#,
            r#"[{"x":0,"y":0,"w":1}]"#,
            r#"[{"x":"0","y":0,"w":1,"h":1}]"#,
            r#"[{"x":-0.1,"y":0,"w":0.5,"h":0.5}]"#,
            r#"[{"x":0,"y":0,"w":1.5,"h":0.5}]"#,
            r#"[{"x":0.5,"y":0,"w":0,"h":0.5}]"#,
            r#"[{"x":0.8,"y":0,"w":0.5,"h":0.5}]"#,
            r#"[{"x":0,"y":0,"w":0.5,"h":0.5,"z":1}]"#,
            r#"[1e999]"#,
            many.as_str(),
        ] {
            assert!(BlurRegions::parse(bad).is_err(), "{bad}");
        }
    }
}
