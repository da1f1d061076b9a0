-- Retention, as ../V018__retention.sql, which says what it is for.
CREATE INDEX inquiry_done ON inquiry (closed_at) WHERE status = 'done';
