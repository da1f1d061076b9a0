-- Full-text search over everything written about an inquiry, with PostgreSQL's own: one tsvector per inquiry, its
-- whole story (title, description, comments, tasks, file names), in inquiry_search, with a GIN index. The same
-- statements that write the story keep it current: the triggers below, in the writer's transaction.
--
-- Words as SQLite's FTS5 (unicode61, V002 beside this folder) makes them: runs of letters and digits, everything
-- else a separator ("e-post" is "e" and "post", an address is its parts), lower-cased as the database's locale
-- does it (V001 made sure it knows æøå), never stemmed and never stripped of accents (the 'simple' configuration):
-- "lås" is not "las". PostgreSQL's own parser would keep an address or a file name as one word.
--
-- Weights say where a word was, so that a title ranks above a comment (InquiryMapper.xml has the numbers): A the
-- title, B the description and task titles, D the rest (comments, task descriptions and notes, file names).
--
-- A tsvector holds at most 1 MB. A text too large for one is indexed by its first 200,000 characters, and a story
-- that would grow past it keeps what it has: the rows are always written, the tail of a huge story is not searched.

CREATE FUNCTION search_words(body text) RETURNS tsvector LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS $$
BEGIN
    IF body IS NULL THEN
        RETURN ''::tsvector;
    END IF;
    IF length(body) < 200000 THEN
        RETURN to_tsvector('simple', regexp_replace(body, '[^[:alnum:]]+', ' ', 'g'));
    END IF;
    BEGIN
        RETURN to_tsvector('simple', regexp_replace(body, '[^[:alnum:]]+', ' ', 'g'));
    EXCEPTION WHEN program_limit_exceeded THEN
        RETURN to_tsvector('simple', regexp_replace(left(body, 200000), '[^[:alnum:]]+', ' ', 'g'));
    END;
END
$$;

CREATE FUNCTION search_append(story tsvector, piece tsvector) RETURNS tsvector
LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS $$
BEGIN
    RETURN story || piece;
EXCEPTION WHEN program_limit_exceeded THEN
    RETURN story;
END
$$;

CREATE AGGREGATE search_concat (tsvector) (SFUNC = search_append, STYPE = tsvector, INITCOND = '');

-- The whole story of one inquiry, read from its rows: for the rare change or removal of a text.
CREATE FUNCTION search_story(of_inquiry bigint) RETURNS tsvector LANGUAGE sql STABLE AS $$
    SELECT coalesce(search_concat(piece ORDER BY kind, id), ''::tsvector) FROM (
        SELECT 0 AS kind, id, setweight(search_words(title), 'A') AS piece FROM inquiry WHERE id = $1
        UNION ALL
        SELECT 1, id, setweight(search_words(description), 'B') FROM inquiry WHERE id = $1
        UNION ALL
        SELECT 2, id, setweight(search_words(body), 'D') FROM comment WHERE inquiry_id = $1
        UNION ALL
        SELECT 3, id, setweight(search_words(title), 'B') FROM task WHERE inquiry_id = $1
        UNION ALL
        SELECT 4, id, setweight(search_words(description), 'D') FROM task WHERE inquiry_id = $1
        UNION ALL
        SELECT 5, id, setweight(search_words(completion_note), 'D') FROM task WHERE inquiry_id = $1
        UNION ALL
        SELECT 6, id, setweight(search_words(filename), 'D') FROM attachment WHERE inquiry_id = $1
    ) pieces
$$;

-- A word typed, as a query: the words of its letters and digits, one after the other, the last as the beginning
-- of a word ("lekk" finds "lekkasje"; "e-post" finds "e" followed by "post…"). Null for a word without any. Nothing
-- typed is query syntax: each word is quoted.
CREATE FUNCTION search_prefix(typed text) RETURNS tsquery LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT to_tsquery('simple', string_agg(quote_literal(word), ' <-> ') || ':*')
    FROM regexp_split_to_table(regexp_replace(typed, '[^[:alnum:]]+', ' ', 'g'), ' ') AS word
    WHERE word <> ''
$$;

-- Where a text matched, to show, as SQLite's snippet() shows it (the search test holds the two together): a text of
-- up to ten words whole; else ten words around the first word that matches, the hit sixth where the text allows,
-- with … where the text goes on. Words as search_words makes them; the text between them as it is. It reads the
-- text only as far as it needs, keeping the places of the last twelve words.
CREATE FUNCTION search_snippet(body text, query tsquery) RETURNS text LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS $$
DECLARE
    part   text[];
    n      int := 0;       -- words read
    at     int := 1;       -- where the next word's separator begins
    hit    int := 0;       -- the first word that matches
    starts int[] := array_fill(0, ARRAY[12]);
    ends   int[] := array_fill(0, ARRAY[12]);
    head   text;           -- what comes before the first word
    first  int;
    last   int;
BEGIN
    FOR part IN SELECT regexp_matches(body, '([^[:alnum:]]*)([[:alnum:]]+)', 'g') LOOP
        n := n + 1;
        IF n = 1 THEN
            head := part[1];
        END IF;
        at := at + length(part[1]);
        starts[n % 12 + 1] := at;
        at := at + length(part[2]);
        ends[n % 12 + 1] := at;
        IF hit = 0 AND to_tsvector('simple', part[2]) @@ query THEN
            hit := n;
        END IF;
        EXIT WHEN (hit > 0 AND n > greatest(hit + 4, 10)) OR (hit = 0 AND n > 100000);
    END LOOP;
    IF n <= 10 THEN
        RETURN body;
    END IF;
    IF hit = 0 THEN
        hit := 1;
    END IF;
    last := least(n, greatest(hit - 6, 0) + 10);
    first := last - 9;
    RETURN CASE WHEN first > 1 THEN '…' ELSE head END
        || substr(body, starts[first % 12 + 1], ends[last % 12 + 1] - starts[first % 12 + 1])
        || CASE WHEN last < n THEN '…' ELSE substr(body, ends[last % 12 + 1]) END;
END
$$;

CREATE TABLE inquiry_search (
    inquiry_id  bigint   PRIMARY KEY REFERENCES inquiry (id) ON DELETE CASCADE,
    story       tsvector NOT NULL
);
CREATE INDEX inquiry_search_story ON inquiry_search USING gin (story);

-- Inquiries

CREATE FUNCTION search_inquiry_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO inquiry_search (inquiry_id, story)
    VALUES (new.id, search_append(setweight(search_words(new.title), 'A'),
                                  setweight(search_words(new.description), 'B')));
    RETURN NULL;
END
$$;
CREATE TRIGGER search_inquiry_insert AFTER INSERT ON inquiry
    FOR EACH ROW EXECUTE FUNCTION search_inquiry_insert();

CREATE FUNCTION search_inquiry_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE inquiry_search SET story = search_story(new.id) WHERE inquiry_id = new.id;
    RETURN NULL;
END
$$;
-- Every status change rewrites the title and description with the same values: WHEN skips those.
CREATE TRIGGER search_inquiry_update AFTER UPDATE OF title, description ON inquiry
    FOR EACH ROW WHEN (old.title IS DISTINCT FROM new.title OR old.description IS DISTINCT FROM new.description)
    EXECUTE FUNCTION search_inquiry_update();

-- Comments, tasks and attachments: a new one adds its texts to its inquiry's story; a change or a removal, rare,
-- reads the story again from its rows.

CREATE FUNCTION search_comment_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE inquiry_search SET story = search_append(story, setweight(search_words(new.body), 'D'))
    WHERE inquiry_id = new.inquiry_id;
    RETURN NULL;
END
$$;

CREATE FUNCTION search_task_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE inquiry_search
    SET story = search_append(search_append(search_append(story, setweight(search_words(new.title), 'B')),
                                            setweight(search_words(new.description), 'D')),
                              setweight(search_words(new.completion_note), 'D'))
    WHERE inquiry_id = new.inquiry_id;
    RETURN NULL;
END
$$;

CREATE FUNCTION search_attachment_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE inquiry_search SET story = search_append(story, setweight(search_words(new.filename), 'D'))
    WHERE inquiry_id = new.inquiry_id;
    RETURN NULL;
END
$$;

CREATE FUNCTION search_piece_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE inquiry_search SET story = search_story(old.inquiry_id) WHERE inquiry_id = old.inquiry_id;
    IF TG_OP = 'UPDATE' AND new.inquiry_id <> old.inquiry_id THEN
        UPDATE inquiry_search SET story = search_story(new.inquiry_id) WHERE inquiry_id = new.inquiry_id;
    END IF;
    RETURN NULL;
END
$$;

CREATE TRIGGER search_comment_insert AFTER INSERT ON comment
    FOR EACH ROW WHEN (new.body <> '') EXECUTE FUNCTION search_comment_insert();
CREATE TRIGGER search_comment_update AFTER UPDATE OF body, inquiry_id ON comment
    FOR EACH ROW EXECUTE FUNCTION search_piece_change();
CREATE TRIGGER search_comment_delete AFTER DELETE ON comment
    FOR EACH ROW EXECUTE FUNCTION search_piece_change();

CREATE TRIGGER search_task_insert AFTER INSERT ON task
    FOR EACH ROW EXECUTE FUNCTION search_task_insert();
CREATE TRIGGER search_task_update AFTER UPDATE OF title, description, completion_note, inquiry_id ON task
    FOR EACH ROW WHEN (old.title IS DISTINCT FROM new.title OR old.description IS DISTINCT FROM new.description
        OR old.completion_note IS DISTINCT FROM new.completion_note OR old.inquiry_id IS DISTINCT FROM new.inquiry_id)
    EXECUTE FUNCTION search_piece_change();
CREATE TRIGGER search_task_delete AFTER DELETE ON task
    FOR EACH ROW EXECUTE FUNCTION search_piece_change();

CREATE TRIGGER search_attachment_insert AFTER INSERT ON attachment
    FOR EACH ROW EXECUTE FUNCTION search_attachment_insert();
CREATE TRIGGER search_attachment_update AFTER UPDATE OF filename, inquiry_id ON attachment
    FOR EACH ROW EXECUTE FUNCTION search_piece_change();
CREATE TRIGGER search_attachment_delete AFTER DELETE ON attachment
    FOR EACH ROW EXECUTE FUNCTION search_piece_change();
