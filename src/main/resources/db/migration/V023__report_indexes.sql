-- report (ReportMapper.openDuring) on a year of a million inquiries. The year's inquiries are those open now and
-- those done since its start: this index finds their ids (its own entries only) where the statement read every
-- inquiry ever made through inquiry_created; they are then read in id order, a page once each, 16,000 pages for
-- 47,000. Each one's first reply is a search of the comments' index by inquiry, kind and time, without reading the
-- comments themselves; that index also serves every look-up by inquiry, which comment_inquiry did.
CREATE INDEX inquiry_closed ON inquiry (closed_at);
CREATE INDEX comment_inquiry_kind ON comment (inquiry_id, kind, created_at);
DROP INDEX comment_inquiry;
