-- The staff queue is read one (group, status) or (assignee, status) branch at a time, each an ordered range of
-- one of these indexes; the assignee index also carries the group, so that counting the assignee's requests outside
-- their groups reads the index alone.
DROP INDEX requests_group_queue;
CREATE INDEX requests_group_queue ON requests (assigned_group, status, submitted_at DESC, number DESC);
DROP INDEX requests_assignee_queue;
CREATE INDEX requests_assignee_queue ON requests (assignee, status, submitted_at DESC, number DESC, assigned_group);

-- Each staff member's open requests (not resolved, not closed), kept by the request repository in the
-- transaction that opens, reassigns, resolves or reopens a request, so that routing reads one row per member
-- instead of counting the backlog.
CREATE TABLE open_request_counts (
    person_id     VARCHAR(64) PRIMARY KEY,
    open_requests BIGINT      NOT NULL
);
INSERT INTO open_request_counts (person_id, open_requests)
    SELECT assignee, COUNT(*) FROM requests
    WHERE assignee IS NOT NULL AND status IN ('NEW', 'ASSIGNED', 'IN_PROGRESS', 'WAITING_FOR_REQUESTER')
    GROUP BY assignee;

