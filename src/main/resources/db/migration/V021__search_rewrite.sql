-- contact forget rewrites the texts of all of a person's inquiries in one transaction. The triggers of V006 took each
-- changed text out of the search index and put it back at once; FTS5 writes out what it holds in memory whenever a
-- row is written that is not after the last it wrote, so every text made a segment of its own, each time with
-- secure-delete (V014) rewriting the index pages of every word it took out: 1,000 mails took seconds. While an
-- inquiry is in search_rewrite, the triggers leave its rows in the index alone: the writer that put it there takes
-- the inquiries' rows out in one statement and puts them back in another, in rowid order (store/ErasureMapper.xml),
-- and empties search_rewrite in the same transaction, so that no other connection ever sees a row in it.
--
-- The comment and attachment triggers now also skip a change that leaves the text as it was, as the others did:
-- an erased file keeps its name, and a comment its body, when neither names the person.
CREATE TABLE search_rewrite (
    inquiry_id  INTEGER PRIMARY KEY
);

DROP TRIGGER search_inquiry_update;
CREATE TRIGGER search_inquiry_update AFTER UPDATE OF title, description ON inquiry
WHEN (old.title IS NOT new.title OR old.description IS NOT new.description)
    AND NOT EXISTS (SELECT 1 FROM search_rewrite WHERE inquiry_id = old.id)
BEGIN
    DELETE FROM search_index WHERE rowid IN ((old.id << 32) + old.id * 8 + 0, (old.id << 32) + old.id * 8 + 1);
    INSERT INTO search_index (rowid, text, inquiry_id, field)
        VALUES ((new.id << 32) + new.id * 8 + 0, new.title, new.id, 'title');
    INSERT INTO search_index (rowid, text, inquiry_id, field)
        SELECT (new.id << 32) + new.id * 8 + 1, new.description, new.id, 'description' WHERE new.description <> '';
END;

DROP TRIGGER search_comment_update;
CREATE TRIGGER search_comment_update AFTER UPDATE OF body, inquiry_id ON comment
WHEN (old.body IS NOT new.body OR old.inquiry_id IS NOT new.inquiry_id)
    AND NOT EXISTS (SELECT 1 FROM search_rewrite WHERE inquiry_id IN (old.inquiry_id, new.inquiry_id))
BEGIN
    DELETE FROM search_index WHERE rowid = (old.inquiry_id << 32) + old.id * 8 + 2;
    INSERT INTO search_index (rowid, text, inquiry_id, field)
        SELECT (new.inquiry_id << 32) + new.id * 8 + 2, new.body, new.inquiry_id, 'comment' WHERE new.body <> '';
END;

DROP TRIGGER search_task_update;
CREATE TRIGGER search_task_update AFTER UPDATE OF title, description, completion_note, inquiry_id ON task
WHEN (old.title IS NOT new.title OR old.description IS NOT new.description
        OR old.completion_note IS NOT new.completion_note OR old.inquiry_id IS NOT new.inquiry_id)
    AND NOT EXISTS (SELECT 1 FROM search_rewrite WHERE inquiry_id IN (old.inquiry_id, new.inquiry_id))
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

DROP TRIGGER search_attachment_update;
CREATE TRIGGER search_attachment_update AFTER UPDATE OF filename, inquiry_id ON attachment
WHEN (old.filename IS NOT new.filename OR old.inquiry_id IS NOT new.inquiry_id)
    AND NOT EXISTS (SELECT 1 FROM search_rewrite WHERE inquiry_id IN (old.inquiry_id, new.inquiry_id))
BEGIN
    DELETE FROM search_index WHERE rowid = (old.inquiry_id << 32) + old.id * 8 + 6;
    INSERT INTO search_index (rowid, text, inquiry_id, field)
        VALUES ((new.inquiry_id << 32) + new.id * 8 + 6, new.filename, new.inquiry_id, 'attachment');
END;
