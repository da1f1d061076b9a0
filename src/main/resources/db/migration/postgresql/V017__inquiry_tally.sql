-- How many inquiries there are, without counting them (inquiry list --status all, and done as all less the open
-- ones): PostgreSQL counts a million rows by reading a million index entries, 40-70 ms, where SQLite counts b-tree
-- pages. The count is the sum of this table's rows, each what one statement added or removed, written by that
-- statement's trigger in its own transaction, so a reader sees exactly the inquiries its snapshot sees.
-- A single counter row would make every writer wait for the importer's open batch; here a writer only adds a row,
-- and folds into one the rows no other open transaction holds (SKIP LOCKED: it never waits), so the table stays a
-- few rows long.
CREATE TABLE inquiry_tally (n bigint NOT NULL);

INSERT INTO inquiry_tally SELECT count(*) FROM inquiry;

CREATE FUNCTION inquiry_tally() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    delta bigint;
BEGIN
    IF TG_OP = 'INSERT' THEN
        SELECT count(*) INTO delta FROM added;
    ELSE
        SELECT -count(*) INTO delta FROM removed;
    END IF;
    WITH folded AS (
        DELETE FROM inquiry_tally
        WHERE ctid = ANY (ARRAY(SELECT ctid FROM inquiry_tally FOR UPDATE SKIP LOCKED))
        RETURNING n
    )
    INSERT INTO inquiry_tally SELECT coalesce(sum(n), 0) + delta FROM folded;
    RETURN NULL;
END
$$;

CREATE TRIGGER inquiry_tally_insert AFTER INSERT ON inquiry REFERENCING NEW TABLE AS added
    FOR EACH STATEMENT EXECUTE FUNCTION inquiry_tally();
CREATE TRIGGER inquiry_tally_delete AFTER DELETE ON inquiry REFERENCING OLD TABLE AS removed
    FOR EACH STATEMENT EXECUTE FUNCTION inquiry_tally();

-- TRUNCATE fires no row or statement trigger of the kinds above: the tally empties with the table.
CREATE FUNCTION inquiry_tally_truncate() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM inquiry_tally;
    RETURN NULL;
END
$$;

CREATE TRIGGER inquiry_tally_truncate AFTER TRUNCATE ON inquiry
    FOR EACH STATEMENT EXECUTE FUNCTION inquiry_tally_truncate();
