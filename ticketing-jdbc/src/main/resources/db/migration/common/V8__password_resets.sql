-- Password resets of local accounts (issue 15): the SHA-256 of a mailed link's token, never the token itself, one
-- row per person (a newer request replaces the older one); expired rows are purged. The reset mail is about no
-- request, so an outbox entry's request number becomes optional.
CREATE TABLE password_resets (
    person_id  VARCHAR(64)  PRIMARY KEY,
    token_hash CHAR(64)     NOT NULL UNIQUE,
    asked_at   ${timestamp} NOT NULL,
    expires_at ${timestamp} NOT NULL
) ${table_options};
CREATE INDEX password_resets_by_expiry ON password_resets (expires_at);

ALTER TABLE outbox ${alter_column} request_number ${nullable_bigint};
