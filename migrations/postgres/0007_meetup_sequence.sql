-- A meetup's revision for calendars (iCalendar SEQUENCE): raised whenever
-- its time, place or text changes or it is cancelled, so the copy already
-- in a citizen's calendar is replaced by the new one. Its updated_at is the
-- file's LAST-MODIFIED.
ALTER TABLE meetup ADD COLUMN sequence BIGINT NOT NULL DEFAULT 0;
