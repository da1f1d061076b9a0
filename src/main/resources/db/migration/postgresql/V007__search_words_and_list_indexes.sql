-- --location (open ones, most urgent first) and --status all with the default sort, as
-- ../V007__search_words_and_list_indexes.sql; its list of the index's words is SQLite's alone (a prefix is asked
-- of PostgreSQL's index as it is).
DROP INDEX inquiry_location_status;
CREATE INDEX inquiry_location_status_priority ON inquiry (location_id, status, priority, created_at);
CREATE INDEX inquiry_urgency_created ON inquiry (
    (CASE priority WHEN 'urgent' THEN 4 WHEN 'high' THEN 3 WHEN 'normal' THEN 2 ELSE 1 END) DESC, created_at);
