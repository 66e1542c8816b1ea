-- The public-POST allowance per client address, shared by every API process: GCRA's
-- theoretical arrival time, in microseconds since the epoch. A row is one address (an IPv6
-- /64); rows idle for a day are pruned by the scheduler.
CREATE TABLE rate_limits (
    key TEXT PRIMARY KEY,
    tat BIGINT NOT NULL
);
