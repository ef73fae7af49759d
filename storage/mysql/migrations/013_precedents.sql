-- Requests for a uniform precedent (درخواست صدور رأی وحدت رویه). MySQL/MariaDB dialect.
CREATE TABLE precedent_counters (
  year BIGINT NOT NULL PRIMARY KEY,
  last BIGINT NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE TABLE precedents (
  id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
  reference VARCHAR(32) NOT NULL UNIQUE,
  board VARCHAR(64) NOT NULL,
  provision_key VARCHAR(512) NOT NULL,
  -- the provision's key while the request is open (NULL once decided or withdrawn): one open request per
  -- provision, kept by the store itself so that two secretaries on two instances cannot both open one
  open_provision_key VARCHAR(512) UNIQUE,
  provision_law TEXT NOT NULL,
  provision_article TEXT NOT NULL,
  question MEDIUMTEXT NOT NULL,
  state VARCHAR(64) NOT NULL,
  version BIGINT NOT NULL,
  filing_number VARCHAR(255) NOT NULL,
  filed_at BIGINT,
  decision_ruling_id BIGINT,
  decided_at BIGINT,
  due_at BIGINT,
  created_by BIGINT NOT NULL,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
CREATE INDEX precedents_by_state ON precedents(state, id);
CREATE INDEX precedents_by_provision ON precedents(provision_key, id);
CREATE INDEX precedents_by_decision ON precedents(decision_ruling_id);

-- The conflicting rulings (target_type 'ruling') and the gaps the request concerns ('gap').
CREATE TABLE precedent_links (
  precedent_id BIGINT NOT NULL,
  target_type VARCHAR(16) NOT NULL,
  target_id BIGINT NOT NULL,
  PRIMARY KEY (precedent_id, target_type, target_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- Each city's argument, as its legal director last wrote it (every version is in the request's events).
CREATE TABLE precedent_arguments (
  precedent_id BIGINT NOT NULL,
  municipality VARCHAR(64) NOT NULL,
  body MEDIUMTEXT NOT NULL,
  author_id BIGINT NOT NULL,
  author_name VARCHAR(255) NOT NULL,
  at BIGINT NOT NULL,
  PRIMARY KEY (precedent_id, municipality)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
