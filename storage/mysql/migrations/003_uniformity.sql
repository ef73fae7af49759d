-- Uniformity of procedure: provision keys, court rulings, the search index, co-reporting cities,
-- advisory opinions. MySQL/MariaDB dialect.
ALTER TABLE gap_provisions ADD COLUMN provision_key VARCHAR(512) NULL, ADD KEY gap_provisions_by_key (provision_key, gap_id);
ALTER TABLE gaps ADD COLUMN co_reporters VARCHAR(2000) NOT NULL DEFAULT '';

CREATE TABLE draft_provisions (
  gap_id BIGINT NOT NULL,
  version BIGINT NOT NULL,
  position BIGINT NOT NULL,
  provision_key VARCHAR(512) NOT NULL,
  PRIMARY KEY (gap_id, version, position)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
CREATE INDEX draft_provisions_by_key ON draft_provisions(provision_key, gap_id);

CREATE TABLE rulings (
  id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
  court VARCHAR(200) NOT NULL,
  branch VARCHAR(200) NOT NULL,
  number VARCHAR(100) NOT NULL,
  decided_on VARCHAR(10) NOT NULL,
  decided_day BIGINT NOT NULL,
  municipality VARCHAR(64) NOT NULL,
  outcome VARCHAR(16) NOT NULL,
  summary TEXT NOT NULL,
  full_text MEDIUMTEXT NOT NULL,
  provisions TEXT NOT NULL,
  version BIGINT NOT NULL,
  created_by BIGINT NOT NULL,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
CREATE INDEX rulings_by_day ON rulings(decided_day, id);
CREATE INDEX rulings_by_court ON rulings(court, decided_day, id);
CREATE INDEX rulings_by_outcome ON rulings(outcome, decided_day, id);
CREATE INDEX rulings_by_municipality ON rulings(municipality, decided_day, id);

CREATE TABLE ruling_provisions (
  ruling_id BIGINT NOT NULL,
  position BIGINT NOT NULL,
  provision_key VARCHAR(512) NOT NULL,
  PRIMARY KEY (ruling_id, position)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
CREATE INDEX ruling_provisions_by_key ON ruling_provisions(provision_key, ruling_id);

CREATE TABLE ruling_gaps (
  ruling_id BIGINT NOT NULL,
  gap_id BIGINT NOT NULL,
  note TEXT NOT NULL,
  linked_by VARCHAR(64) NOT NULL,
  linked_at BIGINT NOT NULL,
  PRIMARY KEY (ruling_id, gap_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
CREATE INDEX ruling_gaps_by_gap ON ruling_gaps(gap_id, ruling_id);

-- The search index of our own: one row per (term, document) with a BM25-style weight, read in
-- weight order so that the best matches of a common word come first without scoring every match.
CREATE TABLE search_postings (
  term VARCHAR(64) NOT NULL,
  doc_type VARCHAR(16) NOT NULL,
  doc_id BIGINT NOT NULL,
  weight BIGINT NOT NULL,
  PRIMARY KEY (term, doc_type, doc_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
CREATE INDEX search_postings_by_weight ON search_postings(term, doc_type, weight, doc_id);
