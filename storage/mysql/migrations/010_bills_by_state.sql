-- The bills board reads each stage's newest bills: the index on the state, newest last. MySQL/MariaDB dialect.
CREATE INDEX bills_by_state ON bills(state, created_at, id);
