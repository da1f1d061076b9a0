-- Data stewardship: stored bytes removed after a time (db prune, the config's retention:), a person's data erased on
-- request (contact forget), and a record of who erased whom.

-- A file whose bytes are gone: when, and why (retention, or the erasure of the person who sent it). The row stays (its
-- name, type and size: the case still happened), and points at the empty content (the SHA-256 of no bytes, stored
-- when first needed) instead of its own, so that every reference to a content stays whole while the content itself
-- is deleted.
ALTER TABLE attachment ADD COLUMN removed_at TEXT;
ALTER TABLE attachment ADD COLUMN removed_by TEXT CHECK (removed_by IN ('retention', 'erasure'));

-- A mail whose raw bytes are gone (raw_sha256 is then null; raw_size keeps what it was).
ALTER TABLE mail_message ADD COLUMN removed_at TEXT;
ALTER TABLE mail_message ADD COLUMN removed_by TEXT CHECK (removed_by IN ('retention', 'erasure'));

-- An erased contact keeps its id (the inquiries it asked still name it) and nothing else: name and details are gone.
ALTER TABLE contact ADD COLUMN erased_at TEXT;

-- Who erased which contact, when, and how much, without anything of what was erased.
CREATE TABLE erasure (
    id          INTEGER PRIMARY KEY,
    contact_id  INTEGER NOT NULL REFERENCES contact (id),
    actor       TEXT    NOT NULL,
    inquiries   INTEGER NOT NULL,
    mails       INTEGER NOT NULL,
    files       INTEGER NOT NULL,
    texts       INTEGER NOT NULL,
    created_at  TEXT    NOT NULL
);

-- Whether a content is still used once a file or mail lets go of it: without these, each question read a whole table.
CREATE INDEX attachment_content ON attachment (sha256);
CREATE INDEX mail_message_raw ON mail_message (raw_sha256);
CREATE INDEX outbox_raw ON outbox (raw_sha256);
-- A person's mail, by their address: what contact export writes and contact forget erases.
CREATE INDEX mail_message_sender ON mail_message (sender_key);
-- The events that name people (a requester or assignee changed, a task sent to someone), by inquiry: few among many.
CREATE INDEX event_people ON event (inquiry_id) WHERE field IN ('requester', 'assignee', 'notified');

-- A row taken out of the search index takes its words with it at once, instead of leaving them in older segments of
-- the index until a merge: an erased person's name must be gone from the file, not only from the answers (FTS5's
-- secure-delete, SQLite 3.42 and later).
INSERT INTO search_index (search_index, rank) VALUES ('secure-delete', 1);
