-- SMS notices, quiet hours and reminders (the SMS issue): a confirmed mobile
-- number beside the e-mail address, the kinds not wanted by SMS, the SMS
-- throttle's reservation, and outbox rows that go by SMS or remind of an
-- appointment or a meetup the day before.
ALTER TABLE outbox DROP CONSTRAINT outbox_channel_check;
ALTER TABLE outbox ADD CONSTRAINT outbox_channel_check CHECK (channel IN ('email', 'sms'));
-- A reminder: the appointment's or meetup's id, and the start it reminds of
-- (a moved one gets its reminder re-dated; one that no longer starts then is
-- skipped when due).
ALTER TABLE outbox ADD COLUMN object_id BIGINT;
ALTER TABLE outbox ADD COLUMN object_starts_at BIGINT;
-- At most one waiting reminder per person, channel and appointment or meetup:
-- a double tap, a second server or a sign-up again writes none twice.
CREATE UNIQUE INDEX outbox_reminder ON outbox (kind, object_id, person_id, channel)
    WHERE object_id IS NOT NULL AND sent_at IS NULL AND skipped_at IS NULL AND failed_at IS NULL;

-- The confirmed mobile number (+45 and 8 digits), and one waiting for its
-- 6-digit code, kept apart from the e-mail's code.
ALTER TABLE contact ADD COLUMN phone TEXT;
ALTER TABLE contact ADD COLUMN phone_confirmed_at BIGINT;
ALTER TABLE contact ADD COLUMN pending_phone TEXT;
ALTER TABLE contact ADD COLUMN phone_code_hash TEXT;
ALTER TABLE contact ADD COLUMN phone_code_expires_at BIGINT;
ALTER TABLE contact ADD COLUMN phone_code_tries BIGINT NOT NULL DEFAULT 0;
ALTER TABLE contact ADD COLUMN phone_code_sends BIGINT NOT NULL DEFAULT 0;
ALTER TABLE contact ADD COLUMN phone_code_window_at BIGINT;
-- Kinds not wanted by SMS, comma separated (empty: all), as `muted` is for e-mail.
ALTER TABLE contact ADD COLUMN sms_muted TEXT NOT NULL DEFAULT '';
-- The SMS throttle's reservation, as email_notice_at/_row for e-mail.
ALTER TABLE contact ADD COLUMN sms_notice_at BIGINT;
ALTER TABLE contact ADD COLUMN sms_notice_row BIGINT;
