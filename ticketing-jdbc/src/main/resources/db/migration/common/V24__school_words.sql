-- A search by words (issue 14) finds a request by its own text or by its school's name, commune and UAI as the
-- directory holds them. school_text is that normalised text of the school, written by Guichet at filing and by every
-- import that changes the school (JdbiEstablishmentDirectory), so that both are read from the request's row: the
-- former subquery on establishments, OR-ed with the request's text, kept PostgreSQL off its trigram index (run-20: a
-- rare name counted in a queue of 1,000,000 requests read the table, 824 ms, against 18 ms without the school arm).
ALTER TABLE requests ADD school_text VARCHAR(1000) DEFAULT '' NOT NULL;
UPDATE requests SET school_text = (SELECT e.search_text FROM establishments e WHERE e.uai = requests.establishment)
WHERE establishment IN (SELECT uai FROM establishments);
