-- The support groups' canned answers ("réponses types", issue 15): a title and a text with placeholders, each row
-- changed only from the version its writer read.
CREATE TABLE canned_answers (
    id         CHAR(36)     PRIMARY KEY,
    group_code VARCHAR(32)  NOT NULL,
    title      VARCHAR(255) NOT NULL,
    body       ${text}      NOT NULL,
    version    BIGINT       NOT NULL
) ${table_options};
CREATE INDEX canned_answers_by_group ON canned_answers (group_code);
