-- Near-duplicate lookup without reading every earlier hash of the campaign. Each 64-bit
-- perceptual hash is cut into 8 bands of 8 bits; two hashes within 7 bits of each other
-- agree on at least one whole band (pigeonhole), so the candidates for a photo are the
-- photos sharing a band with it, found through this index, then checked exactly.
CREATE TABLE photo_hash_bands (
    campaign_id BLOB    NOT NULL,
    band        INTEGER NOT NULL CHECK (band BETWEEN 0 AND 7),
    value       INTEGER NOT NULL CHECK (value BETWEEN 0 AND 255),
    photo_id    BLOB    NOT NULL REFERENCES photos (id) ON DELETE CASCADE,
    PRIMARY KEY (campaign_id, band, value, photo_id)
) WITHOUT ROWID;
CREATE INDEX photo_hash_bands_photo ON photo_hash_bands (photo_id);

WITH bands(band) AS (VALUES (0), (1), (2), (3), (4), (5), (6), (7))
INSERT INTO photo_hash_bands (campaign_id, band, value, photo_id)
SELECT p.campaign_id, b.band, (p.phash >> (8 * b.band)) & 255, p.id
FROM photos p CROSS JOIN bands b
WHERE p.phash IS NOT NULL;
