-- Whether a request came back from RESOLVED once at least (issue 14), so that the queue's "Rouvertes" view reads it in
-- the same indexed query as its other filters. Written by the request repository with each change; a node of an earlier
-- version leaves it as it is. Requests stored before this column take it from their history.
ALTER TABLE requests ADD COLUMN reopened BOOLEAN DEFAULT FALSE NOT NULL;

UPDATE requests SET reopened = TRUE WHERE EXISTS (SELECT 1 FROM request_history h
    WHERE h.request_number = requests.number AND h.event = 'STATUS_CHANGED' AND h.from_value = 'RESOLVED'
    AND h.to_value <> 'CLOSED');
