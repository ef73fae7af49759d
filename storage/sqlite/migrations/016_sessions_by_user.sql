-- A new password revokes the account's other sessions: they are found by user, not by reading every
-- session ever issued. SQLite dialect.
CREATE INDEX sessions_by_user ON sessions(user_id, revoked_at);
