-- Secrets every instance must share (the key that signs media URLs), generated on first use
-- by whichever instance gets there first.
CREATE TABLE app_secrets (
    name  TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
