-- Issue 18: the canonical manifest frozen at the announcement (entries, every judgement
-- under a pseudonym, the method, the shortlist rule). The results' sha256 is its SHA-256,
-- so it is kept byte for byte and served as it was hashed.
ALTER TABLE contests ADD COLUMN results_manifest TEXT;
