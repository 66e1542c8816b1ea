-- The visual petition (issue 15): each campaign's latest mosaic, its object and its cell
-- map (JSON [{x,y,w,h,photo_id}]), rebuilt by a job after its approved photos change.
CREATE TABLE campaign_mosaics (
    campaign_id UUID PRIMARY KEY REFERENCES campaigns (id) ON DELETE CASCADE,
    object_key  TEXT NOT NULL,
    width       BIGINT NOT NULL,
    height      BIGINT NOT NULL,
    cells       TEXT NOT NULL,
    photos      BIGINT NOT NULL,
    built_at    TIMESTAMPTZ NOT NULL
);
