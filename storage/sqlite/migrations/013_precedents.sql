-- Requests for a uniform precedent (درخواست صدور رأی وحدت رویه). SQLite dialect.
CREATE TABLE precedent_counters (
  year BIGINT PRIMARY KEY,
  last BIGINT NOT NULL
);

CREATE TABLE precedents (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  reference TEXT NOT NULL UNIQUE,
  board TEXT NOT NULL,
  provision_key TEXT NOT NULL,
  -- the provision's key while the request is open (NULL once decided or withdrawn): one open request per
  -- provision, kept by the store itself so that two secretaries on two instances cannot both open one
  open_provision_key TEXT UNIQUE,
  provision_law TEXT NOT NULL,
  provision_article TEXT NOT NULL,
  question TEXT NOT NULL,
  state TEXT NOT NULL,
  version BIGINT NOT NULL,
  filing_number TEXT NOT NULL,
  filed_at BIGINT,
  decision_ruling_id BIGINT REFERENCES rulings(id),
  decided_at BIGINT,
  due_at BIGINT,
  created_by BIGINT NOT NULL REFERENCES users(id),
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
);
CREATE INDEX precedents_by_state ON precedents(state, id);
CREATE INDEX precedents_by_provision ON precedents(provision_key, id);
CREATE INDEX precedents_by_decision ON precedents(decision_ruling_id);

-- The conflicting rulings (target_type 'ruling') and the gaps the request concerns ('gap').
CREATE TABLE precedent_links (
  precedent_id BIGINT NOT NULL REFERENCES precedents(id),
  target_type TEXT NOT NULL,
  target_id BIGINT NOT NULL,
  PRIMARY KEY (precedent_id, target_type, target_id)
);

-- Each city's argument, as its legal director last wrote it (every version is in the request's events).
CREATE TABLE precedent_arguments (
  precedent_id BIGINT NOT NULL REFERENCES precedents(id),
  municipality TEXT NOT NULL,
  body TEXT NOT NULL,
  author_id BIGINT NOT NULL,
  author_name TEXT NOT NULL,
  at BIGINT NOT NULL,
  PRIMARY KEY (precedent_id, municipality)
);
