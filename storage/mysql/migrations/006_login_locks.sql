-- One row per username (u:…) and client address (c:…) that a sign-in attempt holds while it is
-- counted against the limit of failed sign-ins. MySQL dialect.
CREATE TABLE login_locks (
  name VARCHAR(400) NOT NULL PRIMARY KEY
) ENGINE=InnoDB;
