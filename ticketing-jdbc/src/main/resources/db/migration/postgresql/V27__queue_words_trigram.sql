-- A word searched in a staff queue (issue 14) is read from the queue's part of the trigram indexes: each also keys the
-- request's group and assignee (btree_gin; a NULL assignee is indexed and matches no person), so that "in one of my
-- groups or mine, and holding the word" is an index read per arm. With the words alone (V1_1, V24_1), proving that a
-- family name has few or no matches in a queue read every request holding it (run-22: 6,700 heap rows, 52 ms, among
-- 1,000,000 requests). A search of every request reads the same indexes by their words alone, so they replace V1_1's
-- and V24_1's instead of adding to them.
CREATE EXTENSION IF NOT EXISTS btree_gin;
DROP INDEX requests_words;
DROP INDEX requests_school_words;
CREATE INDEX requests_words ON requests USING gin (assigned_group, assignee, search_text gin_trgm_ops);
CREATE INDEX requests_school_words ON requests USING gin (assigned_group, assignee, school_text gin_trgm_ops);
