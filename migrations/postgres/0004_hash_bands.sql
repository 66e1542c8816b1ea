-- Near-duplicate lookup without reading every earlier hash of the campaign. Each 64-bit
-- perceptual hash is cut into 8 bands of 8 bits; two hashes within 7 bits of each other
-- agree on at least one whole band (pigeonhole), so the candidates for a photo are the
-- photos sharing a band with it. Each band's photos are kept in submission order with
-- their hash, so a lookup reads one index range per band, oldest first, and stops at the
-- first photo close enough.
CREATE TABLE photo_hash_bands (
    campaign_id  UUID        NOT NULL,
    band         INTEGER     NOT NULL CHECK (band BETWEEN 0 AND 7),
    value        INTEGER     NOT NULL CHECK (value BETWEEN 0 AND 255),
    submitted_at TIMESTAMPTZ NOT NULL,
    photo_id     UUID        NOT NULL REFERENCES photos (id) ON DELETE CASCADE,
    phash        BIGINT      NOT NULL,
    PRIMARY KEY (campaign_id, band, value, submitted_at, photo_id)
);
CREATE INDEX photo_hash_bands_photo ON photo_hash_bands (photo_id);

INSERT INTO photo_hash_bands (campaign_id, band, value, submitted_at, photo_id, phash)
SELECT p.campaign_id, b.band, ((p.phash >> (8 * b.band)) & 255)::INTEGER, p.submitted_at, p.id, p.phash
FROM photos p CROSS JOIN generate_series(0, 7) AS b(band)
WHERE p.phash IS NOT NULL;
