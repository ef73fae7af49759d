-- A failed login older than the throttle's window never counts again: each attempt to sign in deletes
-- those first, found by their time, so that failures under usernames or from addresses never seen again
-- (a password sprayed over many names) do not pile up for ever. SQLite dialect.
CREATE INDEX login_failures_by_time ON login_failures(at);
