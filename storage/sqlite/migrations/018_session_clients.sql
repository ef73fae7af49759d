-- Where each session signed in from, so that its owner and the admins can tell one session from another
-- and end the one they do not know: the client's address and the program it named itself as (its
-- User-Agent). NULL for the sessions signed in before. SQLite dialect.
ALTER TABLE sessions ADD COLUMN client TEXT;
ALTER TABLE sessions ADD COLUMN user_agent TEXT;
