-- Anonymisation (issue 20). anonymised_at marks a request anonymised (null: not yet), so that the retention job reads
-- the closed requests left to anonymise as one ordered range of an index, whatever the number already anonymised, and
-- a run cut short or run on several nodes does each request once. inactive_since is when the retention job first found
-- a person inactive (null while active), from which their own retention is counted. The other indexes read the
-- notifications of a batch of requests to purge (without it, each batch read the whole outbox: 110 s for 100,000
-- requests on H2), and who still names a person before they are forgotten.
ALTER TABLE requests ADD COLUMN anonymised_at ${timestamp};
ALTER TABLE people ADD COLUMN inactive_since ${timestamp};

CREATE INDEX requests_to_anonymise ON requests (status, anonymised_at, status_since, number);
CREATE INDEX people_by_inactive_since ON people (active, inactive_since, id);
CREATE INDEX outbox_by_request ON outbox (request_number);
CREATE INDEX request_messages_by_author ON request_messages (author_id);
CREATE INDEX request_history_by_person ON request_history (by_person);
