-- The search index's rowid now begins with the inquiry a text belongs to, so a search finds its inquiries from the
-- index alone. Before, each hit's inquiry_id was read from the index's content table: one look-up per hit, which on
-- a million inquiries made a common word ("lekkasje": 50,000 hits) take seconds.
--
-- rowid = inquiry id * 2^32 + source row id * 8 + kind of text (the kinds of V002: 0 inquiry title, 1 description,
-- 2 comment, 3 task title, 4 task description, 5 task completion note, 6 attachment file name). So:
--   rowid >> 32 is the inquiry, rowid & 7 the kind, and one inquiry's texts are the rowids from id << 32 up to
--   (id + 1) << 32, a range the index seeks to directly (the snippets of one page of results).
-- Source row ids must stay below 2^29 (536,870,912 comments, tasks or attachments) and inquiry ids below 2^31.
-- Within one inquiry the order of rowids is the old one, so ties between equally good hits break as before.
--
-- The table, its tokenizer and its columns are those of V002; only the rowids and the triggers that write them
-- change. The index is rebuilt from the tables, once: about half a minute for a million inquiries (scripts/bench).

DROP TRIGGER search_inquiry_insert;
DROP TRIGGER search_inquiry_update;
DROP TRIGGER search_inquiry_delete;
DROP TRIGGER search_comment_insert;
DROP TRIGGER search_comment_update;
DROP TRIGGER search_comment_delete;
DROP TRIGGER search_task_insert;
DROP TRIGGER search_task_update;
DROP TRIGGER search_task_delete;
DROP TRIGGER search_attachment_insert;
DROP TRIGGER search_attachment_update;
DROP TRIGGER search_attachment_delete;
DROP TABLE search_index;

CREATE VIRTUAL TABLE search_index USING fts5 (
    text,
    inquiry_id UNINDEXED,
    field UNINDEXED,
    tokenize = 'unicode61 remove_diacritics 0'
);

-- Inquiries

CREATE TRIGGER search_inquiry_insert AFTER INSERT ON inquiry
BEGIN
    INSERT INTO search_index (rowid, text, inquiry_id, field)
        VALUES ((new.id << 32) + new.id * 8 + 0, new.title, new.id, 'title');
    INSERT INTO search_index (rowid, text, inquiry_id, field)
        SELECT (new.id << 32) + new.id * 8 + 1, new.description, new.id, 'description' WHERE new.description <> '';
END;

-- Every status change rewrites the title and description with the same values: WHEN skips those.
CREATE TRIGGER search_inquiry_update AFTER UPDATE OF title, description ON inquiry
WHEN old.title IS NOT new.title OR old.description IS NOT new.description
BEGIN
    DELETE FROM search_index WHERE rowid IN ((old.id << 32) + old.id * 8 + 0, (old.id << 32) + old.id * 8 + 1);
    INSERT INTO search_index (rowid, text, inquiry_id, field)
        VALUES ((new.id << 32) + new.id * 8 + 0, new.title, new.id, 'title');
    INSERT INTO search_index (rowid, text, inquiry_id, field)
        SELECT (new.id << 32) + new.id * 8 + 1, new.description, new.id, 'description' WHERE new.description <> '';
END;

CREATE TRIGGER search_inquiry_delete AFTER DELETE ON inquiry
BEGIN
    DELETE FROM search_index WHERE rowid IN ((old.id << 32) + old.id * 8 + 0, (old.id << 32) + old.id * 8 + 1);
END;

-- Comments, of every kind

CREATE TRIGGER search_comment_insert AFTER INSERT ON comment
BEGIN
    INSERT INTO search_index (rowid, text, inquiry_id, field)
        SELECT (new.inquiry_id << 32) + new.id * 8 + 2, new.body, new.inquiry_id, 'comment' WHERE new.body <> '';
END;

CREATE TRIGGER search_comment_update AFTER UPDATE OF body, inquiry_id ON comment
BEGIN
    DELETE FROM search_index WHERE rowid = (old.inquiry_id << 32) + old.id * 8 + 2;
    INSERT INTO search_index (rowid, text, inquiry_id, field)
        SELECT (new.inquiry_id << 32) + new.id * 8 + 2, new.body, new.inquiry_id, 'comment' WHERE new.body <> '';
END;

CREATE TRIGGER search_comment_delete AFTER DELETE ON comment
BEGIN
    DELETE FROM search_index WHERE rowid = (old.inquiry_id << 32) + old.id * 8 + 2;
END;

-- Tasks and deviation reports

CREATE TRIGGER search_task_insert AFTER INSERT ON task
BEGIN
    INSERT INTO search_index (rowid, text, inquiry_id, field)
        VALUES ((new.inquiry_id << 32) + new.id * 8 + 3, new.title, new.inquiry_id, 'task-title');
    INSERT INTO search_index (rowid, text, inquiry_id, field)
        SELECT (new.inquiry_id << 32) + new.id * 8 + 4, new.description, new.inquiry_id, 'task-description'
        WHERE new.description <> '';
    INSERT INTO search_index (rowid, text, inquiry_id, field)
        SELECT (new.inquiry_id << 32) + new.id * 8 + 5, new.completion_note, new.inquiry_id, 'task-note'
        WHERE new.completion_note <> '';
END;

CREATE TRIGGER search_task_update AFTER UPDATE OF title, description, completion_note, inquiry_id ON task
WHEN old.title IS NOT new.title OR old.description IS NOT new.description
    OR old.completion_note IS NOT new.completion_note OR old.inquiry_id IS NOT new.inquiry_id
BEGIN
    DELETE FROM search_index WHERE rowid IN ((old.inquiry_id << 32) + old.id * 8 + 3,
        (old.inquiry_id << 32) + old.id * 8 + 4, (old.inquiry_id << 32) + old.id * 8 + 5);
    INSERT INTO search_index (rowid, text, inquiry_id, field)
        VALUES ((new.inquiry_id << 32) + new.id * 8 + 3, new.title, new.inquiry_id, 'task-title');
    INSERT INTO search_index (rowid, text, inquiry_id, field)
        SELECT (new.inquiry_id << 32) + new.id * 8 + 4, new.description, new.inquiry_id, 'task-description'
        WHERE new.description <> '';
    INSERT INTO search_index (rowid, text, inquiry_id, field)
        SELECT (new.inquiry_id << 32) + new.id * 8 + 5, new.completion_note, new.inquiry_id, 'task-note'
        WHERE new.completion_note <> '';
END;

CREATE TRIGGER search_task_delete AFTER DELETE ON task
BEGIN
    DELETE FROM search_index WHERE rowid IN ((old.inquiry_id << 32) + old.id * 8 + 3,
        (old.inquiry_id << 32) + old.id * 8 + 4, (old.inquiry_id << 32) + old.id * 8 + 5);
END;

-- Attachments, by file name

CREATE TRIGGER search_attachment_insert AFTER INSERT ON attachment
BEGIN
    INSERT INTO search_index (rowid, text, inquiry_id, field)
        VALUES ((new.inquiry_id << 32) + new.id * 8 + 6, new.filename, new.inquiry_id, 'attachment');
END;

CREATE TRIGGER search_attachment_update AFTER UPDATE OF filename, inquiry_id ON attachment
BEGIN
    DELETE FROM search_index WHERE rowid = (old.inquiry_id << 32) + old.id * 8 + 6;
    INSERT INTO search_index (rowid, text, inquiry_id, field)
        VALUES ((new.inquiry_id << 32) + new.id * 8 + 6, new.filename, new.inquiry_id, 'attachment');
END;

CREATE TRIGGER search_attachment_delete AFTER DELETE ON attachment
BEGIN
    DELETE FROM search_index WHERE rowid = (old.inquiry_id << 32) + old.id * 8 + 6;
END;

-- Everything the file holds, in rowid order (the order an FTS5 index is fastest to build in).

INSERT INTO search_index (rowid, text, inquiry_id, field)
SELECT rowid, text, inquiry_id, field FROM (
    SELECT (id << 32) + id * 8 + 0 AS rowid, title AS text, id AS inquiry_id, 'title' AS field FROM inquiry
    UNION ALL
    SELECT (id << 32) + id * 8 + 1, description, id, 'description' FROM inquiry WHERE description <> ''
    UNION ALL
    SELECT (inquiry_id << 32) + id * 8 + 2, body, inquiry_id, 'comment' FROM comment WHERE body <> ''
    UNION ALL
    SELECT (inquiry_id << 32) + id * 8 + 3, title, inquiry_id, 'task-title' FROM task
    UNION ALL
    SELECT (inquiry_id << 32) + id * 8 + 4, description, inquiry_id, 'task-description' FROM task
        WHERE description <> ''
    UNION ALL
    SELECT (inquiry_id << 32) + id * 8 + 5, completion_note, inquiry_id, 'task-note' FROM task
        WHERE completion_note <> ''
    UNION ALL
    SELECT (inquiry_id << 32) + id * 8 + 6, filename, inquiry_id, 'attachment' FROM attachment
)
ORDER BY rowid;
