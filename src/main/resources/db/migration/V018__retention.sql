-- Retention (db prune): the inquiries done before a time, found without reading every inquiry. Done inquiries are
-- most of a desk's years; the ones still open are left out of the index, which they would only make larger.
CREATE INDEX inquiry_done ON inquiry (closed_at) WHERE status = 'done';
