-- Issue 18: a judge who knows an entrant steps aside from that entry. It is hidden from
-- them, and none of their judgements of it count. The row stays with the entry (erased with
-- it) so the judge cannot score it again by mistake.
CREATE TABLE judge_conflicts (
    entry_id    BLOB NOT NULL REFERENCES slogan_entries (id) ON DELETE CASCADE,
    judge_id    BLOB NOT NULL REFERENCES staff_users (id),
    declared_at TEXT NOT NULL,
    PRIMARY KEY (entry_id, judge_id)
);
