-- The open inquiries' stories, indexed apart. inquiry list --search looks in the open ones (its default), and a
-- common word ("lekkasje", in 38,604 stories of a million) made the GIN index of every story hand out every
-- inquiry that has it, each then read and checked against the open ones, 98% of them done: 277 ms. With the stories
-- of open inquiries in an index of their own, such a search reads ~800.
--
-- "open" may be true of a done inquiry (a row written without it, as by hand) but never false of an open one: the
-- searches still apply their status filter, and the flag only lets them skip the stories that cannot pass it.
-- So the column's default is true, and only a status change to done sets it false.

ALTER TABLE inquiry_search ADD COLUMN open boolean NOT NULL DEFAULT false;
UPDATE inquiry_search s SET open = true
FROM inquiry i WHERE i.id = s.inquiry_id AND i.status IN ('todo', 'in-progress');
ALTER TABLE inquiry_search ALTER COLUMN open SET DEFAULT true;

CREATE INDEX inquiry_search_open ON inquiry_search USING gin (story) WHERE open;

-- A status change between open and done moves the story between the indexes (the rows are few: an operator's).
CREATE FUNCTION search_inquiry_status() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE inquiry_search SET open = new.status IN ('todo', 'in-progress') WHERE inquiry_id = new.id;
    RETURN NULL;
END
$$;
CREATE TRIGGER search_inquiry_status AFTER UPDATE OF status ON inquiry
    FOR EACH ROW WHEN ((old.status IN ('todo', 'in-progress')) IS DISTINCT FROM (new.status IN ('todo', 'in-progress')))
    EXECUTE FUNCTION search_inquiry_status();

-- Every other way a row comes in (db copy, psql): the story's row says whether the inquiry is open.
CREATE OR REPLACE FUNCTION search_inquiry_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NOT EXISTS (SELECT FROM inquiry_search WHERE inquiry_id = new.id) THEN
        INSERT INTO inquiry_search (inquiry_id, story, open)
        VALUES (new.id, search_append(setweight(search_words(new.title), 'A'),
                                      setweight(search_words(new.description), 'B')),
                new.status IN ('todo', 'in-progress'));
    END IF;
    RETURN NULL;
END
$$;
