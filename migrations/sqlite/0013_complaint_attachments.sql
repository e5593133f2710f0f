-- A complaint may carry files, as a message may (the decisions issue): an
-- attachment belongs to exactly one message or one complaint, written in
-- that one's transaction. SQLite cannot drop a NOT NULL, so the table is
-- rebuilt with its rows and ids kept (nothing refers to it).
CREATE TABLE attachment_new (
    id           INTEGER PRIMARY KEY,
    message_id   INTEGER REFERENCES message(id),
    complaint_id INTEGER REFERENCES complaint(id),
    citizen_id   INTEGER NOT NULL REFERENCES person(id),
    file_name    TEXT NOT NULL,
    content_type TEXT NOT NULL CHECK (content_type IN ('application/pdf', 'image/jpeg', 'image/png')),
    size_bytes   INTEGER NOT NULL CHECK (size_bytes > 0 AND size_bytes <= 10485760),
    data         BLOB NOT NULL,
    created_at   INTEGER NOT NULL,
    CHECK ((message_id IS NULL) <> (complaint_id IS NULL))
);
INSERT INTO attachment_new (id, message_id, citizen_id, file_name, content_type, size_bytes, data, created_at)
    SELECT id, message_id, citizen_id, file_name, content_type, size_bytes, data, created_at FROM attachment;
DROP TABLE attachment;
ALTER TABLE attachment_new RENAME TO attachment;
CREATE INDEX attachment_message ON attachment (message_id);
CREATE INDEX attachment_citizen ON attachment (citizen_id);
CREATE INDEX attachment_complaint ON attachment (complaint_id);
