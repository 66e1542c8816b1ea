//! `?limit=N&cursor=C` → `{"items": [...], "next_cursor": "…" | null}`.

use crate::ApiError;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

pub const DEFAULT_LIMIT: u32 = 50;
pub const MAX_LIMIT: u32 = 200;

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct PageQuery {
    /// Items per page: 1–200, 50 by default.
    pub limit: Option<u32>,
    /// The `next_cursor` of the previous page.
    pub cursor: Option<String>,
}

impl PageQuery {
    pub fn limit(&self) -> Result<u32, ApiError> {
        match self.limit {
            None => Ok(DEFAULT_LIMIT),
            Some(n) if (1..=MAX_LIMIT).contains(&n) => Ok(n),
            Some(_) => Err(ApiError::bad_request(
                "invalid_query",
                format!("limit must be between 1 and {MAX_LIMIT}."),
            )),
        }
    }

    /// Decodes the cursor with `decode`; a cursor that does not decode is the client's error.
    pub fn cursor<T>(&self, decode: impl FnOnce(&str) -> Option<T>) -> Result<Option<T>, ApiError> {
        self.cursor
            .as_deref()
            .map(|c| {
                decode(c)
                    .ok_or_else(|| ApiError::bad_request("invalid_query", "cursor is not valid."))
            })
            .transpose()
    }
}

#[derive(Debug, Serialize, ToSchema)]
pub struct Page<T: Serialize + ToSchema> {
    pub items: Vec<T>,
    pub next_cursor: Option<String>,
}
