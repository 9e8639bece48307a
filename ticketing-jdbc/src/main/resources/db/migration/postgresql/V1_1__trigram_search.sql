-- Word searches (search_text LIKE '%…%') read a trigram index on PostgreSQL; H2 and MariaDB have no such index.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE INDEX requests_words ON requests USING gin (search_text gin_trgm_ops);
