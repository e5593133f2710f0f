-- One conversation per citizen with their caseworker. The message table of
-- 0001 (never used until now) gains who read a message; a thread can be
-- marked done by the caseworker (a newer message from the citizen reopens
-- it, so nothing is written on reopening). The hourly limit of messages per
-- citizen is a municipality setting.
ALTER TABLE message ADD COLUMN read_by INTEGER REFERENCES person(id);
CREATE INDEX message_unread ON message (citizen_id, read_at);

CREATE TABLE conversation (
    citizen_id INTEGER PRIMARY KEY REFERENCES person(id),
    closed_at  INTEGER NOT NULL,
    closed_by  INTEGER NOT NULL REFERENCES person(id)
);

INSERT INTO setting (key, value) VALUES ('messages_per_hour', '30');
