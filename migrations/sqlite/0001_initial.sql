-- Én Plan schema, SQLite. Same tables, columns and meaning as
-- migrations/postgres/0001_initial.sql.
-- Timestamps: INTEGER milliseconds since the Unix epoch, UTC (shown in
-- Europe/Copenhagen). Money: INTEGER øre. Ids: INTEGER.

-- Everyone who can log in or be talked about: citizens, staff, hosts.
CREATE TABLE person (
    id           INTEGER PRIMARY KEY,
    subject      TEXT UNIQUE,          -- identity provider `sub`; NULL until first login
    cpr          TEXT UNIQUE,          -- citizens only; never logged, never shown to hosts
    full_name    TEXT NOT NULL,
    display_name TEXT,                 -- chosen name shown in network groups
    created_at   INTEGER NOT NULL
);

-- Roles come from here, never from an identity token's claims.
CREATE TABLE role_grant (
    person_id  INTEGER NOT NULL REFERENCES person(id),
    role       TEXT NOT NULL CHECK (role IN ('caseworker', 'admin', 'host')),
    granted_at INTEGER NOT NULL,
    PRIMARY KEY (person_id, role)
);

CREATE TABLE staff_profile (
    person_id   INTEGER PRIMARY KEY REFERENCES person(id),
    job_title   TEXT NOT NULL,
    phone       TEXT NOT NULL,
    email       TEXT NOT NULL,
    reach_hours TEXT NOT NULL,          -- how and when to reach them, in plain words
    office      TEXT NOT NULL
);

-- Where a caseworker can be met outside the town hall (fremskudt sagsbehandling).
CREATE TABLE outreach_hours (
    id          INTEGER PRIMARY KEY,
    staff_id    INTEGER NOT NULL REFERENCES person(id),
    weekday     INTEGER NOT NULL CHECK (weekday BETWEEN 1 AND 7),   -- 1 = Monday
    from_minute INTEGER NOT NULL CHECK (from_minute BETWEEN 0 AND 1439),
    to_minute   INTEGER NOT NULL CHECK (to_minute BETWEEN 1 AND 1440 AND to_minute > from_minute),
    place       TEXT NOT NULL,
    address     TEXT NOT NULL
);

-- One primary caseworker and at most one stand-in per citizen at a time;
-- ended rows are the history ("caseworkers in the last 12 months").
CREATE TABLE caseworker_assignment (
    id         INTEGER PRIMARY KEY,
    citizen_id INTEGER NOT NULL REFERENCES person(id),
    staff_id   INTEGER NOT NULL REFERENCES person(id),
    kind       TEXT NOT NULL CHECK (kind IN ('primary', 'standin')),
    from_at    INTEGER NOT NULL,
    to_at      INTEGER,
    CHECK (citizen_id <> staff_id)
);
CREATE UNIQUE INDEX caseworker_assignment_one_active
    ON caseworker_assignment (citizen_id, kind) WHERE to_at IS NULL;
CREATE INDEX caseworker_assignment_staff ON caseworker_assignment (staff_id) WHERE to_at IS NULL;

-- One plan per citizen.
CREATE TABLE plan (
    id         INTEGER PRIMARY KEY,
    citizen_id INTEGER NOT NULL UNIQUE REFERENCES person(id),
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL
);

CREATE TABLE goal (
    id              INTEGER PRIMARY KEY,
    plan_id         INTEGER NOT NULL REFERENCES plan(id),
    title           TEXT NOT NULL,
    why             TEXT,
    first_step      TEXT,
    status          TEXT NOT NULL CHECK (status IN ('proposed', 'adjusted', 'accepted', 'declined', 'withdrawn', 'achieved')),
    suggested_title TEXT,               -- the caseworker's adjusted wording, while status = 'adjusted'
    proposed_by     TEXT NOT NULL CHECK (proposed_by IN ('citizen', 'staff')),
    created_at      INTEGER NOT NULL,
    updated_at      INTEGER NOT NULL
);
CREATE INDEX goal_plan ON goal (plan_id);

CREATE TABLE activity (
    id          INTEGER PRIMARY KEY,
    plan_id     INTEGER NOT NULL REFERENCES plan(id),
    department  TEXT NOT NULL CHECK (department IN ('job', 'social', 'health', 'housing', 'education', 'economy', 'family')),
    title       TEXT NOT NULL,
    responsible TEXT NOT NULL,
    status      TEXT NOT NULL CHECK (status IN ('planned', 'active', 'done', 'stopped')),
    updated_at  INTEGER NOT NULL
);
CREATE INDEX activity_plan ON activity (plan_id);

CREATE TABLE appointment (
    id               INTEGER PRIMARY KEY,
    plan_id          INTEGER NOT NULL REFERENCES plan(id),
    starts_at        INTEGER NOT NULL,
    duration_minutes INTEGER NOT NULL CHECK (duration_minutes > 0),
    place            TEXT NOT NULL,
    address          TEXT NOT NULL,
    outreach         INTEGER NOT NULL CHECK (outreach IN (0, 1)),
    note             TEXT,
    cancelled_at     INTEGER
);
CREATE INDEX appointment_plan ON appointment (plan_id, starts_at);

CREATE TABLE meeting_note (
    id         INTEGER PRIMARY KEY,
    plan_id    INTEGER NOT NULL REFERENCES plan(id),
    staff_id   INTEGER NOT NULL REFERENCES person(id),
    written_at INTEGER NOT NULL,
    body       TEXT NOT NULL
);

-- The plan's history: what changed, who (citizen, staff, system), when. Append-only.
CREATE TABLE plan_event (
    id         INTEGER PRIMARY KEY,
    plan_id    INTEGER NOT NULL REFERENCES plan(id),
    at         INTEGER NOT NULL,
    actor_kind TEXT NOT NULL CHECK (actor_kind IN ('citizen', 'staff', 'system')),
    actor_id   INTEGER REFERENCES person(id),
    kind       TEXT NOT NULL,
    summary    TEXT NOT NULL
);
CREATE INDEX plan_event_plan ON plan_event (plan_id, at);

-- A personal budget. The running totals are kept on the row so that one
-- conditional UPDATE both checks and reserves; the CHECK makes overspending
-- impossible whatever the code does. The ledger below must always sum to them.
CREATE TABLE budget (
    id           INTEGER PRIMARY KEY,
    citizen_id   INTEGER NOT NULL REFERENCES person(id),
    granted_by   INTEGER NOT NULL REFERENCES person(id),
    period_start INTEGER NOT NULL,
    period_end   INTEGER NOT NULL CHECK (period_end > period_start),
    note         TEXT,
    granted_ore  INTEGER NOT NULL,
    reserved_ore INTEGER NOT NULL DEFAULT 0,
    spent_ore    INTEGER NOT NULL DEFAULT 0,
    ended_at     INTEGER,
    created_at   INTEGER NOT NULL,
    CHECK (granted_ore >= 0 AND reserved_ore >= 0 AND spent_ore >= 0),
    CHECK (reserved_ore + spent_ore <= granted_ore)
);
CREATE INDEX budget_citizen ON budget (citizen_id);

CREATE TABLE spending_request (
    id           INTEGER PRIMARY KEY,
    budget_id    INTEGER NOT NULL REFERENCES budget(id),
    citizen_id   INTEGER NOT NULL REFERENCES person(id),
    amount_ore   INTEGER NOT NULL CHECK (amount_ore > 0),
    purpose      TEXT NOT NULL,
    goal_id      INTEGER REFERENCES goal(id),
    status       TEXT NOT NULL CHECK (status IN ('pending', 'approved', 'declined', 'cancelled')),
    approved_ore INTEGER CHECK (approved_ore IS NULL OR (approved_ore > 0 AND approved_ore <= amount_ore)),
    created_at   INTEGER NOT NULL,
    decided_at   INTEGER
);
CREATE INDEX spending_request_budget ON spending_request (budget_id, status);

-- Every movement of money, append-only. amount_ore is always positive; the
-- kind says which total it moves.
CREATE TABLE budget_entry (
    id         INTEGER PRIMARY KEY,
    budget_id  INTEGER NOT NULL REFERENCES budget(id),
    at         INTEGER NOT NULL,
    kind       TEXT NOT NULL CHECK (kind IN ('grant', 'topup', 'reduce', 'reserve', 'release', 'spend')),
    amount_ore INTEGER NOT NULL CHECK (amount_ore > 0),
    request_id INTEGER REFERENCES spending_request(id),
    actor_id   INTEGER REFERENCES person(id),
    note       TEXT
);
CREATE INDEX budget_entry_budget ON budget_entry (budget_id, at);

-- Decisions are immutable: a correction is a new row pointing at the old one.
CREATE TABLE decision (
    id              INTEGER PRIMARY KEY,
    citizen_id      INTEGER NOT NULL REFERENCES person(id),
    subject_kind    TEXT NOT NULL CHECK (subject_kind IN ('goal', 'spending_request')),
    subject_id      INTEGER NOT NULL,
    outcome         TEXT NOT NULL CHECK (outcome IN ('accepted', 'adjusted', 'declined', 'approved', 'approved_lower')),
    reasons         TEXT,
    appeal_guidance TEXT NOT NULL,
    decided_by      INTEGER NOT NULL REFERENCES person(id),
    decided_at      INTEGER NOT NULL,
    corrects_id     INTEGER REFERENCES decision(id),
    CHECK (outcome IN ('accepted', 'approved') OR reasons IS NOT NULL)
);
CREATE INDEX decision_citizen ON decision (citizen_id, decided_at);

CREATE TABLE network_group (
    id           INTEGER PRIMARY KEY,
    name         TEXT NOT NULL,
    description  TEXT NOT NULL,
    topic        TEXT NOT NULL,
    area         TEXT NOT NULL,
    usual_place  TEXT NOT NULL,
    created_at   INTEGER NOT NULL,
    archived_at  INTEGER
);

CREATE TABLE group_host (
    group_id  INTEGER NOT NULL REFERENCES network_group(id),
    person_id INTEGER NOT NULL REFERENCES person(id),
    PRIMARY KEY (group_id, person_id)
);

CREATE TABLE group_member (
    group_id  INTEGER NOT NULL REFERENCES network_group(id),
    person_id INTEGER NOT NULL REFERENCES person(id),
    joined_at INTEGER NOT NULL,
    PRIMARY KEY (group_id, person_id)
);

CREATE TABLE meetup (
    id               INTEGER PRIMARY KEY,
    group_id         INTEGER NOT NULL REFERENCES network_group(id),
    starts_at        INTEGER NOT NULL,
    duration_minutes INTEGER NOT NULL CHECK (duration_minutes > 0),
    place            TEXT NOT NULL,
    address          TEXT NOT NULL,
    capacity         INTEGER NOT NULL CHECK (capacity > 0),
    going_count      INTEGER NOT NULL DEFAULT 0,
    description      TEXT NOT NULL,
    cancelled_at     INTEGER,
    updated_at       INTEGER NOT NULL,
    CHECK (going_count >= 0 AND going_count <= capacity)
);
CREATE INDEX meetup_upcoming ON meetup (starts_at);

CREATE TABLE meetup_signup (
    id         INTEGER PRIMARY KEY,
    meetup_id  INTEGER NOT NULL REFERENCES meetup(id),
    person_id  INTEGER NOT NULL REFERENCES person(id),
    status     TEXT NOT NULL CHECK (status IN ('going', 'waiting', 'cancelled')),
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL,
    UNIQUE (meetup_id, person_id)
);

-- In-portal notifications; the kind names the event, never its sensitive content.
CREATE TABLE notification (
    id         INTEGER PRIMARY KEY,
    person_id  INTEGER NOT NULL REFERENCES person(id),
    created_at INTEGER NOT NULL,
    kind       TEXT NOT NULL,
    link       TEXT NOT NULL,
    read_at    INTEGER
);
CREATE INDEX notification_person ON notification (person_id, created_at);

CREATE TABLE message (
    id         INTEGER PRIMARY KEY,
    citizen_id INTEGER NOT NULL REFERENCES person(id),
    sender_id  INTEGER NOT NULL REFERENCES person(id),
    body       TEXT NOT NULL,
    sent_at    INTEGER NOT NULL,
    read_at    INTEGER
);
CREATE INDEX message_citizen ON message (citizen_id, sent_at);

-- Every read of a citizen's data by staff. The citizen sees this.
CREATE TABLE access_log (
    id         INTEGER PRIMARY KEY,
    citizen_id INTEGER NOT NULL REFERENCES person(id),
    staff_id   INTEGER NOT NULL REFERENCES person(id),
    at         INTEGER NOT NULL,
    staff_role TEXT NOT NULL,
    purpose    TEXT NOT NULL
);
CREATE INDEX access_log_citizen ON access_log (citizen_id, at);

-- A submission's key: the second submit with the same key gets the first's result.
-- The key is claimed first in the submitting transaction, so a concurrent
-- duplicate waits for it (PostgreSQL) or runs after it (SQLite).
CREATE TABLE idempotency_key (
    person_id   INTEGER NOT NULL REFERENCES person(id),
    key         TEXT NOT NULL,
    created_at  INTEGER NOT NULL,
    result_kind TEXT NOT NULL,
    result_id   INTEGER,          -- NULL while the first submit is in flight
    PRIMARY KEY (person_id, key)
);

-- Municipality settings, e.g. the budget cap.
CREATE TABLE setting (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
INSERT INTO setting (key, value) VALUES ('budget_cap_ore', '5000000');
