-- Where each session signed in from, so that its owner and the admins can tell one session from another
-- and end the one they do not know: the client's address and the program it named itself as (its
-- User-Agent, at most 256 characters). NULL for the sessions signed in before. MySQL/MariaDB dialect.
ALTER TABLE sessions ADD COLUMN client VARCHAR(64) NULL, ADD COLUMN user_agent VARCHAR(256) NULL;
