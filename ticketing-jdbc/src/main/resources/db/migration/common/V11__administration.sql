-- Administration (issue 16). The audit trail: one row per administrative change, with one row per field of the
-- target's snapshot before and after it (a null side: the field was not set, or the target did not exist); Guichet
-- only ever inserts into these tables, and lists entries by seq, the order of the changes. admin_hold's one row is
-- locked by every administrative change, so that they are made one at a time across nodes. settings holds what an
-- administrator changed at run time (null: not set).
CREATE TABLE audit_entries (
    seq          BIGINT       ${identity} PRIMARY KEY,
    at           ${timestamp} NOT NULL,
    by_id        VARCHAR(64)  NOT NULL,
    by_given     VARCHAR(255) NOT NULL,
    by_family    VARCHAR(255) NOT NULL,
    action       VARCHAR(64)  NOT NULL,
    target_kind  VARCHAR(32)  NOT NULL,
    target_key   VARCHAR(255) NOT NULL,
    target_label VARCHAR(255) NOT NULL
) ${table_options};

CREATE TABLE audit_fields (
    entry_seq    BIGINT      NOT NULL,
    name         VARCHAR(64) NOT NULL,
    before_value ${text},
    after_value  ${text},
    PRIMARY KEY (entry_seq, name),
    FOREIGN KEY (entry_seq) REFERENCES audit_entries (seq)
) ${table_options};

CREATE TABLE admin_hold (
    id INTEGER PRIMARY KEY
) ${table_options};
INSERT INTO admin_hold (id) VALUES (1);

CREATE TABLE settings (
    id                      INTEGER PRIMARY KEY,
    reopen_window_days      INTEGER,
    auto_close_waiting_days INTEGER,
    retention_school_years  INTEGER,
    mail_domains            VARCHAR(1000)
) ${table_options};
INSERT INTO settings (id) VALUES (1);
