-- The indexes of the lists people run every day, as ../V005__query_indexes.sql.
DROP INDEX inquiry_status;
CREATE INDEX inquiry_status_priority ON inquiry (status, priority, created_at);
CREATE INDEX inquiry_status_updated ON inquiry (status, updated_at);
CREATE INDEX inquiry_created ON inquiry (created_at);
DROP INDEX inquiry_assignee;
CREATE INDEX inquiry_assignee_status ON inquiry (assignee_id, status);
DROP INDEX inquiry_location;
CREATE INDEX inquiry_location_status ON inquiry (location_id, status);
