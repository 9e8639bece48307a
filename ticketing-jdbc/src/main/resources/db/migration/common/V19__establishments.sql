-- Establishments (issue 19): the national directory of schools, one row per UAI, imported from its CSV export.
-- department is the code as the directory writes it without its padding zero ("77", "2A", "971"); name_key, the
-- normalised name, orders lists; search_text, the normalised name, commune and UAI, is what a search looks into,
-- both written by Guichet so that every database compares alike. Lengths are twice the characters Guichet keeps,
-- H2 counting UTF-16 units. Requests are listed by establishment through requests_by_establishment.
CREATE TABLE establishments (
    uai         CHAR(8)       PRIMARY KEY,
    name        VARCHAR(400)  NOT NULL,
    kind        VARCHAR(200),
    commune     VARCHAR(200),
    department  VARCHAR(3)    NOT NULL,
    name_key    VARCHAR(400)  NOT NULL,
    search_text VARCHAR(1000) NOT NULL
) ${table_options};
CREATE INDEX establishments_by_name ON establishments (name_key, uai);
CREATE INDEX establishments_by_department ON establishments (department, uai);
CREATE INDEX requests_by_establishment ON requests (establishment, submitted_at DESC, number DESC);
