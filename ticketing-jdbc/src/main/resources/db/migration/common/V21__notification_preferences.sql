-- Staff notification preferences (issue 17): one row per staff member who chose, the others receiving every mail.
-- new_in_groups (EACH, DIGEST, NONE) is for the new requests of their groups, assigned_to_me (EACH, DIGEST) for the
-- requests assigned to them, digest_hour (0 to 23, the authority's time zone) when their daily digest leaves. Mail
-- kept for a digest waits in the outbox as state HELD, found by its recipient, until a digest replaces it.
CREATE TABLE notification_preferences (
    person_id      VARCHAR(64) PRIMARY KEY,
    new_in_groups  VARCHAR(8)  NOT NULL,
    assigned_to_me VARCHAR(8)  NOT NULL,
    digest_hour    INTEGER     NOT NULL
) ${table_options};
CREATE INDEX outbox_held ON outbox (recipient, state, created_at);
