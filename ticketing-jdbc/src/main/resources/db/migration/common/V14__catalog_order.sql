-- Administration of the catalog (issue 16). A subject's position orders it among its siblings (lower first, equal
-- positions by code): 0 for every subject stored before, so that they keep the order of their codes until an
-- administrator moves one. A request type may be deactivated: no longer offered to new requests, its label still shown
-- on the requests filed with it.
ALTER TABLE subjects ADD COLUMN position INTEGER DEFAULT 0 NOT NULL;
ALTER TABLE request_types ADD COLUMN active BOOLEAN DEFAULT TRUE NOT NULL;
