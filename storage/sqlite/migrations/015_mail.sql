-- How each person hears of things by e-mail (none, at once, a daily or a weekly digest), and the mail
-- outbox the digests are written to in the transaction that moves the person's cursor: a restart loses
-- nothing, and (user_id, digest_key) being unique, no two instances compose one digest twice. SQLite dialect.
CREATE TABLE mail_preferences (
  user_id INTEGER PRIMARY KEY REFERENCES users(id),
  address TEXT NOT NULL,
  frequency TEXT NOT NULL,
  mailed_through BIGINT NOT NULL,
  last_digest TEXT NOT NULL,
  updated_at BIGINT NOT NULL,
  version BIGINT NOT NULL
);

CREATE TABLE mail_outbox (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  user_id BIGINT NOT NULL REFERENCES users(id),
  digest_key TEXT NOT NULL,
  recipient TEXT NOT NULL,
  subject TEXT NOT NULL,
  body_text TEXT NOT NULL,
  body_html TEXT NOT NULL,
  entries BIGINT NOT NULL,
  state TEXT NOT NULL,
  attempts BIGINT NOT NULL,
  next_attempt_at BIGINT NOT NULL,
  sent_at BIGINT,
  last_error TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  UNIQUE (user_id, digest_key)
);
CREATE INDEX mail_outbox_due ON mail_outbox(state, next_attempt_at);
