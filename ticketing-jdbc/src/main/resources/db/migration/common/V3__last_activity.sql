-- Who acted on each request last (issue 14): its requester (filing, following up, reopening) or a staff member (any
-- other move), and when, so that a list shows it and keeps those awaiting the staff in the same indexed query. Written
-- by the request repository with each change; requests stored before this column take the author of their last
-- history entry, at their last update.
ALTER TABLE requests ADD COLUMN last_activity_at ${timestamp};
ALTER TABLE requests ADD COLUMN last_activity_by VARCHAR(64);
ALTER TABLE requests ADD COLUMN last_activity_staff BOOLEAN;

UPDATE requests SET last_activity_at = updated_at,
    last_activity_by = COALESCE((SELECT h.by_person FROM request_history h
        WHERE h.request_number = requests.number
        AND h.position = (SELECT MAX(l.position) FROM request_history l WHERE l.request_number = requests.number)),
        requester_id);
UPDATE requests SET last_activity_staff = CASE WHEN last_activity_by = requester_id THEN FALSE ELSE TRUE END;
