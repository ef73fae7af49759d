-- Advisory opinions (استعلام and نظریه مشورتی). SQLite dialect.
CREATE TABLE opinion_counters (
  year BIGINT PRIMARY KEY,
  last BIGINT NOT NULL
);

CREATE TABLE opinions (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  reference TEXT NOT NULL UNIQUE,
  municipality TEXT NOT NULL,
  asked_by BIGINT NOT NULL REFERENCES users(id),
  title TEXT NOT NULL,
  question TEXT NOT NULL,
  answer TEXT NOT NULL,
  assignee TEXT NOT NULL,
  state TEXT NOT NULL,
  version BIGINT NOT NULL,
  due_at BIGINT,
  published_at BIGINT,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
);
CREATE INDEX opinions_by_state ON opinions(state, id);
CREATE INDEX opinions_by_municipality ON opinions(municipality, id);
CREATE INDEX opinions_by_due ON opinions(due_at);

-- Every version of the question and of the answer, kept as written.
CREATE TABLE opinion_texts (
  opinion_id BIGINT NOT NULL REFERENCES opinions(id),
  kind TEXT NOT NULL,
  version BIGINT NOT NULL,
  body TEXT NOT NULL,
  provisions TEXT NOT NULL,
  author_id BIGINT NOT NULL,
  author_name TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  PRIMARY KEY (opinion_id, kind, version)
);
CREATE TRIGGER opinion_texts_no_update BEFORE UPDATE ON opinion_texts BEGIN SELECT RAISE(ABORT, 'opinion texts are immutable'); END;
CREATE TRIGGER opinion_texts_no_delete BEFORE DELETE ON opinion_texts BEGIN SELECT RAISE(ABORT, 'opinion texts are immutable'); END;

CREATE TABLE opinion_provisions (
  opinion_id BIGINT NOT NULL REFERENCES opinions(id),
  provision_key TEXT NOT NULL,
  PRIMARY KEY (opinion_id, provision_key)
);
CREATE INDEX opinion_provisions_by_key ON opinion_provisions(provision_key, opinion_id);

CREATE TABLE opinion_links (
  opinion_id BIGINT NOT NULL REFERENCES opinions(id),
  target_type TEXT NOT NULL,
  target_id BIGINT NOT NULL,
  PRIMARY KEY (opinion_id, target_type, target_id)
);
