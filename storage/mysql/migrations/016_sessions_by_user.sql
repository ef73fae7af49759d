-- A new password revokes the account's other sessions: they are found by user and by whether they are
-- still open (the foreign key's own index has the user only). MySQL/MariaDB dialect.
CREATE INDEX sessions_by_user ON sessions(user_id, revoked_at);
