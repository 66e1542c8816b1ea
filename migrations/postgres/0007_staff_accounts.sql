-- Staff accounts that can be listed, revoked, rotated and limited to campaigns.
-- A revoked account's token answers 401 from the next request on; the row stays for the
-- audit log's names.
ALTER TABLE staff_users ADD COLUMN revoked_at TIMESTAMPTZ;
-- When the account last used its token (updated at most once a minute).
ALTER TABLE staff_users ADD COLUMN last_seen_at TIMESTAMPTZ;
-- The campaigns a moderator is limited to; none means all.
CREATE TABLE staff_campaigns (
    staff_id    UUID NOT NULL REFERENCES staff_users (id) ON DELETE CASCADE,
    campaign_id UUID NOT NULL REFERENCES campaigns (id) ON DELETE CASCADE,
    PRIMARY KEY (staff_id, campaign_id)
);
