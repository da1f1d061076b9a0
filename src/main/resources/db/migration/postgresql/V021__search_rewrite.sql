-- contact forget rewrites the texts of all of a person's inquiries in one transaction. The triggers of V002 read an
-- inquiry's whole story again for each changed text, so an inquiry whose description, comments and file names all
-- named her was read as many times. While an inquiry is in search_rewrite, the triggers leave its story alone: the
-- writer that put it there reads each story once, when all its texts are rewritten (store/ErasureMapper.xml), and
-- empties search_rewrite in the same transaction, so that no other transaction ever sees a row in it.
--
-- The comment and attachment triggers now also skip a change that leaves the text as it was, as the others did:
-- an erased file keeps its name, and a comment its body, when neither names the person.
CREATE TABLE search_rewrite (
    inquiry_id  BIGINT PRIMARY KEY
);

CREATE OR REPLACE FUNCTION search_inquiry_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NOT EXISTS (SELECT FROM search_rewrite WHERE inquiry_id = new.id) THEN
        UPDATE inquiry_search SET story = search_story(new.id) WHERE inquiry_id = new.id;
    END IF;
    RETURN NULL;
END
$$;

CREATE OR REPLACE FUNCTION search_piece_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NOT EXISTS (SELECT FROM search_rewrite WHERE inquiry_id = old.inquiry_id) THEN
        UPDATE inquiry_search SET story = search_story(old.inquiry_id) WHERE inquiry_id = old.inquiry_id;
    END IF;
    IF TG_OP = 'UPDATE' AND new.inquiry_id <> old.inquiry_id
            AND NOT EXISTS (SELECT FROM search_rewrite WHERE inquiry_id = new.inquiry_id) THEN
        UPDATE inquiry_search SET story = search_story(new.inquiry_id) WHERE inquiry_id = new.inquiry_id;
    END IF;
    RETURN NULL;
END
$$;

DROP TRIGGER search_comment_update ON comment;
CREATE TRIGGER search_comment_update AFTER UPDATE OF body, inquiry_id ON comment
    FOR EACH ROW WHEN (old.body IS DISTINCT FROM new.body OR old.inquiry_id IS DISTINCT FROM new.inquiry_id)
    EXECUTE FUNCTION search_piece_change();

DROP TRIGGER search_attachment_update ON attachment;
CREATE TRIGGER search_attachment_update AFTER UPDATE OF filename, inquiry_id ON attachment
    FOR EACH ROW WHEN (old.filename IS DISTINCT FROM new.filename OR old.inquiry_id IS DISTINCT FROM new.inquiry_id)
    EXECUTE FUNCTION search_piece_change();
