-- search_snippet (V002) looked for the first word that matches the query on its own. No word matches a phrase on
-- its own ("kontor-303": 'kontor' <-> '303'), so in a text of more than twelve words it went on to the end, and then
-- cut the snippet from positions its ring of the last twelve words no longer held: "negative substring length", and
-- the search failed. Now a word matches when it is any of the query's words (the phrase's operators read as "or"),
-- so the snippet is cut around the phrase; and a text where no word matches at all shows its first ten words.
CREATE OR REPLACE FUNCTION search_snippet(body text, query tsquery) RETURNS text
LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS $$
DECLARE
    part   text[];
    n      int := 0;       -- words read
    at     int := 1;       -- where the next word's separator begins
    hit    int := 0;       -- the first word that matches
    tenth  int := 0;       -- where the tenth word ends
    starts int[] := array_fill(0, ARRAY[12]);
    ends   int[] := array_fill(0, ARRAY[12]);
    head   text;           -- what comes before the first word
    anyword tsquery := CAST(regexp_replace(CAST(query AS text), '<(-|[0-9]+)>', '|', 'g') AS tsquery);
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
        IF n = 10 THEN
            tenth := at;
        END IF;
        IF hit = 0 AND to_tsvector('simple', part[2]) @@ anyword THEN
            hit := n;
        END IF;
        EXIT WHEN (hit > 0 AND n > greatest(hit + 4, 10)) OR (hit = 0 AND n > 100000);
    END LOOP;
    IF n <= 10 THEN
        RETURN body;
    END IF;
    IF hit = 0 THEN
        RETURN substr(body, 1, tenth - 1) || '…';
    END IF;
    last := least(n, greatest(hit - 6, 0) + 10);
    first := last - 9;
    RETURN CASE WHEN first > 1 THEN '…' ELSE head END
        || substr(body, starts[first % 12 + 1], ends[last % 12 + 1] - starts[first % 12 + 1])
        || CASE WHEN last < n THEN '…' ELSE substr(body, ends[last % 12 + 1]) END;
END
$$;
