-- Lacuna schema, MySQL 8 / MariaDB 10.11 dialect (InnoDB, utf8mb4, binary collation so that
-- comparisons are exact and agree with SQLite). Times are UTC milliseconds since the epoch.
CREATE TABLE users (
  id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
  username VARCHAR(64) NOT NULL,
  password_hash VARCHAR(255) NOT NULL,
  municipality VARCHAR(64) NULL,
  roles VARCHAR(512) NOT NULL,
  created_at BIGINT NOT NULL,
  UNIQUE KEY users_username (username)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE TABLE sessions (
  token_hash CHAR(64) NOT NULL PRIMARY KEY,
  user_id BIGINT NOT NULL,
  created_at BIGINT NOT NULL,
  expires_at BIGINT NOT NULL,
  revoked_at BIGINT NULL,
  CONSTRAINT sessions_user FOREIGN KEY (user_id) REFERENCES users (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE TABLE login_failures (
  id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
  username VARCHAR(255) NOT NULL,
  client VARCHAR(64) NOT NULL,
  at BIGINT NOT NULL,
  KEY login_failures_by_username (username, at),
  KEY login_failures_by_client (client, at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE TABLE reference_counters (
  year BIGINT NOT NULL PRIMARY KEY,
  last BIGINT NOT NULL
) ENGINE=InnoDB;

CREATE TABLE gaps (
  id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
  reference VARCHAR(32) NOT NULL,
  title TEXT NOT NULL,
  description MEDIUMTEXT NOT NULL,
  search_text MEDIUMTEXT NOT NULL,
  provisions TEXT NOT NULL,  -- TEXT, not MEDIUMTEXT: Connector/C++ 1.1 reads a second MEDIUMTEXT column 20x slower
  kind VARCHAR(32) NOT NULL,
  category VARCHAR(64) NOT NULL,
  municipality VARCHAR(64) NOT NULL,
  priority VARCHAR(16) NOT NULL,
  priority_rank BIGINT NOT NULL,
  confidential BIGINT NOT NULL,
  pending_lawsuits BIGINT NOT NULL,
  exposure_rials BIGINT NOT NULL,
  state VARCHAR(64) NOT NULL,
  version BIGINT NOT NULL,
  created_by BIGINT NOT NULL,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL,
  UNIQUE KEY gaps_reference (reference),
  KEY gaps_by_created (created_at, id),
  KEY gaps_by_updated (updated_at, id),
  KEY gaps_by_priority (priority_rank, id),
  KEY gaps_by_state (state, created_at, id),
  KEY gaps_by_state_updated (state, updated_at, id),
  KEY gaps_by_state_priority (state, priority_rank, id),
  KEY gaps_by_municipality (municipality, created_at, id),
  KEY gaps_by_municipality_updated (municipality, updated_at, id),
  KEY gaps_by_municipality_priority (municipality, priority_rank, id),
  KEY gaps_by_municipality_state (municipality, state, created_at, id),
  KEY gaps_by_municipality_state_updated (municipality, state, updated_at, id),
  CONSTRAINT gaps_created_by FOREIGN KEY (created_by) REFERENCES users (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE TABLE gap_provisions (
  gap_id BIGINT NOT NULL,
  position BIGINT NOT NULL,
  law TEXT NOT NULL,
  article TEXT NOT NULL,
  PRIMARY KEY (gap_id, position),
  CONSTRAINT gap_provisions_gap FOREIGN KEY (gap_id) REFERENCES gaps (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE TABLE gap_events (
  id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
  gap_id BIGINT NOT NULL,
  sequence BIGINT NOT NULL,
  at BIGINT NOT NULL,
  actor_id BIGINT NOT NULL,
  actor_name VARCHAR(64) NOT NULL,
  client_address VARCHAR(64) NOT NULL,
  type VARCHAR(32) NOT NULL,
  changes MEDIUMTEXT NOT NULL,
  from_state VARCHAR(64) NOT NULL,
  to_state VARCHAR(64) NOT NULL,
  transition VARCHAR(64) NOT NULL,
  comment TEXT NOT NULL,
  fields TEXT NOT NULL,
  UNIQUE KEY gap_events_sequence (gap_id, sequence),
  CONSTRAINT gap_events_gap FOREIGN KEY (gap_id) REFERENCES gaps (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
