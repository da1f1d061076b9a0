-- Merging (issue 18): an inquiry merged into another keeps its number, done, with a pointer to the one that holds its
-- story now, so that mail naming "[#ID]" still finds its way there, and `inquiry show` says where it went. Always one
-- hop: a merge into an inquiry that others were merged into points them at the new one.
ALTER TABLE inquiry ADD COLUMN merged_into INTEGER REFERENCES inquiry (id);
CREATE INDEX inquiry_merged_into ON inquiry (merged_into) WHERE merged_into IS NOT NULL;
