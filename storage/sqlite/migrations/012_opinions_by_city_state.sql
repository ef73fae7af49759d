-- The opinions list filtered by city and state reads, newest first, the one index on both (with one index
-- per column MariaDB intersected the two and sorted what they shared). SQLite dialect.
CREATE INDEX opinions_by_municipality_state ON opinions(municipality, state, id);
