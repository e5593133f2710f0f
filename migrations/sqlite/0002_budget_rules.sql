-- One running budget per citizen: a new grant waits until the last one has
-- ended (a top-up adds to the running one). Guarded here so that two
-- caseworkers granting at the same moment cannot both succeed.
CREATE UNIQUE INDEX budget_one_running ON budget (citizen_id) WHERE ended_at IS NULL;

-- The per-citizen rate limit counts a citizen's recent requests.
CREATE INDEX spending_request_citizen ON spending_request (citizen_id, created_at);

-- How many new spending requests a citizen may make per hour.
INSERT INTO setting (key, value) VALUES ('requests_per_hour', '10');
