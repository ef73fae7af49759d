-- The consultation of the member cities on a meeting's agenda: its deadline, the cities' proposals and
-- each city's ranking of the others' proposals. MySQL/MariaDB dialect.
CREATE TABLE agenda_consultations (
  meeting_id BIGINT NOT NULL PRIMARY KEY,
  closes_at BIGINT NOT NULL,
  opened_at BIGINT NOT NULL,
  opened_by VARCHAR(64) NOT NULL,
  built_at BIGINT NOT NULL,
  built_by VARCHAR(64) NOT NULL,
  last_number BIGINT NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE TABLE agenda_proposals (
  meeting_id BIGINT NOT NULL,
  number BIGINT NOT NULL,
  kind VARCHAR(16) NOT NULL,
  target_id BIGINT NOT NULL,
  target_reference VARCHAR(64) NOT NULL,
  title TEXT NOT NULL,
  note TEXT NOT NULL,
  municipality VARCHAR(64) NOT NULL,
  proposed_by BIGINT NOT NULL,
  proposed_by_name VARCHAR(64) NOT NULL,
  proposed_at BIGINT NOT NULL,
  adopted_position BIGINT NOT NULL,
  PRIMARY KEY (meeting_id, number)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE TABLE agenda_ranks (
  meeting_id BIGINT NOT NULL,
  number BIGINT NOT NULL,
  municipality VARCHAR(64) NOT NULL,
  position BIGINT NOT NULL,
  at BIGINT NOT NULL,
  PRIMARY KEY (meeting_id, number, municipality)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
