-- The municipality's side (the admin issue), first part: handovers and the
-- admin audit log. Same tables, columns and meaning as
-- migrations/sqlite/0016_handover_audit.sql.

-- A citizen handed from one caseworker to another: written in the same
-- transaction that ends the old assignment and starts the new one.
CREATE TABLE handover (
    id         BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    citizen_id BIGINT NOT NULL REFERENCES person(id),
    from_id    BIGINT REFERENCES person(id),   -- NULL: the citizen had no caseworker
    to_id      BIGINT NOT NULL REFERENCES person(id),
    by_id      BIGINT REFERENCES person(id),   -- NULL: the command line
    note       TEXT NOT NULL,                   -- internal, for the new caseworker
    message    TEXT NOT NULL,                   -- to the citizen, in plain words
    at         BIGINT NOT NULL,
    seen_at    BIGINT,                         -- the new caseworker opened the citizen
    CHECK (citizen_id <> to_id)
);
CREATE INDEX handover_citizen ON handover (citizen_id, at);
CREATE INDEX handover_waiting ON handover (to_id) WHERE seen_at IS NULL;

-- Every admin action: who, what, when, before → after. Append-only; the
-- words are those of the moment (a later rename does not change them).
-- Never a CPR number, an e-mail address or a phone number.
CREATE TABLE admin_audit (
    id        BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    at        BIGINT NOT NULL,
    actor_id  BIGINT REFERENCES person(id),    -- NULL: the command line
    action    TEXT NOT NULL,
    person_id BIGINT REFERENCES person(id),    -- whom it concerns, if anyone
    before    TEXT NOT NULL,
    after     TEXT NOT NULL
);
CREATE INDEX admin_audit_at ON admin_audit (at, id);
CREATE INDEX admin_audit_person ON admin_audit (person_id);

-- How many citizens one caseworker should have (a warning) and may have (a
-- handover past it is refused). The seeds tell of 80–100 each.
INSERT INTO setting (key, value) VALUES ('caseload_soft', '30');
INSERT INTO setting (key, value) VALUES ('caseload_hard', '40');
