-- A claim's lease apart from the time of the next attempt (issue 17): a claim sets leased_until, read by no index, so
-- that on PostgreSQL the update can stay on its page without new index entries (V28_1); a row is claimable when its
-- next attempt is due and it is not leased (NULL, or a lease that ended). Rows leased before this migration keep their
-- lease in next_attempt_at, which a claim still waits for.
ALTER TABLE outbox ADD COLUMN leased_until ${timestamp};
