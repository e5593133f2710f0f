-- Complaints about decisions (the decisions issue). The citizen's reasons are
-- written once; the answer (upheld and sent on to Ankestyrelsen, or changed
-- by a new decision) is set once, in the answering transaction. One open
-- complaint per decision: the partial unique index holds it under races.
CREATE TABLE complaint (
    id             INTEGER PRIMARY KEY,
    decision_id    INTEGER NOT NULL REFERENCES decision(id),
    citizen_id     INTEGER NOT NULL REFERENCES person(id),
    reasons        TEXT NOT NULL,
    created_at     INTEGER NOT NULL,
    -- The municipality reconsiders within 4 weeks (genvurdering).
    due_at         INTEGER NOT NULL,
    answered_at    INTEGER,
    answered_by    INTEGER REFERENCES person(id),
    outcome        TEXT CHECK (outcome IN ('upheld', 'changed')),
    answer_reasons TEXT,
    -- The new decision, when the answer changed the decision.
    answer_id      INTEGER REFERENCES decision(id),
    -- When an upheld complaint was sent on to Ankestyrelsen.
    forwarded_at   INTEGER,
    CHECK ((answered_at IS NULL) = (outcome IS NULL))
);
CREATE UNIQUE INDEX complaint_one_open ON complaint (decision_id) WHERE answered_at IS NULL;
CREATE INDEX complaint_citizen ON complaint (citizen_id, created_at);
