-- The outbox's indexes on PostgreSQL hold only the rows they are read for (issue 17): pending rows in the order a claim
-- takes them, failed rows newest first; a sent row, the bulk of the table, is in neither. The pages keep half their
-- room so that a claim's update (leased_until, V28) stays on its page without index entries (a HOT update) and marking
-- a row sent gives it entries in the remaining indexes only.
ALTER TABLE outbox SET (fillfactor = 50);
DROP INDEX outbox_due;
DROP INDEX outbox_due_by_kind;
DROP INDEX outbox_failed;
CREATE INDEX outbox_pending ON outbox (bulk, next_attempt_at, seq) WHERE state = 'PENDING';
CREATE INDEX outbox_failed ON outbox (created_at DESC, seq DESC) WHERE state = 'FAILED';
