-- fetch-mail files a batch of messages in one transaction. In it, every statement that SQLite may have to undo on its
-- own (an insert with a trigger, with RETURNING, or into a table with a unique index) first has the full-text index
-- write out the rows it holds in memory: FTS5 does so at every statement savepoint. With an inquiry's texts added by
-- a trigger, that made a new segment of the index for every message, merged again and again: a fifth of the time of
-- an import of small mail (scripts/bench-fetch). Deferred, the batch's texts go into the index in one statement at
-- the end of the batch, and the index writes them once, at the commit.
--
-- While search_deferred has its row, the triggers that add a new inquiry's or comment's texts add nothing. The
-- writer that put the row there adds those rows itself and deletes the row, in the same transaction, so no other
-- connection ever sees it, and a writer that fails leaves nothing behind. The row holds the highest ids before the
-- batch: the rows above them are the batch's. What a deferring writer inserts, it does not change or delete before
-- it adds the texts (fetch-mail never does); the other triggers are those of V006.
CREATE TABLE search_deferred (
    inquiry_after  INTEGER NOT NULL,
    comment_after  INTEGER NOT NULL
);

DROP TRIGGER search_inquiry_insert;
CREATE TRIGGER search_inquiry_insert AFTER INSERT ON inquiry
WHEN NOT EXISTS (SELECT 1 FROM search_deferred)
BEGIN
    INSERT INTO search_index (rowid, text, inquiry_id, field)
        VALUES ((new.id << 32) + new.id * 8 + 0, new.title, new.id, 'title');
    INSERT INTO search_index (rowid, text, inquiry_id, field)
        SELECT (new.id << 32) + new.id * 8 + 1, new.description, new.id, 'description' WHERE new.description <> '';
END;

DROP TRIGGER search_comment_insert;
CREATE TRIGGER search_comment_insert AFTER INSERT ON comment
WHEN NOT EXISTS (SELECT 1 FROM search_deferred)
BEGIN
    INSERT INTO search_index (rowid, text, inquiry_id, field)
        SELECT (new.inquiry_id << 32) + new.id * 8 + 2, new.body, new.inquiry_id, 'comment' WHERE new.body <> '';
END;
