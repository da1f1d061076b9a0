-- Merging, as ../V016__merged_inquiries.sql, which says what it is for.
ALTER TABLE inquiry ADD COLUMN merged_into bigint REFERENCES inquiry (id);
CREATE INDEX inquiry_merged_into ON inquiry (merged_into) WHERE merged_into IS NOT NULL;
