-- Page sessions of staff accounts. The cookie holds a random id; only its SHA-256 is kept,
-- so a copy of the database signs no one in. A session ends when it expires, when its
-- account signs out, is revoked or has its token rotated (the rows are deleted).
CREATE TABLE staff_sessions (
    id_hash    TEXT PRIMARY KEY,
    staff_id   BLOB NOT NULL REFERENCES staff_users (id) ON DELETE CASCADE,
    created_at TEXT NOT NULL,
    expires_at TEXT NOT NULL
);
CREATE INDEX staff_sessions_staff ON staff_sessions (staff_id);
CREATE INDEX staff_sessions_expiry ON staff_sessions (expires_at);
