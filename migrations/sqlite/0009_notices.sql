-- Notices outside the portal (the e-mail notices issue): a person's contact
-- settings and a durable outbox, written in the same transaction as the
-- event it tells of.

-- One row per person who has asked for notices. `email` is the confirmed
-- address; a new address waits in `pending_email` until the 6-digit code
-- sent to it (kept only as a hash) is typed in.
CREATE TABLE contact (
    person_id          INTEGER PRIMARY KEY REFERENCES person(id),
    email              TEXT,
    email_confirmed_at INTEGER,
    pending_email      TEXT,
    code_hash          TEXT,
    code_expires_at    INTEGER,
    code_tries         INTEGER NOT NULL DEFAULT 0,
    -- Kinds of event not wanted, comma separated (empty: all).
    muted              TEXT NOT NULL DEFAULT '',
    -- One-click unsubscribe: no notices at all until asked for again.
    unsubscribed_at    INTEGER,
    updated_at         INTEGER NOT NULL
);

-- One notice to send. Claimed by a worker with a lease (`claimed_until`);
-- an expired lease makes it claimable again. Ends sent, skipped (with why:
-- seen in the portal, throttled, no address, not wanted) or failed after a
-- day of retries (with the reason).
CREATE TABLE outbox (
    id              INTEGER PRIMARY KEY,
    person_id       INTEGER NOT NULL REFERENCES person(id),
    channel         TEXT NOT NULL CHECK (channel IN ('email')),
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
    last_error      TEXT
);
CREATE INDEX outbox_due ON outbox (not_before, id) WHERE sent_at IS NULL AND skipped_at IS NULL AND failed_at IS NULL;
CREATE INDEX outbox_person ON outbox (person_id, channel, sent_at);

-- Nothing is sent if the notice was seen in the portal within the grace
-- period; at most one notice per person and channel per throttle period.
INSERT INTO setting (key, value) VALUES ('notice_grace_seconds', '900');
INSERT INTO setting (key, value) VALUES ('notice_throttle_seconds', '10800');
