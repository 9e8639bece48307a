-- Mail taken in (issue 17): one row per message key (the Message-ID, or a hash of a mail without one), unique across
-- nodes so that each mail is imported once: a second import breaks the unique index and is rolled back. sender_key, a
-- SHA-256 of the sender's address, counts mail per sender for the rate limit; sender, subject and body are kept only
-- for mail that went to no request (UNATTACHED, IGNORED), for staff to look at; handled_at and handled_by say who
-- filed it away. Rows are purged after a delay, except unattached mail no one has filed away. Lengths are twice the
-- characters Guichet keeps, H2 counting UTF-16 units.
CREATE TABLE inbound_mail (
    id             CHAR(36)      PRIMARY KEY,
    message_key    VARCHAR(255)  NOT NULL,
    outcome        VARCHAR(16)   NOT NULL,
    reason         VARCHAR(1000) NOT NULL,
    received_at    ${timestamp}  NOT NULL,
    request_number BIGINT,
    sender_key     CHAR(64)      NOT NULL,
    sender         VARCHAR(640),
    subject        VARCHAR(1000),
    body           ${text},
    handled_at     ${timestamp},
    handled_by     VARCHAR(64)
) ${table_options};
CREATE UNIQUE INDEX inbound_mail_by_key ON inbound_mail (message_key);
CREATE INDEX inbound_mail_by_sender ON inbound_mail (sender_key, received_at);
CREATE INDEX inbound_mail_pending ON inbound_mail (outcome, handled_at, received_at, id);
