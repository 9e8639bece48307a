-- The incident a request follows (issue 15): the number of another request, null for most. Resolving an incident reads
-- its followers by this column, in number order.
ALTER TABLE requests ADD COLUMN parent BIGINT;

CREATE INDEX requests_by_parent ON requests (parent, number);

ALTER TABLE requests ADD CONSTRAINT requests_parent FOREIGN KEY (parent) REFERENCES requests (number);
