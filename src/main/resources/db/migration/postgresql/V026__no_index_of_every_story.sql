-- The GIN index of every story (V002) goes: each new inquiry put its words into it, about a third of what the server
-- spent on filing a mail (0.08 of 0.27 ms), and since V020 and V024 no search needs it. Every story is in exactly one
-- of two places a search finds it: an open one in the GIN index of open stories (V020), a done one's words in
-- inquiry_search_word (V024). A search of whole words is answered there as before (InquiryMapper.xml, storyMatches).
-- A typed word that makes a phrase ("e-post": 'e' <-> 'post':*) needs the words' positions, which only the story
-- holds: the done stories that hold one of its words are read by key and matched against the query, so the result
-- is the same as the index's. Of its words the one with the fewest entries is taken (search_phrase_stories below).
DROP INDEX inquiry_search_story;

-- The words a typed word's query asks for, each as a key range of inquiry_search_word: a word followed by the query's
-- next word exactly (its range holds that word alone: in byte order nothing lies between a word and the word followed
-- by chr(1), as no word holds chr(0)), the last one as its beginning (up to the word followed by the last character
-- there is, as search_word's range). Read from the query's own text, so that the words are those search_prefix
-- (V002) made, whatever its parser did with the word typed.
CREATE FUNCTION search_keys(typed text) RETURNS TABLE (low text, high text)
LANGUAGE sql IMMUTABLE PARALLEL SAFE ROWS 2 AS $$
    SELECT m[1], m[1] || CASE WHEN m[2] IS NULL THEN chr(1) ELSE chr(1114111) END
    FROM regexp_matches(CAST(search_prefix(typed) AS text), '''([^'']*)''(:\*)?', 'g') AS m
$$;

-- The done stories that hold the word of a search's query the fewest of them hold (of the words its typed words ask
-- for, each counted in inquiry_search_word up to 10,000 entries: a few milliseconds a word; a phrase whose every word
-- is that common reads that many stories whichever it takes; ties to a whole word over a beginning, then the longer).
-- A search reads these stories to match a phrase against them. In a function so that the statement that asks is
-- planned as reading a few stories by key: the planner cannot know the range's size before the word is chosen, and
-- guessed at millions of rows, enough to compile the statement (JIT) for 20 to 60 ms.
CREATE FUNCTION search_phrase_stories(typed text[]) RETURNS bigint[] LANGUAGE plpgsql STABLE PARALLEL SAFE AS $$
DECLARE
    fewest record;
BEGIN
    SELECT k.low, k.high INTO fewest FROM unnest(typed) AS t, search_keys(t) AS k
    ORDER BY (SELECT count(*) FROM (SELECT FROM inquiry_search_word w
                                    WHERE w.word >= k.low AND w.word < k.high LIMIT 10000) few),
             k.high = k.low || chr(1) DESC, length(k.low) DESC
    LIMIT 1;
    RETURN ARRAY(SELECT DISTINCT inquiry_id FROM inquiry_search_word WHERE word >= fewest.low AND word < fewest.high);
END
$$;

-- A word's key range is estimated from the column's statistics: with the default 100 most common words and
-- histogram buckets of 30 million entries, "lekkasje" (45,267 entries) was estimated at one, and inquiry list
-- --search lekkasje --sort created read all its inquiries by key (250 ms) instead of the newest until it had a page.
ALTER TABLE inquiry_search_word ALTER COLUMN word SET STATISTICS 2000;
ANALYZE inquiry_search_word;
