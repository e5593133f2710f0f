-- A notification names what it is about (kind + object_id); its link is
-- built from the routes when it is shown, so renaming a route does not break
-- old notifications. `link` stays as written, for the record and for kinds
-- this version does not know.
ALTER TABLE notification ADD COLUMN object_id BIGINT;

-- The objects of the notifications written so far, read off their links
-- (each link's first run of digits is its object's id).
UPDATE notification SET object_id = CAST(substring(link FROM '#maal-([0-9]+)') AS BIGINT)
    WHERE kind = 'goal_answered';
UPDATE notification SET object_id = CAST(substring(link FROM '#anmodning-([0-9]+)') AS BIGINT)
    WHERE kind = 'spending_answered';
UPDATE notification SET object_id = CAST(substring(link FROM '^/netvaerk/moede/([0-9]+)') AS BIGINT)
    WHERE kind IN ('meetup_moved_up', 'meetup_changed', 'meetup_cancelled', 'meetup_announcement');
