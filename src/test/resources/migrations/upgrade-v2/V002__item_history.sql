-- The next version: a column, a table and a trigger whose body holds statements of its own.
ALTER TABLE item ADD COLUMN note TEXT NOT NULL DEFAULT ''; -- filled in later
CREATE TABLE item_history (item_id INTEGER NOT NULL, old_name TEXT NOT NULL);

CREATE TRIGGER item_renamed AFTER UPDATE OF name ON item
BEGIN
    -- one row per rename; a comment inside the body stays with it
    INSERT INTO item_history (item_id, old_name) VALUES (old.id, old.name);
    UPDATE item SET note = 'renamed' WHERE id = new.id;
END;
