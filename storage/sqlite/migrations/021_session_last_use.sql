-- When and from where each session was last used, so that its owner and the admins can tell a session in
-- use from one left behind, and see a token used from an address it did not sign in from. Written at
-- sign-in and then at most once every few minutes of use (AuthService::TOUCH_EVERY_MS). NULL for the
-- sessions signed in before, until their next use. SQLite dialect.
ALTER TABLE sessions ADD COLUMN last_used_at INTEGER;
ALTER TABLE sessions ADD COLUMN last_client TEXT;
