-- Complaints about decisions (the decisions issue). The citizen's reasons are
-- written once; the answer (upheld and sent on to Ankestyrelsen, or changed
-- by a new decision) is set once, in the answering transaction. One open
-- complaint per decision: the partial unique index holds it under races.
CREATE TABLE complaint (
    id             BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    decision_id    BIGINT NOT NULL REFERENCES decision(id),
    citizen_id     BIGINT NOT NULL REFERENCES person(id),
    reasons        TEXT NOT NULL,
    created_at     BIGINT NOT NULL,
    -- The municipality reconsiders within 4 weeks (genvurdering).
    due_at         BIGINT NOT NULL,
    answered_at    BIGINT,
    answered_by    BIGINT REFERENCES person(id),
    outcome        TEXT CHECK (outcome IN ('upheld', 'changed')),
    answer_reasons TEXT,
    -- The new decision, when the answer changed the decision.
    answer_id      BIGINT REFERENCES decision(id),
    -- When an upheld complaint was sent on to Ankestyrelsen.
    forwarded_at   BIGINT,
    CHECK ((answered_at IS NULL) = (outcome IS NULL))
);
CREATE UNIQUE INDEX complaint_one_open ON complaint (decision_id) WHERE answered_at IS NULL;
CREATE INDEX complaint_citizen ON complaint (citizen_id, created_at);
