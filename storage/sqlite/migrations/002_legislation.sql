-- The legislative lifecycle: drafts, meetings, bills, clocks, inboxes, webhooks. SQLite dialect.
ALTER TABLE gaps ADD COLUMN due_at BIGINT;
CREATE INDEX gaps_by_due ON gaps(due_at);

CREATE TABLE drafts (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  gap_id BIGINT NOT NULL REFERENCES gaps(id),
  version BIGINT NOT NULL,
  body TEXT NOT NULL,
  rationale TEXT NOT NULL,
  provisions TEXT NOT NULL,
  author_id BIGINT NOT NULL,
  author_name TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  UNIQUE (gap_id, version)
);
-- A saved draft version is never changed: the database refuses it.
CREATE TRIGGER drafts_no_update BEFORE UPDATE ON drafts BEGIN SELECT RAISE(ABORT, 'drafts are immutable'); END;
CREATE TRIGGER drafts_no_delete BEFORE DELETE ON drafts BEGIN SELECT RAISE(ABORT, 'drafts are immutable'); END;

CREATE TABLE record_events (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  entity_type TEXT NOT NULL,
  entity_id BIGINT NOT NULL,
  sequence BIGINT NOT NULL,
  at BIGINT NOT NULL,
  actor_id BIGINT NOT NULL,
  actor_name TEXT NOT NULL,
  client_address TEXT NOT NULL,
  type TEXT NOT NULL,
  from_state TEXT NOT NULL,
  to_state TEXT NOT NULL,
  transition TEXT NOT NULL,
  comment TEXT NOT NULL,
  data TEXT NOT NULL,
  UNIQUE (entity_type, entity_id, sequence)
);
CREATE TRIGGER record_events_no_update BEFORE UPDATE ON record_events BEGIN SELECT RAISE(ABORT, 'record_events is append-only'); END;
CREATE TRIGGER record_events_no_delete BEFORE DELETE ON record_events BEGIN SELECT RAISE(ABORT, 'record_events is append-only'); END;

CREATE TABLE meetings (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  scheduled_at BIGINT NOT NULL,
  place TEXT NOT NULL,
  state TEXT NOT NULL,
  version BIGINT NOT NULL,
  created_by BIGINT NOT NULL REFERENCES users(id),
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
);
CREATE INDEX meetings_by_state ON meetings(state, scheduled_at);

CREATE TABLE meeting_attendance (
  meeting_id BIGINT NOT NULL REFERENCES meetings(id),
  municipality TEXT NOT NULL,
  PRIMARY KEY (meeting_id, municipality)
);

CREATE TABLE meeting_items (
  meeting_id BIGINT NOT NULL REFERENCES meetings(id),
  gap_id BIGINT NOT NULL REFERENCES gaps(id),
  position BIGINT NOT NULL,
  decision TEXT NOT NULL,
  decided_at BIGINT NOT NULL,
  decided_by TEXT NOT NULL,
  note TEXT NOT NULL,
  PRIMARY KEY (meeting_id, gap_id)
);

CREATE TABLE meeting_votes (
  meeting_id BIGINT NOT NULL REFERENCES meetings(id),
  gap_id BIGINT NOT NULL,
  municipality TEXT NOT NULL,
  vote TEXT NOT NULL,
  voter_id BIGINT NOT NULL,
  voter_name TEXT NOT NULL,
  at BIGINT NOT NULL,
  PRIMARY KEY (meeting_id, gap_id, municipality)
);

CREATE TABLE bill_counters (
  year BIGINT PRIMARY KEY,
  last BIGINT NOT NULL
);

CREATE TABLE bills (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  reference TEXT NOT NULL UNIQUE,
  title TEXT NOT NULL,
  channel TEXT NOT NULL,
  registration_no TEXT NOT NULL,
  lead_commission TEXT NOT NULL,
  advisory_commissions TEXT NOT NULL,
  urgency TEXT NOT NULL,
  state TEXT NOT NULL,
  version BIGINT NOT NULL,
  due_at BIGINT,
  extensions BIGINT NOT NULL,
  created_by BIGINT NOT NULL REFERENCES users(id),
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
);
CREATE INDEX bills_by_created ON bills(created_at, id);
CREATE INDEX bills_by_due ON bills(due_at);

CREATE TABLE bill_gaps (
  bill_id BIGINT NOT NULL REFERENCES bills(id),
  gap_id BIGINT NOT NULL REFERENCES gaps(id),
  position BIGINT NOT NULL,
  PRIMARY KEY (bill_id, gap_id)
);
CREATE INDEX bill_gaps_by_gap ON bill_gaps(gap_id);

CREATE TABLE bill_sponsors (
  bill_id BIGINT NOT NULL REFERENCES bills(id),
  position BIGINT NOT NULL,
  name TEXT NOT NULL,
  constituency TEXT NOT NULL,
  signed_at BIGINT NOT NULL,
  withdrawn_at BIGINT,
  PRIMARY KEY (bill_id, position)
);

CREATE TABLE bill_objections (
  bill_id BIGINT NOT NULL REFERENCES bills(id),
  number BIGINT NOT NULL,
  article TEXT NOT NULL,
  type TEXT NOT NULL,
  body TEXT NOT NULL,
  response TEXT NOT NULL,
  resolved BIGINT NOT NULL,
  raised_at BIGINT NOT NULL,
  resolved_at BIGINT,
  PRIMARY KEY (bill_id, number)
);

CREATE TABLE bill_positions (
  bill_id BIGINT NOT NULL REFERENCES bills(id),
  municipality TEXT NOT NULL,
  position TEXT NOT NULL,
  note TEXT NOT NULL,
  by_id BIGINT NOT NULL,
  by_name TEXT NOT NULL,
  at BIGINT NOT NULL,
  PRIMARY KEY (bill_id, municipality)
);

CREATE TABLE gap_watchers (
  gap_id BIGINT NOT NULL REFERENCES gaps(id),
  user_id BIGINT NOT NULL REFERENCES users(id),
  PRIMARY KEY (gap_id, user_id)
);

CREATE TABLE notifications (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  user_id BIGINT NOT NULL REFERENCES users(id),
  at BIGINT NOT NULL,
  entity_type TEXT NOT NULL,
  entity_id BIGINT NOT NULL,
  reference TEXT NOT NULL,
  event_type TEXT NOT NULL,
  summary TEXT NOT NULL,
  read_at BIGINT
);
CREATE INDEX notifications_by_user ON notifications(user_id, id);

CREATE TABLE webhook_subscriptions (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  url TEXT NOT NULL,
  events TEXT NOT NULL,
  secret TEXT NOT NULL,
  active BIGINT NOT NULL,
  created_by BIGINT NOT NULL REFERENCES users(id),
  created_at BIGINT NOT NULL
);

CREATE TABLE outbox (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  event_type TEXT NOT NULL,
  payload TEXT NOT NULL,
  created_at BIGINT NOT NULL
);

CREATE TABLE webhook_deliveries (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  subscription_id BIGINT NOT NULL REFERENCES webhook_subscriptions(id),
  outbox_id BIGINT NOT NULL REFERENCES outbox(id),
  state TEXT NOT NULL,
  attempts BIGINT NOT NULL,
  next_attempt_at BIGINT NOT NULL,
  delivered_at BIGINT,
  last_status BIGINT NOT NULL,
  last_error TEXT NOT NULL
);
CREATE INDEX webhook_deliveries_due ON webhook_deliveries(state, next_attempt_at);
CREATE INDEX webhook_deliveries_by_subscription ON webhook_deliveries(subscription_id, id);
