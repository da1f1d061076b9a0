-- What search and two lists need to answer in milliseconds on a million inquiries (scripts/bench measures them; the
-- plans are pinned by QueryPlanTest). Nothing is rebuilt: on a million inquiries this takes a few seconds.

-- The words the search index holds, in order (FTS5's own view of its index; it stores nothing). A search looks up the
-- words that begin with what was typed ("lekkasje": lekkasje, lekkasjen) and asks the index for those words. Asked for
-- the prefix instead, FTS5 first merges the lists of every word beginning with it into one, about 5 ms for a common
-- word, and again in every statement of the search that matches it; word by word, it reads only the hits it uses.
CREATE VIRTUAL TABLE search_terms USING fts5vocab(search_index, 'row');

-- --location (open ones by default, most urgent first): the index now holds what the list sorts on, so the open
-- inquiries of a building are sorted from the index alone instead of reading each one's row. Replaces the index of
-- V005 on (location_id, status), which it begins with.
DROP INDEX inquiry_location_status;
CREATE INDEX inquiry_location_status_priority ON inquiry (location_id, status, priority, created_at);

-- --status all with the default sort (most urgent, oldest first): read in that order, 50 entries, instead of sorting a
-- million. The expression is the one InquiryMapper.xml sorts by (fragment "order"), word for word: SQLite uses an
-- index on an expression only for that same expression.
CREATE INDEX inquiry_urgency_created ON inquiry (
    (CASE priority WHEN 'urgent' THEN 4 WHEN 'high' THEN 3 WHEN 'normal' THEN 2 ELSE 1 END) DESC, created_at);
