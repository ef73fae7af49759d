-- Advisory opinions (استعلام and نظریه مشورتی). MySQL/MariaDB dialect.
CREATE TABLE opinion_counters (
  year BIGINT NOT NULL PRIMARY KEY,
  last BIGINT NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE TABLE opinions (
  id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
  reference VARCHAR(32) NOT NULL UNIQUE,
  municipality VARCHAR(64) NOT NULL,
  asked_by BIGINT NOT NULL,
  title TEXT NOT NULL,
  question MEDIUMTEXT NOT NULL,
  answer MEDIUMTEXT NOT NULL,
  assignee VARCHAR(64) NOT NULL,
  state VARCHAR(64) NOT NULL,
  version BIGINT NOT NULL,
  due_at BIGINT,
  published_at BIGINT,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
CREATE INDEX opinions_by_state ON opinions(state, id);
CREATE INDEX opinions_by_municipality ON opinions(municipality, id);
CREATE INDEX opinions_by_due ON opinions(due_at);

-- Every version of the question and of the answer, kept as written.
CREATE TABLE opinion_texts (
  opinion_id BIGINT NOT NULL,
  kind VARCHAR(16) NOT NULL,
  version BIGINT NOT NULL,
  body MEDIUMTEXT NOT NULL,
  provisions TEXT NOT NULL,
  author_id BIGINT NOT NULL,
  author_name VARCHAR(64) NOT NULL,
  created_at BIGINT NOT NULL,
  PRIMARY KEY (opinion_id, kind, version)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE TABLE opinion_provisions (
  opinion_id BIGINT NOT NULL,
  provision_key VARCHAR(512) NOT NULL,
  PRIMARY KEY (opinion_id, provision_key)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
CREATE INDEX opinion_provisions_by_key ON opinion_provisions(provision_key, opinion_id);

CREATE TABLE opinion_links (
  opinion_id BIGINT NOT NULL,
  target_type VARCHAR(16) NOT NULL,
  target_id BIGINT NOT NULL,
  PRIMARY KEY (opinion_id, target_type, target_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
