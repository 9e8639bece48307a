-- Mail a person waits for before mail that comes in bursts (issue 17): bulk is TRUE for the templates that
-- TemplateKey.bulk() names (acknowledgements, notices to a group), and a claim takes the others first, each oldest
-- first, so that an answer is not queued behind a burst of filings' acknowledgements. Rows queued before this
-- migration are taken as they come, among the others.
ALTER TABLE outbox ADD COLUMN bulk BOOLEAN DEFAULT FALSE NOT NULL;
CREATE INDEX outbox_due_by_kind ON outbox (state, bulk, next_attempt_at, seq);
