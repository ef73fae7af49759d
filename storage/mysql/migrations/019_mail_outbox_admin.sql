-- The admins' view of the mail outbox: every message newest first, of one state or of all, and a message
-- given up on put back for one more attempt by an admin (who may first have had its person correct the
-- address). `retries` counts those; each is the sequence of its audit event (entity mail_message).
-- MySQL/MariaDB dialect.
ALTER TABLE mail_outbox ADD COLUMN retries BIGINT NOT NULL DEFAULT 0;
CREATE INDEX mail_outbox_by_state ON mail_outbox(state, id);
