-- Failed sign-ins per hashed identifier or client address, shared by every node.
CREATE TABLE sign_in_failures (
    key_hash        CHAR(64)     PRIMARY KEY,
    failures        INTEGER      NOT NULL,
    last_failure_at DATETIME(6)  NOT NULL
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
CREATE INDEX sign_in_failures_by_last ON sign_in_failures (last_failure_at);
