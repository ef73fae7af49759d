-- An account changes (roles, city) under optimistic concurrency like every record; each person may hold
-- one secret calendar feed address, of which only the SHA-256 is kept. SQLite dialect.
ALTER TABLE users ADD COLUMN version BIGINT NOT NULL DEFAULT 1;

CREATE TABLE calendar_feeds (
  user_id INTEGER PRIMARY KEY REFERENCES users(id),
  token_hash TEXT NOT NULL UNIQUE,
  created_at BIGINT NOT NULL
);
