-- Issue 18: pairwise judging. A contest is judged by scores (1–10) or by comparisons of two
-- slogans; `min_judgements` is the coverage each entry should reach before the announcement.
ALTER TABLE contests ADD COLUMN judging_mode TEXT NOT NULL DEFAULT 'scores'
    CHECK (judging_mode IN ('scores', 'pairwise'));
ALTER TABLE contests ADD COLUMN min_judgements INTEGER NOT NULL DEFAULT 3;

-- One judge's verdict on one pair, the pair stored in id order (first < second) so a judge
-- judges a pair once; judging it again replaces the verdict. Erased with either entry.
CREATE TABLE comparisons (
    contest_id  BLOB NOT NULL REFERENCES contests (id),
    judge_id    BLOB NOT NULL REFERENCES staff_users (id),
    first_id    BLOB NOT NULL REFERENCES slogan_entries (id) ON DELETE CASCADE,
    second_id   BLOB NOT NULL REFERENCES slogan_entries (id) ON DELETE CASCADE,
    winner_id   BLOB NOT NULL,
    compared_at TEXT NOT NULL,
    PRIMARY KEY (judge_id, first_id, second_id),
    CHECK (first_id < second_id),
    CHECK (winner_id IN (first_id, second_id))
);
CREATE INDEX comparisons_by_contest ON comparisons (contest_id, compared_at);

-- A pair a judge skipped (could not choose): not served to them again.
CREATE TABLE pair_skips (
    contest_id BLOB NOT NULL REFERENCES contests (id),
    judge_id   BLOB NOT NULL REFERENCES staff_users (id),
    first_id   BLOB NOT NULL REFERENCES slogan_entries (id) ON DELETE CASCADE,
    second_id  BLOB NOT NULL REFERENCES slogan_entries (id) ON DELETE CASCADE,
    skipped_at TEXT NOT NULL,
    PRIMARY KEY (judge_id, first_id, second_id)
);
