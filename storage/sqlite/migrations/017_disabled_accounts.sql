-- An account an admin has disabled (a person who left the legal department): since when, NULL while it
-- is active. Its sessions and calendar feed stop, it cannot sign in, it is mailed nothing. SQLite dialect.
ALTER TABLE users ADD COLUMN disabled_at BIGINT;
