-- Since when each request is in its status (issue 20): the time of the history entry that moved it there, or its
-- filing, so that the job closing idle requests reads those waiting for their requester or resolved since before an
-- instant as one ordered range of an index. Written by the request repository with each change; requests stored before
-- this column take it from their history.
ALTER TABLE requests ADD COLUMN status_since ${timestamp};

UPDATE requests SET status_since = COALESCE((SELECT MAX(h.at) FROM request_history h
    WHERE h.request_number = requests.number AND h.event IN ('STATUS_CHANGED', 'REOPENED')), submitted_at);

CREATE INDEX requests_by_status_since ON requests (status, status_since, number);
