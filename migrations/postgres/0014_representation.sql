-- Representatives (the representatives issue): a bisidder or a fuldmægtig
-- acts for a citizen within scopes, for a limited time, with their own login.
-- An invitation is a row with a code (kept only as a hash) and no helper yet;
-- redeeming it sets the helper and the period in one conditional UPDATE, so a
-- code is used once however many try at the same moment. Ending it (the
-- citizen, the caseworker) sets ended_at; the end date ends it by itself.
CREATE TABLE representation (
    id              BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    citizen_id      BIGINT NOT NULL REFERENCES person(id),
    helper_id       BIGINT REFERENCES person(id),
    kind            TEXT NOT NULL CHECK (kind IN ('bisidder', 'fuldmaegtig')),
    -- Comma-separated: see, write, money, meetups (money only for a fuldmægtig).
    scopes          TEXT NOT NULL,
    months          BIGINT NOT NULL CHECK (months BETWEEN 1 AND 24),
    created_at      BIGINT NOT NULL,
    created_by      BIGINT NOT NULL REFERENCES person(id),
    code_hash       TEXT UNIQUE,
    code_expires_at BIGINT,
    starts_at       BIGINT,
    ends_at         BIGINT,
    ended_at        BIGINT,
    ended_by        BIGINT REFERENCES person(id),
    end_reason      TEXT,
    -- A paper power of attorney registered by the caseworker: the helper's
    -- name as written, and their CPR number as a hash, matched at their first
    -- login with MitID.
    helper_name     TEXT,
    helper_cpr_hash TEXT,
    -- The caseworker's message in the citizen's conversation that carries
    -- the signed paper (the conversation's file handling).
    paper_message_id BIGINT REFERENCES message(id),
    -- Which notices about it were written (start, 14 days before the end, end).
    notified        TEXT NOT NULL DEFAULT '',
    CHECK (helper_id IS NULL OR helper_id <> citizen_id),
    CHECK ((starts_at IS NULL) = (ends_at IS NULL)),
    CHECK (kind = 'fuldmaegtig' OR ',' || scopes || ',' NOT LIKE '%,money,%')
);
CREATE INDEX representation_citizen ON representation (citizen_id, created_at);
CREATE INDEX representation_helper ON representation (helper_id);
-- A login looks for paper powers of attorney naming the person; the
-- periodic round for accesses ending soon or by their date.
CREATE INDEX representation_paper ON representation (helper_cpr_hash) WHERE helper_id IS NULL;
CREATE INDEX representation_running ON representation (ends_at) WHERE ended_at IS NULL AND helper_id IS NOT NULL;

-- A code typed wrong: five within 15 minutes lock the person out for the rest of them.
CREATE TABLE representation_attempt (
    id        BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    person_id BIGINT NOT NULL REFERENCES person(id),
    at        BIGINT NOT NULL
);
CREATE INDEX representation_attempt_person ON representation_attempt (person_id, at);

-- Who acted for the citizen, when a helper did: "Ole Berg (fuldmægtig) for Mette Hansen".
ALTER TABLE plan_event ADD COLUMN helper_id BIGINT REFERENCES person(id);
ALTER TABLE plan_event ADD COLUMN helper_kind TEXT;
-- Who wrote a message or asked for money for the citizen (the citizen is the sender).
ALTER TABLE message ADD COLUMN helper_id BIGINT REFERENCES person(id);
ALTER TABLE spending_request ADD COLUMN helper_id BIGINT REFERENCES person(id);
