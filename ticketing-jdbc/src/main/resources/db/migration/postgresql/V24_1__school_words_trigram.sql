-- The school's words of a request (V24) read from a trigram index, as its own words are (V1_1): a word searched is
-- then two index reads OR-ed (a BitmapOr), never a scan of the table.
CREATE INDEX requests_school_words ON requests USING gin (school_text gin_trgm_ops);
