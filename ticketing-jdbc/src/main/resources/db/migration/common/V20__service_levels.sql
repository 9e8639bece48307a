-- Service levels and satisfaction (issue 19).
-- Each subject's targets in working hours of the school calendar, for the first staff answer and for the resolution;
-- NULL inherits the parent's, and a root without one has no target.
ALTER TABLE subjects ADD COLUMN first_answer_hours INTEGER;
ALTER TABLE subjects ADD COLUMN resolution_hours INTEGER;

-- first_answer_at: when the staff first posted a public answer (null until then). first_answer_due and resolution_due:
-- by when the subject's targets want them, computed at filing (null when the subject has no such target); the
-- resolution due moves later by the working time a request spends waiting on its requester or resolved before it is
-- reopened. due_order: the earliest due still to meet, by which the queue sorts; 9999-12-31 when none is (no target,
-- targets met, waiting on the requester, resolved or closed), so that the three databases order it alike and read it
-- as one ordered range of the indexes below. Written by the request repository with each change.
ALTER TABLE requests ADD COLUMN first_answer_at ${timestamp};
ALTER TABLE requests ADD COLUMN first_answer_due ${timestamp};
ALTER TABLE requests ADD COLUMN resolution_due ${timestamp};
ALTER TABLE requests ADD COLUMN due_order ${timestamp} DEFAULT TIMESTAMP '9999-12-31 00:00:00' NOT NULL;

-- Requests stored before this migration take their first answer from their messages: the first public answer whose
-- author is not Guichet itself (its automatic resolution of a request left waiting is no staff answer).
UPDATE requests SET first_answer_at = (SELECT MIN(m.at) FROM request_messages m
    WHERE m.request_number = requests.number AND m.kind = 'PUBLIC_ANSWER' AND m.author_id <> '$guichet');

CREATE INDEX requests_group_queue_due ON requests (assigned_group, status, due_order, number);
CREATE INDEX requests_assignee_queue_due ON requests (assignee, status, due_order, number, assigned_group);

-- One answer per request to the satisfaction survey of its resolution mail: the primary key makes the survey's link
-- single use. The comment is the requester's text, blanked by anonymisation; the score stays for the figures.
CREATE TABLE satisfaction_answers (
    request_number BIGINT       PRIMARY KEY,
    score          INTEGER      NOT NULL,
    comment        ${text},
    answered_at    ${timestamp} NOT NULL,
    FOREIGN KEY (request_number) REFERENCES requests (number)
) ${table_options};
