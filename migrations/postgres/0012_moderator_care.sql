-- Issue 20: how moderators meet a campaign's photos (JSON as parsed by
-- placard_domain::care::ModeratorCare; NULL: the default, not blurred, a pause suggested
-- after 200) and the operator's own privacy notice, linked from the supporters' pages.
ALTER TABLE campaigns ADD COLUMN moderator_care TEXT;
ALTER TABLE campaigns ADD COLUMN privacy_url TEXT;
