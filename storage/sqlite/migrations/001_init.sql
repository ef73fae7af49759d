-- Lacuna schema, SQLite dialect. Times are UTC milliseconds since the epoch.
CREATE TABLE users (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  username TEXT NOT NULL UNIQUE,
  password_hash TEXT NOT NULL,
  municipality TEXT,
  roles TEXT NOT NULL,
  created_at BIGINT NOT NULL
);

CREATE TABLE sessions (
  token_hash TEXT PRIMARY KEY,
  user_id BIGINT NOT NULL REFERENCES users(id),
  created_at BIGINT NOT NULL,
  expires_at BIGINT NOT NULL,
  revoked_at BIGINT
);

CREATE TABLE login_failures (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  username TEXT NOT NULL,
  client TEXT NOT NULL,
  at BIGINT NOT NULL
);
CREATE INDEX login_failures_by_username ON login_failures(username, at);
CREATE INDEX login_failures_by_client ON login_failures(client, at);

CREATE TABLE reference_counters (
  year BIGINT PRIMARY KEY,
  last BIGINT NOT NULL
);

CREATE TABLE gaps (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  reference TEXT NOT NULL UNIQUE,
  title TEXT NOT NULL,
  description TEXT NOT NULL,
  search_text TEXT NOT NULL,
  provisions TEXT NOT NULL,
  kind TEXT NOT NULL,
  category TEXT NOT NULL,
  municipality TEXT NOT NULL,
  priority TEXT NOT NULL,
  priority_rank BIGINT NOT NULL,
  confidential BIGINT NOT NULL,
  pending_lawsuits BIGINT NOT NULL,
  exposure_rials BIGINT NOT NULL,
  state TEXT NOT NULL,
  version BIGINT NOT NULL,
  created_by BIGINT NOT NULL REFERENCES users(id),
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
);
CREATE INDEX gaps_by_created ON gaps(created_at, id);
CREATE INDEX gaps_by_updated ON gaps(updated_at, id);
CREATE INDEX gaps_by_priority ON gaps(priority_rank, id);
-- A filter on state or city with each sort order the list offers, so a page never sorts the table.
CREATE INDEX gaps_by_state ON gaps(state, created_at, id);
CREATE INDEX gaps_by_state_updated ON gaps(state, updated_at, id);
CREATE INDEX gaps_by_state_priority ON gaps(state, priority_rank, id);
CREATE INDEX gaps_by_municipality ON gaps(municipality, created_at, id);
CREATE INDEX gaps_by_municipality_updated ON gaps(municipality, updated_at, id);
CREATE INDEX gaps_by_municipality_priority ON gaps(municipality, priority_rank, id);
-- A city's gaps in one state, the page a legal director opens most: ordered without relying on the
-- planner's statistics (MariaDB's go stale while a table grows fast and it then sorts the city).
CREATE INDEX gaps_by_municipality_state ON gaps(municipality, state, created_at, id);
CREATE INDEX gaps_by_municipality_state_updated ON gaps(municipality, state, updated_at, id);

CREATE TABLE gap_provisions (
  gap_id BIGINT NOT NULL REFERENCES gaps(id),
  position BIGINT NOT NULL,
  law TEXT NOT NULL,
  article TEXT NOT NULL,
  PRIMARY KEY (gap_id, position)
);

CREATE TABLE gap_events (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  gap_id BIGINT NOT NULL REFERENCES gaps(id),
  sequence BIGINT NOT NULL,
  at BIGINT NOT NULL,
  actor_id BIGINT NOT NULL,
  actor_name TEXT NOT NULL,
  client_address TEXT NOT NULL,
  type TEXT NOT NULL,
  changes TEXT NOT NULL,
  from_state TEXT NOT NULL,
  to_state TEXT NOT NULL,
  transition TEXT NOT NULL,
  comment TEXT NOT NULL,
  fields TEXT NOT NULL,
  UNIQUE (gap_id, sequence)
);

-- The audit log is append-only: the database itself refuses to change or remove an event.
CREATE TRIGGER gap_events_no_update BEFORE UPDATE ON gap_events BEGIN SELECT RAISE(ABORT, 'gap_events is append-only'); END;
CREATE TRIGGER gap_events_no_delete BEFORE DELETE ON gap_events BEGIN SELECT RAISE(ABORT, 'gap_events is append-only'); END;
