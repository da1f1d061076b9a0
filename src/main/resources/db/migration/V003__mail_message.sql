-- Every e-mail fetch-mail has read (and, later, every one we send): what became of it, and its raw bytes.
CREATE TABLE mail_message (
    id           INTEGER PRIMARY KEY,
    direction    TEXT    NOT NULL CHECK (direction IN ('in', 'out')),
    -- The Message-ID without angle brackets; null when the message had none.
    message_id   TEXT,
    -- What two copies of one message share: the Message-ID, or 'sha256:' and the raw hash when there is none.
    message_key  TEXT    NOT NULL,
    -- Where it was fetched (an account's name or a URI) and what names it there (IMAP UIDVALIDITY:UID, POP3 UIDL,
    -- a Maildir file's unique name, the hash of an mbox message): a message listed again is known without reading it.
    source       TEXT,
    source_key   TEXT,
    sender       TEXT,
    sender_key   TEXT,
    subject      TEXT    NOT NULL DEFAULT '',
    sent_at      TEXT,
    raw_sha256   TEXT    REFERENCES blob (sha256),
    raw_size     INTEGER NOT NULL,
    -- Only the header was kept: the whole message was larger than fetch-mail keeps.
    raw_partial  INTEGER NOT NULL DEFAULT 0,
    outcome      TEXT    CHECK (outcome IN ('created', 'threaded', 'skipped', 'quarantined')),
    matched_by   TEXT    CHECK (matched_by IN ('in-reply-to', 'references', 'subject-token')),
    -- Why it was skipped (duplicate, auto-reply, …), or the error that quarantined it.
    reason       TEXT,
    inquiry_id   INTEGER REFERENCES inquiry (id),
    comment_id   INTEGER REFERENCES comment (id),
    created_at   TEXT    NOT NULL
);
-- A source's message is stored once: a second run that lists it again skips it before downloading.
CREATE UNIQUE INDEX mail_message_source ON mail_message (source, source_key);
-- A message is stored once however often it arrives; copies are recorded as duplicates, which this does not count.
CREATE UNIQUE INDEX mail_message_stored ON mail_message (message_key)
    WHERE direction = 'in' AND (reason IS NULL OR reason <> 'duplicate');
CREATE INDEX mail_message_id ON mail_message (message_id);
CREATE INDEX mail_message_inquiry ON mail_message (inquiry_id);
-- Only the quarantine is listed by outcome: an index of just those costs the import nothing.
CREATE INDEX mail_message_quarantined ON mail_message (id) WHERE outcome = 'quarantined';
