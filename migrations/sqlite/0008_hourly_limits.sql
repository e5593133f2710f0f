-- Per-person hourly limits on what people create, municipality settings
-- (the hardening issue): goal proposals, network groups, meetups and hosts'
-- announcements. Counted from the idempotency keys of the person's submits.
INSERT INTO setting (key, value) VALUES ('goals_per_hour', '10');
INSERT INTO setting (key, value) VALUES ('groups_per_hour', '5');
INSERT INTO setting (key, value) VALUES ('meetups_per_hour', '20');
INSERT INTO setting (key, value) VALUES ('announcements_per_hour', '10');
