-- A staff queue sorted by its last change (issue 14) reads each (group, status) and (assignee, status) branch as an
-- ordered range of these indexes, as it reads those sorted by filing date through the indexes of V1.
CREATE INDEX requests_group_queue_updated ON requests (assigned_group, status, updated_at DESC, number DESC);
CREATE INDEX requests_assignee_queue_updated ON requests (assignee, status, updated_at DESC, number DESC,
    assigned_group);
