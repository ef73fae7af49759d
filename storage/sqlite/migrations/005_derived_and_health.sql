-- One row the readiness check writes: a store that cannot commit a write is not ready. SQLite dialect.
CREATE TABLE health_checks (
  id INTEGER PRIMARY KEY,
  checked_at BIGINT NOT NULL
);
INSERT INTO health_checks (id, checked_at) VALUES (1, 0);

-- The court as searched and compared (normalised Persian), beside the court as written.
ALTER TABLE rulings ADD COLUMN court_key TEXT NOT NULL DEFAULT '';
CREATE INDEX rulings_by_court_key ON rulings(court_key, decided_day, id);

-- Which rules the stored derived data (provision keys, court keys, search postings) was made by; when
-- the text rules change, the service remakes it once at start.
CREATE TABLE derived_data (
  name TEXT PRIMARY KEY,
  version BIGINT NOT NULL
);
-- Version 0: whatever a store held before is remade at the first start.
INSERT INTO derived_data (name, version) VALUES ('text_rules', 0);
