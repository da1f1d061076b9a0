-- The open inquiries alone, in id order, as ../V008__open_inquiries.sql.
CREATE INDEX inquiry_open ON inquiry (id) WHERE status IN ('todo', 'in-progress');
