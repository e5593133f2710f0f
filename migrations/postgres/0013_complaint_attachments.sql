-- A complaint may carry files, as a message may (the decisions issue): an
-- attachment belongs to exactly one message or one complaint, written in
-- that one's transaction.
ALTER TABLE attachment ALTER COLUMN message_id DROP NOT NULL;
ALTER TABLE attachment ADD COLUMN complaint_id BIGINT REFERENCES complaint(id);
ALTER TABLE attachment ADD CONSTRAINT attachment_one_owner CHECK ((message_id IS NULL) <> (complaint_id IS NULL));
CREATE INDEX attachment_complaint ON attachment (complaint_id);
