-- Files attached to a message (a photo of a bill, a doctor's note, a
-- lease): PDF, JPEG or PNG, at most 10 MB, photos re-encoded without their
-- metadata. Kept in the database, written in the message's transaction, so
-- a crash leaves no orphan file and a backup or an export holds them all.
-- Immutable, as the message is.
CREATE TABLE attachment (
    id           INTEGER PRIMARY KEY,
    message_id   INTEGER NOT NULL REFERENCES message(id),
    citizen_id   INTEGER NOT NULL REFERENCES person(id),
    file_name    TEXT NOT NULL,
    content_type TEXT NOT NULL CHECK (content_type IN ('application/pdf', 'image/jpeg', 'image/png')),
    size_bytes   INTEGER NOT NULL CHECK (size_bytes > 0 AND size_bytes <= 10485760),
    data         BLOB NOT NULL,
    created_at   INTEGER NOT NULL
);
CREATE INDEX attachment_message ON attachment (message_id);
CREATE INDEX attachment_citizen ON attachment (citizen_id);
