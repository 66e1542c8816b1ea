//! What an operator's lists show: campaigns and contests, newest first, a page at a time, with
//! their submissions counted by status.

use crate::campaigns::Campaign;
use crate::contests::Contest;
use crate::{Cursor, Store, StoreError};
use std::collections::HashMap;
use uuid::Uuid;

/// Submissions of one campaign or contest by status (every status present, zeros included
/// by the caller).
pub type StatusCounts = HashMap<String, i64>;

/// A row that pages newest first by `(created_at, id)`.
trait Newest {
    fn key(&self) -> Cursor;
}

impl Newest for Campaign {
    fn key(&self) -> Cursor {
        Cursor {
            at: self.created_at,
            id: self.id,
        }
    }
}

impl Newest for Contest {
    fn key(&self) -> Cursor {
        Cursor {
            at: self.created_at,
            id: self.id,
        }
    }
}

impl Store {
    /// A page of campaigns, newest first, each with its photos counted by status.
    pub async fn campaigns_page(
        &self,
        limit: u32,
        after: Option<Cursor>,
    ) -> Result<(Vec<(Campaign, StatusCounts)>, Option<Cursor>), StoreError> {
        let (rows, next): (Vec<Campaign>, _) = self
            .newest("campaigns", crate::campaigns::COLUMNS, limit, after)
            .await?;
        let counts = self
            .counts_by_status("photos", "campaign_id", rows.iter().map(|c| c.id))
            .await?;
        Ok((attach(rows, |c| c.id, counts), next))
    }

    /// A page of contests, newest first, each with its entries counted by status.
    pub async fn contests_page(
        &self,
        limit: u32,
        after: Option<Cursor>,
    ) -> Result<(Vec<(Contest, StatusCounts)>, Option<Cursor>), StoreError> {
        let (rows, next): (Vec<Contest>, _) = self
            .newest("contests", crate::contests::CONTEST_COLUMNS, limit, after)
            .await?;
        let counts = self
            .counts_by_status("slogan_entries", "contest_id", rows.iter().map(|c| c.id))
            .await?;
        Ok((attach(rows, |c| c.id, counts), next))
    }

    /// A page of `table`'s rows, newest first.
    async fn newest<T>(
        &self,
        table: &str,
        columns: &str,
        limit: u32,
        after: Option<Cursor>,
    ) -> Result<(Vec<T>, Option<Cursor>), StoreError>
    where
        T: Newest
            + Send
            + Unpin
            + for<'r> sqlx::FromRow<'r, sqlx::postgres::PgRow>
            + for<'r> sqlx::FromRow<'r, sqlx::sqlite::SqliteRow>,
    {
        let (at, id) = after.map_or((crate::now(), Uuid::max()), |c| (c.at, c.id));
        let sql = format!(
            "SELECT {columns} FROM {table} WHERE $1 OR (created_at, id) < ($2, $3)
             ORDER BY created_at DESC, id DESC LIMIT $4"
        );
        let rows: Vec<T> = with_pool!(self, |p| sqlx::query_as(&sql)
            .bind(after.is_none())
            .bind(at)
            .bind(id)
            .bind(i64::from(limit) + 1)
            .fetch_all(p)
            .await)?;
        Ok(crate::cursor::trim_page(rows, limit, |r| Some(r.key())))
    }

    /// `COUNT(*)` by status of `table`'s rows whose `owner` column is one of `ids`.
    async fn counts_by_status(
        &self,
        table: &str,
        owner: &str,
        ids: impl Iterator<Item = Uuid>,
    ) -> Result<HashMap<Uuid, StatusCounts>, StoreError> {
        let ids: Vec<Uuid> = ids.collect();
        let mut out: HashMap<Uuid, StatusCounts> = HashMap::new();
        if ids.is_empty() {
            return Ok(out);
        }
        let marks = (1..=ids.len())
            .map(|i| format!("${i}"))
            .collect::<Vec<_>>()
            .join(", ");
        let sql = format!(
            "SELECT {owner}, status, COUNT(*) FROM {table} WHERE {owner} IN ({marks})
             GROUP BY {owner}, status"
        );
        let rows: Vec<(Uuid, String, i64)> = with_pool!(self, |p| {
            let mut q = sqlx::query_as(&sql);
            for id in &ids {
                q = q.bind(*id);
            }
            q.fetch_all(p).await
        })?;
        for (id, status, n) in rows {
            out.entry(id).or_default().insert(status, n);
        }
        Ok(out)
    }
}

fn attach<T>(
    rows: Vec<T>,
    id: impl Fn(&T) -> Uuid,
    mut counts: HashMap<Uuid, StatusCounts>,
) -> Vec<(T, StatusCounts)> {
    rows.into_iter()
        .map(|r| {
            let c = counts.remove(&id(&r)).unwrap_or_default();
            (r, c)
        })
        .collect()
}
