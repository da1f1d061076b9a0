-- task list: open tasks first, then the soonest due, undated last (TaskMapper.xml, "page"), 50 at a time. Without an
-- index in that order SQLite sorted every task to find the first 50: 160 ms on the generated million inquiries'
-- hundred thousand tasks (scripts/bench); reading this index in order, it stops after 50. The expressions are the
-- ORDER BY's, word for word: SQLite uses an index on expressions only where the query says the same.
CREATE INDEX task_open_due ON task (status = 'done', due IS NULL, due);
