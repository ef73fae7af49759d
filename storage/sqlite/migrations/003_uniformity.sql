-- Uniformity of procedure: provision keys, court rulings, the search index, co-reporting cities,
-- advisory opinions. SQLite dialect.
ALTER TABLE gap_provisions ADD COLUMN provision_key TEXT;
CREATE INDEX gap_provisions_by_key ON gap_provisions(provision_key, gap_id);
ALTER TABLE gaps ADD COLUMN co_reporters TEXT NOT NULL DEFAULT '';

CREATE TABLE draft_provisions (
  gap_id BIGINT NOT NULL REFERENCES gaps(id),
  version BIGINT NOT NULL,
  position BIGINT NOT NULL,
  provision_key TEXT NOT NULL,
  PRIMARY KEY (gap_id, version, position)
);
CREATE INDEX draft_provisions_by_key ON draft_provisions(provision_key, gap_id);

CREATE TABLE rulings (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  court TEXT NOT NULL,
  branch TEXT NOT NULL,
  number TEXT NOT NULL,
  decided_on TEXT NOT NULL,
  decided_day BIGINT NOT NULL,
  municipality TEXT NOT NULL,
  outcome TEXT NOT NULL,
  summary TEXT NOT NULL,
  full_text TEXT NOT NULL,
  provisions TEXT NOT NULL,
  version BIGINT NOT NULL,
  created_by BIGINT NOT NULL REFERENCES users(id),
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
);
CREATE INDEX rulings_by_day ON rulings(decided_day, id);
CREATE INDEX rulings_by_court ON rulings(court, decided_day, id);
CREATE INDEX rulings_by_outcome ON rulings(outcome, decided_day, id);
CREATE INDEX rulings_by_municipality ON rulings(municipality, decided_day, id);

CREATE TABLE ruling_provisions (
  ruling_id BIGINT NOT NULL REFERENCES rulings(id),
  position BIGINT NOT NULL,
  provision_key TEXT NOT NULL,
  PRIMARY KEY (ruling_id, position)
);
CREATE INDEX ruling_provisions_by_key ON ruling_provisions(provision_key, ruling_id);

CREATE TABLE ruling_gaps (
  ruling_id BIGINT NOT NULL REFERENCES rulings(id),
  gap_id BIGINT NOT NULL REFERENCES gaps(id),
  note TEXT NOT NULL,
  linked_by TEXT NOT NULL,
  linked_at BIGINT NOT NULL,
  PRIMARY KEY (ruling_id, gap_id)
);
CREATE INDEX ruling_gaps_by_gap ON ruling_gaps(gap_id, ruling_id);

-- The search index of our own: one row per (term, document) with a BM25-style weight, read in
-- weight order so that the best matches of a common word come first without scoring every match.
CREATE TABLE search_postings (
  term TEXT NOT NULL,
  doc_type TEXT NOT NULL,
  doc_id BIGINT NOT NULL,
  weight BIGINT NOT NULL,
  PRIMARY KEY (term, doc_type, doc_id)
) WITHOUT ROWID;
CREATE INDEX search_postings_by_weight ON search_postings(term, doc_type, weight, doc_id);
