-- inquiry list --search (open ones, the default): each hit of the words is checked against the set of open
-- inquiries, which the search reads first. From (status, …) indexes they come in no order, and making a set of them
-- cost about 5 ms on a million inquiries; from this index, which holds the open ones alone in id order, about 2 ms
-- (scripts/bench). InquiryMapper.xml names it (searchFilter): without statistics, SQLite would not choose it.
-- Partial: it holds the open inquiries only (2% of a big file), so it is small and costs a write only when an
-- inquiry is made, opened or closed. The WHERE is the one the query spells out, word for word: SQLite uses a partial
-- index only where the query's WHERE says what the index's says.
CREATE INDEX inquiry_open ON inquiry (id) WHERE status IN ('todo', 'in-progress');
