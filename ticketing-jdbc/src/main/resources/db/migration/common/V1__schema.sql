-- Guichet schema, written once for H2, PostgreSQL and MariaDB 10.6 or later. Times are UTC, without a zone;
-- identifiers of attachments and outbox entries are UUIDs in text form. What the databases spell differently comes
-- from the placeholders of Dialect.schemaPlaceholders(): timestamp (a time to the microsecond), text (long text),
-- blob (bytes), identity (a column the database numbers), sequence_options, and table_options (on MariaDB, InnoDB
-- with a binary collation, so that identifiers, keys and word searches compare exactly as the core does). What only
-- one database has is in that database's folder, in a migration numbered after the common one it follows (V1_1).

CREATE SEQUENCE request_number START WITH 1 INCREMENT BY 1 ${sequence_options};

CREATE TABLE support_groups (
    code  VARCHAR(32)  PRIMARY KEY,
    label VARCHAR(255) NOT NULL
) ${table_options};

CREATE TABLE people (
    id            VARCHAR(64)  PRIMARY KEY,
    email         VARCHAR(254) NOT NULL,
    given_name    VARCHAR(255) NOT NULL,
    family_name   VARCHAR(255) NOT NULL,
    establishment CHAR(8),
    active        BOOLEAN      NOT NULL
) ${table_options};

CREATE TABLE person_roles (
    person_id VARCHAR(64) NOT NULL,
    role      VARCHAR(16) NOT NULL,
    PRIMARY KEY (person_id, role),
    FOREIGN KEY (person_id) REFERENCES people (id) ON DELETE CASCADE
) ${table_options};

CREATE TABLE person_groups (
    person_id  VARCHAR(64) NOT NULL,
    group_code VARCHAR(32) NOT NULL,
    PRIMARY KEY (person_id, group_code),
    FOREIGN KEY (person_id) REFERENCES people (id) ON DELETE CASCADE
) ${table_options};
CREATE INDEX person_groups_by_group ON person_groups (group_code, person_id);

CREATE TABLE local_accounts (
    person_id     VARCHAR(64)  PRIMARY KEY,
    password_hash VARCHAR(255) NOT NULL
) ${table_options};

CREATE TABLE subjects (
    code          VARCHAR(64)  PRIMARY KEY,
    label         VARCHAR(255) NOT NULL,
    active        BOOLEAN      NOT NULL,
    support_group VARCHAR(32)
) ${table_options};

CREATE TABLE subject_specialists (
    subject_code VARCHAR(64) NOT NULL,
    position     INTEGER     NOT NULL,
    person_id    VARCHAR(64) NOT NULL,
    PRIMARY KEY (subject_code, position),
    FOREIGN KEY (subject_code) REFERENCES subjects (code) ON DELETE CASCADE
) ${table_options};

CREATE TABLE request_types (
    code     VARCHAR(32)  PRIMARY KEY,
    label    VARCHAR(255) NOT NULL,
    position INTEGER      NOT NULL
) ${table_options};

CREATE TABLE requests (
    number           BIGINT       PRIMARY KEY,
    requester_id     VARCHAR(64)  NOT NULL,
    requester_given  VARCHAR(255) NOT NULL,
    requester_family VARCHAR(255) NOT NULL,
    establishment    CHAR(8),
    subject          VARCHAR(64)  NOT NULL,
    type             VARCHAR(32)  NOT NULL,
    summary          VARCHAR(255) NOT NULL,
    description      ${text}      NOT NULL,
    search_text      ${text}      NOT NULL,
    visibility       VARCHAR(16)  NOT NULL,
    status           VARCHAR(32)  NOT NULL,
    assigned_group   VARCHAR(32)  NOT NULL,
    assignee         VARCHAR(64),
    submitted_at     ${timestamp} NOT NULL,
    updated_at       ${timestamp} NOT NULL,
    resolved_at      ${timestamp},
    version          BIGINT       NOT NULL,
    idempotency_key  VARCHAR(64),
    CONSTRAINT requests_idempotency_key UNIQUE (requester_id, idempotency_key)
) ${table_options};
CREATE INDEX requests_mine ON requests (requester_id, submitted_at DESC, number DESC);
-- The staff queue is read one (group, status) or (assignee, status) branch at a time, each an ordered range of one
-- of these indexes; the assignee index also carries the group, so that counting the assignee's requests outside
-- their groups reads the index alone.
CREATE INDEX requests_group_queue ON requests (assigned_group, status, submitted_at DESC, number DESC);
CREATE INDEX requests_assignee_queue ON requests (assignee, status, submitted_at DESC, number DESC, assigned_group);

CREATE TABLE request_messages (
    request_number BIGINT       NOT NULL,
    position       INTEGER      NOT NULL,
    id             CHAR(36)     NOT NULL UNIQUE,
    author_id      VARCHAR(64)  NOT NULL,
    author_given   VARCHAR(255) NOT NULL,
    author_family  VARCHAR(255) NOT NULL,
    kind           VARCHAR(16)  NOT NULL,
    body           ${text}      NOT NULL,
    at             ${timestamp} NOT NULL,
    PRIMARY KEY (request_number, position),
    FOREIGN KEY (request_number) REFERENCES requests (number)
) ${table_options};

CREATE TABLE request_history (
    request_number BIGINT       NOT NULL,
    position       INTEGER      NOT NULL,
    at             ${timestamp} NOT NULL,
    by_person      VARCHAR(64)  NOT NULL,
    event          VARCHAR(32)  NOT NULL,
    from_value     VARCHAR(255),
    to_value       VARCHAR(255),
    PRIMARY KEY (request_number, position),
    FOREIGN KEY (request_number) REFERENCES requests (number)
) ${table_options};

CREATE TABLE request_attachments (
    id             CHAR(36)     PRIMARY KEY,
    request_number BIGINT       NOT NULL,
    position       INTEGER      NOT NULL,
    name           VARCHAR(255) NOT NULL,
    media_type     VARCHAR(255) NOT NULL,
    size           BIGINT       NOT NULL,
    at             ${timestamp} NOT NULL,
    UNIQUE (request_number, position),
    FOREIGN KEY (request_number) REFERENCES requests (number)
) ${table_options};

CREATE TABLE attachment_contents (
    id      CHAR(36) PRIMARY KEY,
    size    BIGINT   NOT NULL,
    content ${blob}  NOT NULL
) ${table_options};

CREATE TABLE outbox (
    seq             BIGINT       ${identity} UNIQUE,
    id              CHAR(36)     PRIMARY KEY,
    template        VARCHAR(64)  NOT NULL,
    recipient       VARCHAR(254) NOT NULL,
    recipient_name  VARCHAR(255) NOT NULL,
    request_number  BIGINT       NOT NULL,
    data            ${text}      NOT NULL,
    state           VARCHAR(16)  NOT NULL,
    attempts        INTEGER      NOT NULL,
    created_at      ${timestamp} NOT NULL,
    next_attempt_at ${timestamp} NOT NULL,
    last_error      ${text}
) ${table_options};
CREATE INDEX outbox_due ON outbox (state, next_attempt_at, seq);
CREATE INDEX outbox_failed ON outbox (state, created_at DESC);

CREATE TABLE sessions (
    token_hash CHAR(64)     PRIMARY KEY,
    person_id  VARCHAR(64)  NOT NULL,
    created_at ${timestamp} NOT NULL,
    expires_at ${timestamp} NOT NULL
) ${table_options};
CREATE INDEX sessions_by_person ON sessions (person_id);
CREATE INDEX sessions_by_expiry ON sessions (expires_at);

-- Each staff member's open requests (not resolved, not closed), kept by the request repository in the transaction
-- that opens, reassigns, resolves or reopens a request, so that routing reads one row per member instead of counting
-- the backlog.
CREATE TABLE open_request_counts (
    person_id     VARCHAR(64) PRIMARY KEY,
    open_requests BIGINT      NOT NULL
) ${table_options};

-- The stored catalog's version: one row whose stamp every replacement of the catalog sets to a new random UUID in
-- its transaction, so that a node keeping the catalog in memory knows with one read whether it is still current.
CREATE TABLE catalog_version (
    id    INTEGER     PRIMARY KEY,
    stamp VARCHAR(36) NOT NULL
) ${table_options};
INSERT INTO catalog_version (id, stamp) VALUES (1, 'initial');

-- Failed sign-ins per hashed identifier or client address, shared by every node.
CREATE TABLE sign_in_failures (
    key_hash        CHAR(64)     PRIMARY KEY,
    failures        INTEGER      NOT NULL,
    last_failure_at ${timestamp} NOT NULL
) ${table_options};
CREATE INDEX sign_in_failures_by_last ON sign_in_failures (last_failure_at);
