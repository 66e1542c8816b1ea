//! Opaque keyset-pagination cursors: the sort key of the last item returned.

use chrono::{DateTime, Utc};
use uuid::Uuid;

/// Position after an item ordered by `(time, id)`. Shown to clients as `MICROS~UUID`; they
/// are told only that it is opaque.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Cursor {
    pub at: DateTime<Utc>,
    pub id: Uuid,
}

impl Cursor {
    pub fn encode(&self) -> String {
        format!("{}~{}", self.at.timestamp_micros(), self.id.simple())
    }

    pub fn decode(s: &str) -> Option<Self> {
        let (micros, id) = s.split_once('~')?;
        Some(Self {
            at: DateTime::from_timestamp_micros(micros.parse().ok()?)?,
            id: Uuid::parse_str(id).ok()?,
        })
    }
}

/// Trims a page fetched with one row more than `limit` (the way every list here asks) and
/// derives the next cursor from the last row kept; `None` when that was the last page.
pub(crate) fn trim_page<T, C>(
    mut rows: Vec<T>,
    limit: u32,
    key: impl Fn(&T) -> Option<C>,
) -> (Vec<T>, Option<C>) {
    if rows.len() > limit as usize {
        rows.truncate(limit as usize);
        let next = rows.last().and_then(key);
        (rows, next)
    } else {
        (rows, None)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cursors_round_trip_and_reject_garbage() {
        let c = Cursor {
            at: crate::now(),
            id: Uuid::new_v4(),
        };
        assert_eq!(Cursor::decode(&c.encode()), Some(c));
        for bad in [
            "",
            "x",
            "1~",
            "~abc",
            "12~not-a-uuid",
            "abc~00000000000000000000000000000000",
        ] {
            assert_eq!(Cursor::decode(bad), None, "{bad}");
        }
    }
}
