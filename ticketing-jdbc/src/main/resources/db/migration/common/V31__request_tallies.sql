-- How many requests hold each combination of what a queue's counts and totals read (issue 14: the worklist's counts
-- on H2 read each branch to its cap, 10,001 index entries, at 1M requests): group, assignee ('' when none), status and
-- the two flags counted. The request repository keeps it in the transaction that files or changes a request, rows
-- touched in key order; anonymising a staff member moves their rows to the placeholder. A queue's counts read the rows
-- of its groups and of its person, however many requests the years pile up.
CREATE TABLE request_tallies (
    assigned_group      VARCHAR(32) NOT NULL,
    assignee            VARCHAR(64) NOT NULL,
    status              VARCHAR(32) NOT NULL,
    last_activity_staff BOOLEAN     NOT NULL,
    reopened            BOOLEAN     NOT NULL,
    requests            BIGINT      NOT NULL,
    PRIMARY KEY (assigned_group, assignee, status, last_activity_staff, reopened)
) ${table_options};
CREATE INDEX request_tallies_by_assignee ON request_tallies (assignee, assigned_group);

INSERT INTO request_tallies (assigned_group, assignee, status, last_activity_staff, reopened, requests)
SELECT assigned_group, COALESCE(assignee, ''), status, COALESCE(last_activity_staff, FALSE), reopened, COUNT(*)
FROM requests GROUP BY assigned_group, COALESCE(assignee, ''), status, COALESCE(last_activity_staff, FALSE), reopened;
