-- A calendar lists the meetings of a month whatever their state. SQLite dialect.
CREATE INDEX meetings_by_time ON meetings(scheduled_at, id);
