-- An account changes (roles, city) under optimistic concurrency like every record; each person may hold
-- one secret calendar feed address, of which only the SHA-256 is kept. MySQL/MariaDB dialect.
ALTER TABLE users ADD COLUMN version BIGINT NOT NULL DEFAULT 1;

CREATE TABLE calendar_feeds (
  user_id BIGINT NOT NULL PRIMARY KEY,
  token_hash CHAR(64) NOT NULL,
  created_at BIGINT NOT NULL,
  UNIQUE KEY calendar_feeds_token (token_hash),
  CONSTRAINT calendar_feeds_user FOREIGN KEY (user_id) REFERENCES users(id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
