-- Full-text search over everything written about an inquiry, with SQLite's FTS5.
--
-- One index row per piece of text (an inquiry's title or description, a comment, a task's title, description or
-- completion note, an attachment's file name), so that a search can say where it matched and weigh a title
-- above a comment (the weights live in the query, InquiryMapper.xml, so tuning them needs no migration).
--
-- unicode61 folds case for every letter (Æ → æ), and remove_diacritics 0 keeps å, ø and æ letters of their own:
-- "lås" is not "las".
--
-- The rowid names the source row: its id * 8 + the kind of text (0 inquiry title, 1 inquiry description,
-- 2 comment, 3 task title, 4 task description, 5 task completion note, 6 attachment file name). A trigger thus
-- replaces exactly its row by rowid, instead of scanning the index for it.
--
-- Triggers keep the index in step with every writer, the mail import included; empty texts get no row.

CREATE VIRTUAL TABLE search_index USING fts5 (
    text,
    inquiry_id UNINDEXED,
    field UNINDEXED,
    tokenize = 'unicode61 remove_diacritics 0'
);

-- Inquiries

CREATE TRIGGER search_inquiry_insert AFTER INSERT ON inquiry
BEGIN
    INSERT INTO search_index (rowid, text, inquiry_id, field) VALUES (new.id * 8 + 0, new.title, new.id, 'title');
    INSERT INTO search_index (rowid, text, inquiry_id, field)
        SELECT new.id * 8 + 1, new.description, new.id, 'description' WHERE new.description <> '';
END;

-- Every status change rewrites the title and description with the same values: WHEN skips those.
CREATE TRIGGER search_inquiry_update AFTER UPDATE OF title, description ON inquiry
WHEN old.title IS NOT new.title OR old.description IS NOT new.description
BEGIN
    DELETE FROM search_index WHERE rowid IN (old.id * 8 + 0, old.id * 8 + 1);
    INSERT INTO search_index (rowid, text, inquiry_id, field) VALUES (new.id * 8 + 0, new.title, new.id, 'title');
    INSERT INTO search_index (rowid, text, inquiry_id, field)
        SELECT new.id * 8 + 1, new.description, new.id, 'description' WHERE new.description <> '';
END;

CREATE TRIGGER search_inquiry_delete AFTER DELETE ON inquiry
BEGIN
    DELETE FROM search_index WHERE rowid IN (old.id * 8 + 0, old.id * 8 + 1);
END;

-- Comments, of every kind

CREATE TRIGGER search_comment_insert AFTER INSERT ON comment
BEGIN
    INSERT INTO search_index (rowid, text, inquiry_id, field)
        SELECT new.id * 8 + 2, new.body, new.inquiry_id, 'comment' WHERE new.body <> '';
END;

CREATE TRIGGER search_comment_update AFTER UPDATE OF body, inquiry_id ON comment
BEGIN
    DELETE FROM search_index WHERE rowid = old.id * 8 + 2;
    INSERT INTO search_index (rowid, text, inquiry_id, field)
        SELECT new.id * 8 + 2, new.body, new.inquiry_id, 'comment' WHERE new.body <> '';
END;

CREATE TRIGGER search_comment_delete AFTER DELETE ON comment
BEGIN
    DELETE FROM search_index WHERE rowid = old.id * 8 + 2;
END;

-- Tasks and deviation reports

CREATE TRIGGER search_task_insert AFTER INSERT ON task
BEGIN
    INSERT INTO search_index (rowid, text, inquiry_id, field)
        VALUES (new.id * 8 + 3, new.title, new.inquiry_id, 'task-title');
    INSERT INTO search_index (rowid, text, inquiry_id, field)
        SELECT new.id * 8 + 4, new.description, new.inquiry_id, 'task-description' WHERE new.description <> '';
    INSERT INTO search_index (rowid, text, inquiry_id, field)
        SELECT new.id * 8 + 5, new.completion_note, new.inquiry_id, 'task-note' WHERE new.completion_note <> '';
END;

CREATE TRIGGER search_task_update AFTER UPDATE OF title, description, completion_note, inquiry_id ON task
WHEN old.title IS NOT new.title OR old.description IS NOT new.description
    OR old.completion_note IS NOT new.completion_note OR old.inquiry_id IS NOT new.inquiry_id
BEGIN
    DELETE FROM search_index WHERE rowid IN (old.id * 8 + 3, old.id * 8 + 4, old.id * 8 + 5);
    INSERT INTO search_index (rowid, text, inquiry_id, field)
        VALUES (new.id * 8 + 3, new.title, new.inquiry_id, 'task-title');
    INSERT INTO search_index (rowid, text, inquiry_id, field)
        SELECT new.id * 8 + 4, new.description, new.inquiry_id, 'task-description' WHERE new.description <> '';
    INSERT INTO search_index (rowid, text, inquiry_id, field)
        SELECT new.id * 8 + 5, new.completion_note, new.inquiry_id, 'task-note' WHERE new.completion_note <> '';
END;

CREATE TRIGGER search_task_delete AFTER DELETE ON task
BEGIN
    DELETE FROM search_index WHERE rowid IN (old.id * 8 + 3, old.id * 8 + 4, old.id * 8 + 5);
END;

-- Attachments, by file name

CREATE TRIGGER search_attachment_insert AFTER INSERT ON attachment
BEGIN
    INSERT INTO search_index (rowid, text, inquiry_id, field)
        VALUES (new.id * 8 + 6, new.filename, new.inquiry_id, 'attachment');
END;

CREATE TRIGGER search_attachment_update AFTER UPDATE OF filename, inquiry_id ON attachment
BEGIN
    DELETE FROM search_index WHERE rowid = old.id * 8 + 6;
    INSERT INTO search_index (rowid, text, inquiry_id, field)
        VALUES (new.id * 8 + 6, new.filename, new.inquiry_id, 'attachment');
END;

CREATE TRIGGER search_attachment_delete AFTER DELETE ON attachment
BEGIN
    DELETE FROM search_index WHERE rowid = old.id * 8 + 6;
END;

-- Databases created before this migration: index what they already hold.

INSERT INTO search_index (rowid, text, inquiry_id, field)
    SELECT id * 8 + 0, title, id, 'title' FROM inquiry;
INSERT INTO search_index (rowid, text, inquiry_id, field)
    SELECT id * 8 + 1, description, id, 'description' FROM inquiry WHERE description <> '';
INSERT INTO search_index (rowid, text, inquiry_id, field)
    SELECT id * 8 + 2, body, inquiry_id, 'comment' FROM comment WHERE body <> '';
INSERT INTO search_index (rowid, text, inquiry_id, field)
    SELECT id * 8 + 3, title, inquiry_id, 'task-title' FROM task;
INSERT INTO search_index (rowid, text, inquiry_id, field)
    SELECT id * 8 + 4, description, inquiry_id, 'task-description' FROM task WHERE description <> '';
INSERT INTO search_index (rowid, text, inquiry_id, field)
    SELECT id * 8 + 5, completion_note, inquiry_id, 'task-note' FROM task WHERE completion_note <> '';
INSERT INTO search_index (rowid, text, inquiry_id, field)
    SELECT id * 8 + 6, filename, inquiry_id, 'attachment' FROM attachment;
