-- Indexes for the lists people run every day, so they answer in milliseconds on a million inquiries
-- (scripts/bench measures them). Each one costs the import and every status change a little: only these earn it.
-- The plans they give are pinned by tests (QueryPlanTest): a query that stops using its index fails a test.

-- inquiry list (open ones, most urgent and oldest first), --priority, and every count by status: the status, priority
-- and age of all open inquiries are read from the index alone, never from the table. Replaces the index on status,
-- which it begins with.
DROP INDEX inquiry_status;
CREATE INDEX inquiry_status_priority ON inquiry (status, priority, created_at);

-- --status done --sort updated (or -updated: what was closed lately): read in order, 50 rows, no sort of a million.
CREATE INDEX inquiry_status_updated ON inquiry (status, updated_at);

-- --status all --sort created (or -created): the newest 50 without sorting every inquiry. Never changes after insert.
CREATE INDEX inquiry_created ON inquiry (created_at);

-- --assignee and --location with a status (open by default), and the open count of location list: the index answers
-- which inquiries match without visiting the thousands of closed ones. Each replaces the index on the column alone.
DROP INDEX inquiry_assignee;
CREATE INDEX inquiry_assignee_status ON inquiry (assignee_id, status);
DROP INDEX inquiry_location;
CREATE INDEX inquiry_location_status ON inquiry (location_id, status);
