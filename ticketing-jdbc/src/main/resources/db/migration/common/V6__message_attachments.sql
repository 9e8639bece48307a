-- Files posted with a message (issue 15): a row of request_attachments names the message it came with, or none for a
-- file filed with the request.
ALTER TABLE request_attachments ADD COLUMN message_id CHAR(36);

ALTER TABLE request_attachments ADD CONSTRAINT request_attachments_message
    FOREIGN KEY (message_id) REFERENCES request_messages (id);
