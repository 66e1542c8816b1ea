-- What operators edit after creating a campaign (issue 13): a version for optimistic
-- concurrency (an edit names the version it read; a stale one is refused, never lost
-- silently), the languages and translated texts of its pages, the origins that may frame
-- it, its webhooks (with their signing secrets), and its logo.
ALTER TABLE campaigns ADD COLUMN version BIGINT NOT NULL DEFAULT 1;
ALTER TABLE campaigns ADD COLUMN default_language TEXT NOT NULL DEFAULT 'en';
-- JSON arrays / objects as parsed by placard_domain::settings; NULL: the default.
ALTER TABLE campaigns ADD COLUMN languages TEXT;
ALTER TABLE campaigns ADD COLUMN translations TEXT;
ALTER TABLE campaigns ADD COLUMN frame_ancestors TEXT;
ALTER TABLE campaigns ADD COLUMN webhooks TEXT;
-- The stored logo (stripped of metadata) and when it was last replaced (its URL's version).
ALTER TABLE campaigns ADD COLUMN logo_key TEXT;
ALTER TABLE campaigns ADD COLUMN logo_content_type TEXT;
ALTER TABLE campaigns ADD COLUMN logo_updated_at TIMESTAMPTZ;
ALTER TABLE contests ADD COLUMN version BIGINT NOT NULL DEFAULT 1;
