-- Every audit event names the request that made it (its X-Request-Id, as the request's log line and any
-- problem answer do); '' for events made before, or outside a request. MariaDB adds a last column with a
-- default in place (ALGORITHM=INSTANT), without copying the events. MySQL/MariaDB dialect.
ALTER TABLE gap_events ADD COLUMN request_id VARCHAR(128) NOT NULL DEFAULT '';
ALTER TABLE record_events ADD COLUMN request_id VARCHAR(128) NOT NULL DEFAULT '';
