-- Guichet schema for H2. Times are UTC, without a zone; identifiers of attachments and outbox entries are
-- UUIDs in text form.

CREATE SEQUENCE request_number START WITH 1 INCREMENT BY 1 NO CYCLE;

CREATE TABLE support_groups (
    code  VARCHAR(32)  PRIMARY KEY,
    label VARCHAR(255) NOT NULL
);

CREATE TABLE people (
    id            VARCHAR(64)  PRIMARY KEY,
    email         VARCHAR(254) NOT NULL,
    given_name    VARCHAR(255) NOT NULL,
    family_name   VARCHAR(255) NOT NULL,
    establishment CHAR(8),
    active        BOOLEAN      NOT NULL
);

CREATE TABLE person_roles (
    person_id VARCHAR(64) NOT NULL,
    role      VARCHAR(16) NOT NULL,
    PRIMARY KEY (person_id, role),
    FOREIGN KEY (person_id) REFERENCES people (id) ON DELETE CASCADE
);

CREATE TABLE person_groups (
    person_id  VARCHAR(64) NOT NULL,
    group_code VARCHAR(32) NOT NULL,
    PRIMARY KEY (person_id, group_code),
    FOREIGN KEY (person_id) REFERENCES people (id) ON DELETE CASCADE
);
CREATE INDEX person_groups_by_group ON person_groups (group_code, person_id);

CREATE TABLE local_accounts (
    person_id     VARCHAR(64)  PRIMARY KEY,
    password_hash VARCHAR(255) NOT NULL
);

CREATE TABLE subjects (
    code          VARCHAR(64)  PRIMARY KEY,
    label         VARCHAR(255) NOT NULL,
    active        BOOLEAN      NOT NULL,
    support_group VARCHAR(32)
);

CREATE TABLE subject_specialists (
    subject_code VARCHAR(64) NOT NULL,
    position     INTEGER     NOT NULL,
    person_id    VARCHAR(64) NOT NULL,
    PRIMARY KEY (subject_code, position),
    FOREIGN KEY (subject_code) REFERENCES subjects (code) ON DELETE CASCADE
);

CREATE TABLE request_types (
    code     VARCHAR(32)  PRIMARY KEY,
    label    VARCHAR(255) NOT NULL,
    position INTEGER      NOT NULL
);

CREATE TABLE requests (
    number           BIGINT       PRIMARY KEY,
    requester_id     VARCHAR(64)  NOT NULL,
    requester_given  VARCHAR(255) NOT NULL,
    requester_family VARCHAR(255) NOT NULL,
    establishment    CHAR(8),
    subject          VARCHAR(64)  NOT NULL,
    type             VARCHAR(32)  NOT NULL,
    summary          VARCHAR(255) NOT NULL,
    description      VARCHAR(1000000)         NOT NULL,
    search_text      VARCHAR(1000000)         NOT NULL,
    visibility       VARCHAR(16)  NOT NULL,
    status           VARCHAR(32)  NOT NULL,
    assigned_group   VARCHAR(32)  NOT NULL,
    assignee         VARCHAR(64),
    submitted_at     TIMESTAMP(6) NOT NULL,
    updated_at       TIMESTAMP(6) NOT NULL,
    resolved_at      TIMESTAMP(6),
    version          BIGINT       NOT NULL,
    idempotency_key  VARCHAR(64),
    CONSTRAINT requests_idempotency_key UNIQUE (requester_id, idempotency_key)
);
CREATE INDEX requests_mine ON requests (requester_id, submitted_at DESC, number DESC);
CREATE INDEX requests_group_queue ON requests (assigned_group, status, submitted_at DESC);
CREATE INDEX requests_assignee_queue ON requests (assignee, status, submitted_at DESC);

CREATE TABLE request_messages (
    request_number BIGINT       NOT NULL,
    position       INTEGER      NOT NULL,
    id             CHAR(36)     NOT NULL UNIQUE,
    author_id      VARCHAR(64)  NOT NULL,
    author_given   VARCHAR(255) NOT NULL,
    author_family  VARCHAR(255) NOT NULL,
    kind           VARCHAR(16)  NOT NULL,
    body           VARCHAR(1000000)         NOT NULL,
    at             TIMESTAMP(6) NOT NULL,
    PRIMARY KEY (request_number, position),
    FOREIGN KEY (request_number) REFERENCES requests (number)
);

CREATE TABLE request_history (
    request_number BIGINT       NOT NULL,
    position       INTEGER      NOT NULL,
    at             TIMESTAMP(6) NOT NULL,
    by_person      VARCHAR(64)  NOT NULL,
    event          VARCHAR(32)  NOT NULL,
    from_value     VARCHAR(255),
    to_value       VARCHAR(255),
    PRIMARY KEY (request_number, position),
    FOREIGN KEY (request_number) REFERENCES requests (number)
);

CREATE TABLE request_attachments (
    id             CHAR(36)     PRIMARY KEY,
    request_number BIGINT       NOT NULL,
    position       INTEGER      NOT NULL,
    name           VARCHAR(255) NOT NULL,
    media_type     VARCHAR(255) NOT NULL,
    size           BIGINT       NOT NULL,
    at             TIMESTAMP(6) NOT NULL,
    UNIQUE (request_number, position),
    FOREIGN KEY (request_number) REFERENCES requests (number)
);

CREATE TABLE attachment_contents (
    id      CHAR(36) PRIMARY KEY,
    size    BIGINT   NOT NULL,
    content BLOB    NOT NULL
);

CREATE TABLE outbox (
    seq             BIGINT       GENERATED ALWAYS AS IDENTITY UNIQUE,
    id              CHAR(36)     PRIMARY KEY,
    template        VARCHAR(64)  NOT NULL,
    recipient       VARCHAR(254) NOT NULL,
    recipient_name  VARCHAR(255) NOT NULL,
    request_number  BIGINT       NOT NULL,
    data            VARCHAR(1000000)         NOT NULL,
    state           VARCHAR(16)  NOT NULL,
    attempts        INTEGER      NOT NULL,
    created_at      TIMESTAMP(6) NOT NULL,
    next_attempt_at TIMESTAMP(6) NOT NULL,
    last_error      VARCHAR(1000000)
);
CREATE INDEX outbox_due ON outbox (state, next_attempt_at, seq);
CREATE INDEX outbox_failed ON outbox (state, created_at DESC);

CREATE TABLE sessions (
    token_hash CHAR(64)     PRIMARY KEY,
    person_id  VARCHAR(64)  NOT NULL,
    created_at TIMESTAMP(6) NOT NULL,
    expires_at TIMESTAMP(6) NOT NULL
);
CREATE INDEX sessions_by_person ON sessions (person_id);
CREATE INDEX sessions_by_expiry ON sessions (expires_at);
