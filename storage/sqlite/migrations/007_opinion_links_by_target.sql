-- The opinions that name a record (a gap's page lists the opinions linked to it). SQLite dialect.
CREATE INDEX opinion_links_by_target ON opinion_links(target_type, target_id, opinion_id);
