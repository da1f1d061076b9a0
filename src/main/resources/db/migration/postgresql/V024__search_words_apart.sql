-- The done inquiries' stories' words, one row per word and inquiry, in a B-tree of their own: a search counts
-- their matches there.
--
-- A common word over all statuses ("lekkasje", in 38,604 of a million stories) was slow however its matches were
-- found: the GIN index of the stories knows which stories hold a word but not which of its entries are visible, so
-- every match's row was read (29,134 of inquiry_search's 61,419 pages), only to count it and keep the newest ids.
-- A B-tree of (word, inquiry) answers "which inquiries have a word beginning so" from the index alone (an
-- index-only scan: the visibility map says which pages need no visit), a few hundred pages for such a word.
--
-- The words are exactly the story's lexemes (tsvector_to_array: no positions, no weights), so a search of words,
-- each matched as the beginning of a word, finds here exactly the stories whose tsvector matches its tsquery: the
-- same count, the same newest stories to rank. A typed word that makes a phrase ("e-post": 'e' <-> 'post':*) needs
-- the positions: such a search still reads the stories (InquiryMapper.xml, rank). The stories stay where they are,
-- for ranking the few that are read by key, and for the open ones' index (V020).
--
-- Only the stories not open are here (V020's flag: false only of a done inquiry). The open ones, a few percent,
-- are found through their own GIN index as before, whose matches are few enough to read; and a new inquiry, which
-- is open, costs the import nothing here: its words come when it is done (one operator's status change at a time),
-- and go when it is opened again. A story whose flag says open is thus in exactly one of the two places.
--
-- Kept current by the statements that write a story, whatever wrote it (the import, the triggers of comments,
-- tasks and files, edits, merges, contact forget, db copy): triggers on inquiry_search, one per statement, read the
-- rows it added, changed or removed.

CREATE TABLE inquiry_search_word (
    word        text COLLATE "C" NOT NULL,  -- byte order, as a tsquery compares a prefix: a prefix is a key range
    inquiry_id  bigint           NOT NULL
);

-- Filled before its key is made: one sort instead of a million stories' words put in one by one.
SET LOCAL maintenance_work_mem = '256MB';
INSERT INTO inquiry_search_word (word, inquiry_id)
SELECT word, inquiry_id FROM inquiry_search, unnest(tsvector_to_array(story)) AS word WHERE NOT open;
ALTER TABLE inquiry_search_word ADD PRIMARY KEY (word, inquiry_id);
ANALYZE inquiry_search_word;

CREATE FUNCTION search_word_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO inquiry_search_word (word, inquiry_id)
    SELECT word, inquiry_id FROM added, unnest(tsvector_to_array(story)) AS word WHERE NOT open;
    RETURN NULL;
END
$$;
CREATE TRIGGER search_word_insert AFTER INSERT ON inquiry_search REFERENCING NEW TABLE AS added
    FOR EACH STATEMENT EXECUTE FUNCTION search_word_insert();

-- A changed story: the words it lost go, the words it gained come; all of them when it is done or opened again.
-- Most changes are to open stories (a reply, a comment), which have no words here.
CREATE FUNCTION search_word_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM inquiry_search_word w USING (
        SELECT word, inquiry_id FROM before, unnest(tsvector_to_array(story)) AS word WHERE NOT open
        EXCEPT
        SELECT word, inquiry_id FROM after, unnest(tsvector_to_array(story)) AS word WHERE NOT open
    ) gone
    WHERE w.word = gone.word AND w.inquiry_id = gone.inquiry_id;
    INSERT INTO inquiry_search_word (word, inquiry_id)
    SELECT word, inquiry_id FROM after, unnest(tsvector_to_array(story)) AS word WHERE NOT open
    EXCEPT
    SELECT word, inquiry_id FROM before, unnest(tsvector_to_array(story)) AS word WHERE NOT open;
    RETURN NULL;
END
$$;
CREATE TRIGGER search_word_update AFTER UPDATE ON inquiry_search REFERENCING OLD TABLE AS before NEW TABLE AS after
    FOR EACH STATEMENT EXECUTE FUNCTION search_word_update();

CREATE FUNCTION search_word_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM inquiry_search_word w USING removed, unnest(tsvector_to_array(removed.story)) AS gone (word)
    WHERE w.word = gone.word AND w.inquiry_id = removed.inquiry_id AND NOT removed.open;
    RETURN NULL;
END
$$;
CREATE TRIGGER search_word_delete AFTER DELETE ON inquiry_search REFERENCING OLD TABLE AS removed
    FOR EACH STATEMENT EXECUTE FUNCTION search_word_delete();

CREATE FUNCTION search_word_truncate() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    TRUNCATE inquiry_search_word;
    RETURN NULL;
END
$$;
CREATE TRIGGER search_word_truncate AFTER TRUNCATE ON inquiry_search
    FOR EACH STATEMENT EXECUTE FUNCTION search_word_truncate();

-- The one word of the index a typed word asks for (search_prefix, V002), when its query is that word's prefix and
-- nothing more; null when the word makes a phrase ("e-post") or no query at all. Immutable: with the word bound,
-- the planner reads it as a constant, and estimates the key range from the table's statistics.
CREATE FUNCTION search_word(typed text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT CASE WHEN numnode(search_prefix(typed)) = 1 THEN (tsvector_to_array(search_words(typed)))[1] END
$$;
