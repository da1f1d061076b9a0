-- Every way an inquiry comes in still gets exactly one search row, as V002/V012/V020 made sure, but once per
-- statement: the rows the statement added (a transition table, as inquiry_tally's) that have none yet. Per row, the
-- check ran a plpgsql function and a query for each of an import batch's 500 new inquiries, whose statement writes
-- their search rows itself (InquiryMapper.xml); per statement, it is one anti-join. An AFTER trigger of either kind
-- fires at the end of its statement and sees all it wrote, the search rows of a WITH included. The rows of db copy
-- and psql, which write no search row, get theirs here as before, open as their status says.
CREATE OR REPLACE FUNCTION search_inquiry_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO inquiry_search (inquiry_id, story, open)
    SELECT a.id, search_append(setweight(search_words(a.title), 'A'), setweight(search_words(a.description), 'B')),
           a.status IN ('todo', 'in-progress')
    FROM added a
    WHERE NOT EXISTS (SELECT FROM inquiry_search s WHERE s.inquiry_id = a.id);
    RETURN NULL;
END
$$;

DROP TRIGGER search_inquiry_insert ON inquiry;
CREATE TRIGGER search_inquiry_insert AFTER INSERT ON inquiry REFERENCING NEW TABLE AS added
    FOR EACH STATEMENT EXECUTE FUNCTION search_inquiry_insert();
