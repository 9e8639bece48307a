-- Failed sign-ins per hashed identifier or client address, shared by every node.
CREATE TABLE sign_in_failures (
    key_hash        CHAR(64)     PRIMARY KEY,
    failures        INTEGER      NOT NULL,
    last_failure_at TIMESTAMP(6) NOT NULL
);
CREATE INDEX sign_in_failures_by_last ON sign_in_failures (last_failure_at);
