-- The legislative lifecycle: drafts, meetings, bills, clocks, inboxes, webhooks. MySQL/MariaDB dialect.
ALTER TABLE gaps ADD COLUMN due_at BIGINT NULL, ADD KEY gaps_by_due (due_at);

CREATE TABLE drafts (
  id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
  gap_id BIGINT NOT NULL,
  version BIGINT NOT NULL,
  body MEDIUMTEXT NOT NULL,
  rationale MEDIUMTEXT NOT NULL,
  provisions TEXT NOT NULL,
  author_id BIGINT NOT NULL,
  author_name VARCHAR(64) NOT NULL,
  created_at BIGINT NOT NULL,
  UNIQUE (gap_id, version)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE TABLE record_events (
  id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
  entity_type VARCHAR(64) NOT NULL,
  entity_id BIGINT NOT NULL,
  sequence BIGINT NOT NULL,
  at BIGINT NOT NULL,
  actor_id BIGINT NOT NULL,
  actor_name VARCHAR(64) NOT NULL,
  client_address VARCHAR(64) NOT NULL,
  type VARCHAR(64) NOT NULL,
  from_state VARCHAR(64) NOT NULL,
  to_state VARCHAR(64) NOT NULL,
  transition VARCHAR(64) NOT NULL,
  comment MEDIUMTEXT NOT NULL,
  data MEDIUMTEXT NOT NULL,
  UNIQUE (entity_type, entity_id, sequence)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE TABLE meetings (
  id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
  scheduled_at BIGINT NOT NULL,
  place TEXT NOT NULL,
  state VARCHAR(64) NOT NULL,
  version BIGINT NOT NULL,
  created_by BIGINT NOT NULL,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
CREATE INDEX meetings_by_state ON meetings(state, scheduled_at);

CREATE TABLE meeting_attendance (
  meeting_id BIGINT NOT NULL,
  municipality VARCHAR(64) NOT NULL,
  PRIMARY KEY (meeting_id, municipality)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE TABLE meeting_items (
  meeting_id BIGINT NOT NULL,
  gap_id BIGINT NOT NULL,
  position BIGINT NOT NULL,
  decision VARCHAR(64) NOT NULL,
  decided_at BIGINT NOT NULL,
  decided_by VARCHAR(64) NOT NULL,
  note TEXT NOT NULL,
  PRIMARY KEY (meeting_id, gap_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE TABLE meeting_votes (
  meeting_id BIGINT NOT NULL,
  gap_id BIGINT NOT NULL,
  municipality VARCHAR(64) NOT NULL,
  vote VARCHAR(64) NOT NULL,
  voter_id BIGINT NOT NULL,
  voter_name VARCHAR(64) NOT NULL,
  at BIGINT NOT NULL,
  PRIMARY KEY (meeting_id, gap_id, municipality)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE TABLE bill_counters (
  year BIGINT NOT NULL PRIMARY KEY,
  last BIGINT NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE TABLE bills (
  id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
  reference VARCHAR(32) NOT NULL UNIQUE,
  title TEXT NOT NULL,
  channel VARCHAR(64) NOT NULL,
  registration_no VARCHAR(200) NOT NULL,
  lead_commission TEXT NOT NULL,
  advisory_commissions TEXT NOT NULL,
  urgency VARCHAR(64) NOT NULL,
  state VARCHAR(64) NOT NULL,
  version BIGINT NOT NULL,
  due_at BIGINT,
  extensions BIGINT NOT NULL,
  created_by BIGINT NOT NULL,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
CREATE INDEX bills_by_created ON bills(created_at, id);
CREATE INDEX bills_by_due ON bills(due_at);

CREATE TABLE bill_gaps (
  bill_id BIGINT NOT NULL,
  gap_id BIGINT NOT NULL,
  position BIGINT NOT NULL,
  PRIMARY KEY (bill_id, gap_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
CREATE INDEX bill_gaps_by_gap ON bill_gaps(gap_id);

CREATE TABLE bill_sponsors (
  bill_id BIGINT NOT NULL,
  position BIGINT NOT NULL,
  name TEXT NOT NULL,
  constituency TEXT NOT NULL,
  signed_at BIGINT NOT NULL,
  withdrawn_at BIGINT,
  PRIMARY KEY (bill_id, position)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE TABLE bill_objections (
  bill_id BIGINT NOT NULL,
  number BIGINT NOT NULL,
  article VARCHAR(200) NOT NULL,
  type VARCHAR(64) NOT NULL,
  body MEDIUMTEXT NOT NULL,
  response MEDIUMTEXT NOT NULL,
  resolved BIGINT NOT NULL,
  raised_at BIGINT NOT NULL,
  resolved_at BIGINT,
  PRIMARY KEY (bill_id, number)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE TABLE bill_positions (
  bill_id BIGINT NOT NULL,
  municipality VARCHAR(64) NOT NULL,
  position VARCHAR(64) NOT NULL,
  note TEXT NOT NULL,
  by_id BIGINT NOT NULL,
  by_name VARCHAR(64) NOT NULL,
  at BIGINT NOT NULL,
  PRIMARY KEY (bill_id, municipality)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE TABLE gap_watchers (
  gap_id BIGINT NOT NULL,
  user_id BIGINT NOT NULL,
  PRIMARY KEY (gap_id, user_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE TABLE notifications (
  id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
  user_id BIGINT NOT NULL,
  at BIGINT NOT NULL,
  entity_type VARCHAR(64) NOT NULL,
  entity_id BIGINT NOT NULL,
  reference TEXT NOT NULL,
  event_type VARCHAR(64) NOT NULL,
  summary TEXT NOT NULL,
  read_at BIGINT
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
CREATE INDEX notifications_by_user ON notifications(user_id, id);

CREATE TABLE webhook_subscriptions (
  id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
  url VARCHAR(2000) NOT NULL,
  events TEXT NOT NULL,
  secret TEXT NOT NULL,
  active BIGINT NOT NULL,
  created_by BIGINT NOT NULL,
  created_at BIGINT NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE TABLE outbox (
  id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
  event_type VARCHAR(64) NOT NULL,
  payload MEDIUMTEXT NOT NULL,
  created_at BIGINT NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE TABLE webhook_deliveries (
  id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
  subscription_id BIGINT NOT NULL,
  outbox_id BIGINT NOT NULL,
  state VARCHAR(64) NOT NULL,
  attempts BIGINT NOT NULL,
  next_attempt_at BIGINT NOT NULL,
  delivered_at BIGINT,
  last_status BIGINT NOT NULL,
  last_error TEXT NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
CREATE INDEX webhook_deliveries_due ON webhook_deliveries(state, next_attempt_at);
CREATE INDEX webhook_deliveries_by_subscription ON webhook_deliveries(subscription_id, id);
