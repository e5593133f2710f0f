-- Stand-in cover windows (the admin issue): a stand-in acts for the citizen
-- only from `from_at` until `to_at` (NULL: until further notice), and a
-- cover may be set to begin later. Queries ask "in force at now"
-- (from_at <= now AND (to_at IS NULL OR to_at > now)), which the partial
-- indexes on `to_at IS NULL` cannot answer: these can. Same indexes as
-- migrations/sqlite/0017_cover_windows.sql.
CREATE INDEX caseworker_assignment_staff_window ON caseworker_assignment (staff_id, to_at);
CREATE INDEX caseworker_assignment_citizen_window ON caseworker_assignment (citizen_id, kind, to_at);
