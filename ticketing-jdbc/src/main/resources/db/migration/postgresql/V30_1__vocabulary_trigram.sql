-- The vocabulary of the index of words (V29, V30) is read by the words holding a searched one: a LIKE '%word%' that
-- its trigram index answers however many words an académie's requests hold.
CREATE INDEX search_words_trigram ON search_words USING gin (word gin_trgm_ops);
