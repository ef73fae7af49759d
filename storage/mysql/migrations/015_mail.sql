-- How each person hears of things by e-mail (none, at once, a daily or a weekly digest), and the mail
-- outbox the digests are written to in the transaction that moves the person's cursor: a restart loses
-- nothing, and (user_id, digest_key) being unique, no two instances compose one digest twice.
-- MySQL/MariaDB dialect.
CREATE TABLE mail_preferences (
  user_id BIGINT NOT NULL PRIMARY KEY,
  address VARCHAR(254) NOT NULL,
  frequency VARCHAR(16) NOT NULL,
  mailed_through BIGINT NOT NULL,
  last_digest VARCHAR(64) NOT NULL,
  updated_at BIGINT NOT NULL,
  version BIGINT NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE TABLE mail_outbox (
  id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
  user_id BIGINT NOT NULL,
  digest_key VARCHAR(64) NOT NULL,
  recipient VARCHAR(254) NOT NULL,
  subject TEXT NOT NULL,
  body_text MEDIUMTEXT NOT NULL,
  body_html MEDIUMTEXT NOT NULL,
  entries BIGINT NOT NULL,
  state VARCHAR(16) NOT NULL,
  attempts BIGINT NOT NULL,
  next_attempt_at BIGINT NOT NULL,
  sent_at BIGINT,
  last_error TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  UNIQUE KEY mail_outbox_once (user_id, digest_key)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
CREATE INDEX mail_outbox_due ON mail_outbox(state, next_attempt_at);
