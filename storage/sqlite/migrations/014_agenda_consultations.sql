-- The consultation of the member cities on a meeting's agenda: its deadline, the cities' proposals and
-- each city's ranking of the others' proposals. SQLite dialect.
CREATE TABLE agenda_consultations (
  meeting_id BIGINT PRIMARY KEY REFERENCES meetings(id),
  closes_at BIGINT NOT NULL,
  opened_at BIGINT NOT NULL,
  opened_by TEXT NOT NULL,
  built_at BIGINT NOT NULL,
  built_by TEXT NOT NULL,
  last_number BIGINT NOT NULL
);

CREATE TABLE agenda_proposals (
  meeting_id BIGINT NOT NULL REFERENCES meetings(id),
  number BIGINT NOT NULL,
  kind TEXT NOT NULL,
  target_id BIGINT NOT NULL,
  target_reference TEXT NOT NULL,
  title TEXT NOT NULL,
  note TEXT NOT NULL,
  municipality TEXT NOT NULL,
  proposed_by BIGINT NOT NULL,
  proposed_by_name TEXT NOT NULL,
  proposed_at BIGINT NOT NULL,
  adopted_position BIGINT NOT NULL,
  PRIMARY KEY (meeting_id, number)
);

CREATE TABLE agenda_ranks (
  meeting_id BIGINT NOT NULL REFERENCES meetings(id),
  number BIGINT NOT NULL,
  municipality TEXT NOT NULL,
  position BIGINT NOT NULL,
  at BIGINT NOT NULL,
  PRIMARY KEY (meeting_id, number, municipality)
);
