-- The statement that adds an inquiry writes its search row itself, from words the program made (InquiryMapper.xml,
-- SearchWords): the server's tokenizer (search_words) was about half of what filing a small mail cost the server.
-- The insert trigger stays for every other way a row comes in (db copy, psql), and adds the row only where that
-- statement did not: an AFTER trigger sees what its whole statement wrote, the search row of a WITH included.
CREATE OR REPLACE FUNCTION search_inquiry_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NOT EXISTS (SELECT FROM inquiry_search WHERE inquiry_id = new.id) THEN
        INSERT INTO inquiry_search (inquiry_id, story)
        VALUES (new.id, search_append(setweight(search_words(new.title), 'A'),
                                      setweight(search_words(new.description), 'B')));
    END IF;
    RETURN NULL;
END
$$;

-- The open inquiries, most urgent first (inquiry list, and --priority: the most urgent are the first rows): the page
-- is the index's first rows. Before, PostgreSQL read inquiry_urgency_created and skipped the closed ones, most of a
-- million when few are open.
CREATE INDEX inquiry_open_urgency ON inquiry (
    (CASE priority WHEN 'urgent' THEN 4 WHEN 'high' THEN 3 WHEN 'normal' THEN 2 ELSE 1 END) DESC, created_at, id)
    WHERE status IN ('todo', 'in-progress');
