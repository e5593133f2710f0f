-- The data export issue: in which capacity staff opened a citizen's data
-- ('caseworker', 'standin'), recorded when the entry is written, since what
-- someone is to the citizen changes. Entries written before have none: the
-- citizen's page shows their role for them.
ALTER TABLE access_log ADD COLUMN capacity TEXT;
