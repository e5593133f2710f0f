-- SMS notices, quiet hours and reminders (the SMS issue): a confirmed mobile
-- number beside the e-mail address, the kinds not wanted by SMS, the SMS
-- throttle's reservation, and outbox rows that go by SMS or remind of an
-- appointment or a meetup the day before.
--
-- The outbox's CHECK on channel gains 'sms': SQLite rebuilds the table
-- (migrations/README.md), inside sqlx's transaction. Nothing refers to
-- outbox, so dropping it with foreign keys on deletes no one's reference.
CREATE TABLE outbox_new (
    id              INTEGER PRIMARY KEY,
    person_id       INTEGER NOT NULL REFERENCES person(id),
    channel         TEXT NOT NULL CHECK (channel IN ('email', 'sms')),
    kind            TEXT NOT NULL,
    notification_id INTEGER REFERENCES notification(id),
    created_at      INTEGER NOT NULL,
    not_before      INTEGER NOT NULL,
    attempts        INTEGER NOT NULL DEFAULT 0,
    claimed_by      TEXT,
    claimed_until   INTEGER,
    sent_at         INTEGER,
    skipped_at      INTEGER,
    skip_reason     TEXT,
    failed_at       INTEGER,
    last_error      TEXT,
    -- A reminder: the appointment's or meetup's id, and the start it reminds
    -- of (a moved one gets its reminder re-dated; one that no longer starts
    -- then is skipped when due).
    object_id        INTEGER,
    object_starts_at INTEGER
);
INSERT INTO outbox_new (id, person_id, channel, kind, notification_id, created_at, not_before, attempts, claimed_by,
                        claimed_until, sent_at, skipped_at, skip_reason, failed_at, last_error)
    SELECT id, person_id, channel, kind, notification_id, created_at, not_before, attempts, claimed_by,
           claimed_until, sent_at, skipped_at, skip_reason, failed_at, last_error FROM outbox;
DROP TABLE outbox;
ALTER TABLE outbox_new RENAME TO outbox;
CREATE INDEX outbox_due ON outbox (not_before, id) WHERE sent_at IS NULL AND skipped_at IS NULL AND failed_at IS NULL;
CREATE INDEX outbox_person ON outbox (person_id, channel, sent_at);
-- At most one waiting reminder per person, channel and appointment or meetup:
-- a double tap, a second server or a sign-up again writes none twice.
CREATE UNIQUE INDEX outbox_reminder ON outbox (kind, object_id, person_id, channel)
    WHERE object_id IS NOT NULL AND sent_at IS NULL AND skipped_at IS NULL AND failed_at IS NULL;

-- The confirmed mobile number (+45 and 8 digits), and one waiting for its
-- 6-digit code, kept apart from the e-mail's code.
ALTER TABLE contact ADD COLUMN phone TEXT;
ALTER TABLE contact ADD COLUMN phone_confirmed_at INTEGER;
ALTER TABLE contact ADD COLUMN pending_phone TEXT;
ALTER TABLE contact ADD COLUMN phone_code_hash TEXT;
ALTER TABLE contact ADD COLUMN phone_code_expires_at INTEGER;
ALTER TABLE contact ADD COLUMN phone_code_tries INTEGER NOT NULL DEFAULT 0;
ALTER TABLE contact ADD COLUMN phone_code_sends INTEGER NOT NULL DEFAULT 0;
ALTER TABLE contact ADD COLUMN phone_code_window_at INTEGER;
-- Kinds not wanted by SMS, comma separated (empty: all), as `muted` is for e-mail.
ALTER TABLE contact ADD COLUMN sms_muted TEXT NOT NULL DEFAULT '';
-- The SMS throttle's reservation, as email_notice_at/_row for e-mail.
ALTER TABLE contact ADD COLUMN sms_notice_at INTEGER;
ALTER TABLE contact ADD COLUMN sms_notice_row INTEGER;
