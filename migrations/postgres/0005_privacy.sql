-- Privacy by construction (issue 14): what an original was stripped of, what the supporter
-- chose to pixelate, which consent text each submission agreed to, retention, tombstones.

-- EXIF orientation (1-8) read at upload, before the original's metadata was dropped; NULL
-- for an original stored before stripping existed (its own EXIF is then read).
ALTER TABLE photos ADD COLUMN orientation SMALLINT CHECK (orientation BETWEEN 1 AND 8);
-- The supporter's rectangles to pixelate (JSON), and when the original was rewritten with
-- them (until then no moderator may see it).
ALTER TABLE photos ADD COLUMN blur TEXT;
ALTER TABLE photos ADD COLUMN pixelated_at TIMESTAMPTZ;
-- Retention: when a rejected photo's objects were deleted, and when an approved photo's
-- original was.
ALTER TABLE photos ADD COLUMN purged_at TIMESTAMPTZ;
ALTER TABLE photos ADD COLUMN original_purged_at TIMESTAMPTZ;
ALTER TABLE photos ADD COLUMN consent_id UUID;
ALTER TABLE slogan_entries ADD COLUMN consent_id UUID;

ALTER TABLE campaigns ADD COLUMN consent_text TEXT;
ALTER TABLE campaigns ADD COLUMN retention_rejected_days INTEGER NOT NULL DEFAULT 30
    CHECK (retention_rejected_days >= 0);
ALTER TABLE campaigns ADD COLUMN retention_originals_after_close_days INTEGER
    CHECK (retention_originals_after_close_days >= 0);

-- Every consent text a submission agreed to, once per scope ('campaign:<id>' or
-- 'contest:<id>') and text: a changed text is a new version, earlier submissions keep theirs.
CREATE TABLE consent_texts (
    id         UUID PRIMARY KEY,
    scope      TEXT NOT NULL,
    version    INTEGER NOT NULL,
    sha256     TEXT NOT NULL,
    text       TEXT NOT NULL,
    created_at TIMESTAMPTZ NOT NULL,
    UNIQUE (scope, sha256),
    UNIQUE (scope, version)
);

-- Ids of erased photos, nothing else: an object still stored under one is deleted by the
-- next sweep without waiting for the orphan grace period.
CREATE TABLE erased_photos (
    id        UUID PRIMARY KEY,
    erased_at TIMESTAMPTZ NOT NULL
);

-- One row per scheduled maintenance run: the first scheduler to insert (name, slot) runs
-- it, every other one skips.
CREATE TABLE maintenance_runs (
    name       TEXT NOT NULL,
    slot       TEXT NOT NULL,
    claimed_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (name, slot)
);

CREATE INDEX photos_retention ON photos (status, decided_at) WHERE status = 'rejected' AND purged_at IS NULL;
