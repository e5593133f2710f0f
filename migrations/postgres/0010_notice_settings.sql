-- E-mail notices, continued (the e-mail notices issue): the language a
-- person's notices are written in, a bound on code mails, and the throttle's
-- reservation that two workers cannot both pass.

-- The language of the page on which the address was confirmed.
ALTER TABLE contact ADD COLUMN lang TEXT NOT NULL DEFAULT 'da';
-- Code mails sent since code_window_at (at most a few an hour: a person
-- cannot fill someone else's mailbox with codes).
ALTER TABLE contact ADD COLUMN code_sends BIGINT NOT NULL DEFAULT 0;
ALTER TABLE contact ADD COLUMN code_window_at BIGINT;
-- When a notice last went (or is going) by e-mail, and which outbox row
-- holds that: one atomic UPDATE takes it, so two workers claiming two
-- notices of one person at the same moment send one of them.
ALTER TABLE contact ADD COLUMN email_notice_at BIGINT;
ALTER TABLE contact ADD COLUMN email_notice_row BIGINT;
