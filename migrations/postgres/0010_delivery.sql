-- Delivering the petition (issue 15): the latest decisions of a campaign, for the median
-- time to decision in its public counts, without sorting all of its photos.
CREATE INDEX photos_decided ON photos (campaign_id, decided_at) WHERE decided_at IS NOT NULL;
-- Exports walk approved photos in the order they were approved, then by id.
CREATE INDEX photos_export ON photos (campaign_id, approved_at, id) WHERE status = 'approved';
