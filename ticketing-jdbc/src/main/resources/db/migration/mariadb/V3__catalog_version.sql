-- The stored catalog's version: one row whose stamp every replacement of the catalog sets to a new random UUID in
-- its transaction, so that a node keeping the catalog in memory knows with one read whether it is still current.

CREATE TABLE catalog_version (
    id    INTEGER     PRIMARY KEY,
    stamp VARCHAR(36) NOT NULL
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

INSERT INTO catalog_version (id, stamp) VALUES (1, 'initial');
