-- A notification names what it is about (kind + object_id); its link is
-- built from the routes when it is shown, so renaming a route does not break
-- old notifications. `link` stays as written, for the record and for kinds
-- this version does not know.
ALTER TABLE notification ADD COLUMN object_id INTEGER;

-- The objects of the notifications written so far, read off their links
-- (CAST takes the leading digits: '5#beskeder' is 5).
UPDATE notification SET object_id = CAST(substr(link, instr(link, '#maal-') + 6) AS INTEGER)
    WHERE kind = 'goal_answered' AND instr(link, '#maal-') > 0;
UPDATE notification SET object_id = CAST(substr(link, instr(link, '#anmodning-') + 11) AS INTEGER)
    WHERE kind = 'spending_answered' AND instr(link, '#anmodning-') > 0;
UPDATE notification SET object_id = CAST(substr(link, length('/netvaerk/moede/') + 1) AS INTEGER)
    WHERE kind IN ('meetup_moved_up', 'meetup_changed', 'meetup_cancelled', 'meetup_announcement')
      AND substr(link, 1, length('/netvaerk/moede/')) = '/netvaerk/moede/';
