-- Each subject's routing (issue 14): GROUP_QUEUE (a new request waits, NEW, in its group's queue until someone takes
-- it) or FEWEST_OPEN (it goes straight to the member with the fewest open requests); NULL inherits the parent's, and a
-- root without one routes FEWEST_OPEN, as every subject did before this column.
ALTER TABLE subjects ADD COLUMN routing VARCHAR(16);
