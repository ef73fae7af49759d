-- A webhook delivery given up on, put back by an admin for one more attempt once its receiver is fixed.
-- `retries` counts those; each is the sequence of its audit event (entity webhook_delivery). MySQL/MariaDB dialect.
ALTER TABLE webhook_deliveries ADD COLUMN retries BIGINT NOT NULL DEFAULT 0;
