-- Triage at the door (issue 17): tenant organizations with their mail domains and premises, other names for places
-- (aliases the text of a mail is matched against), and where an inquiry's location came from.

-- A company that rents premises; its people change, its domain stays. name_key is the name folded as look-ups fold.
CREATE TABLE organization (
    id          INTEGER PRIMARY KEY,
    name        TEXT    NOT NULL,
    name_key    TEXT    NOT NULL UNIQUE,
    created_at  TEXT    NOT NULL
);

-- A mail domain belongs to one organization at most (the primary key); lower case. Free-mail domains never get here
-- (service/Organizations refuses them).
CREATE TABLE organization_domain (
    domain           TEXT    PRIMARY KEY,
    organization_id  INTEGER NOT NULL REFERENCES organization (id)
);
CREATE INDEX organization_domain_organization ON organization_domain (organization_id);

-- The places an organization rents.
CREATE TABLE organization_location (
    organization_id  INTEGER NOT NULL REFERENCES organization (id),
    location_id      INTEGER NOT NULL REFERENCES location (id),
    PRIMARY KEY (organization_id, location_id)
);
CREATE INDEX organization_location_location ON organization_location (location_id);

-- Other names of a place ("kafeen" for "Bygg A/1. etasje/Butikk 101"), matched in mail as its own name is.
-- alias_key is the alias folded as the matcher folds it: no place has the same alias twice.
CREATE TABLE location_alias (
    location_id  INTEGER NOT NULL REFERENCES location (id),
    alias        TEXT    NOT NULL,
    alias_key    TEXT    NOT NULL,
    PRIMARY KEY (location_id, alias_key)
);
CREATE INDEX location_alias_key ON location_alias (alias_key);

ALTER TABLE contact ADD COLUMN organization_id INTEGER REFERENCES organization (id);
CREATE INDEX contact_organization ON contact (organization_id);

-- Where the location came from: a rule, the text, the requester's own premises, the organization's only premises, or
-- an operator (who always wins); NULL for inquiries made before this, and for those without a location. What matched:
-- the rule's name, the words of the mail that named the place, the requester, the organization.
ALTER TABLE inquiry ADD COLUMN location_from TEXT
    CHECK (location_from IN ('rule', 'text', 'requester', 'organization', 'operator'));
ALTER TABLE inquiry ADD COLUMN location_matched TEXT;

-- A rule's thread-by-subject threads a machine's repeated mail by its subject: matched_by 'subject'. SQLite changes a
-- CHECK only by building the table again (the steps of https://www.sqlite.org/lang_altertable.html, foreign keys being
-- off on our connections); its rows are small (the raw bytes are in blob), its indexes as V003 made them.
CREATE TABLE mail_message_v013 (
    id           INTEGER PRIMARY KEY,
    direction    TEXT    NOT NULL CHECK (direction IN ('in', 'out')),
    message_id   TEXT,
    message_key  TEXT    NOT NULL,
    source       TEXT,
    source_key   TEXT,
    sender       TEXT,
    sender_key   TEXT,
    subject      TEXT    NOT NULL DEFAULT '',
    sent_at      TEXT,
    raw_sha256   TEXT    REFERENCES blob (sha256),
    raw_size     INTEGER NOT NULL,
    raw_partial  INTEGER NOT NULL DEFAULT 0,
    outcome      TEXT    CHECK (outcome IN ('created', 'threaded', 'skipped', 'quarantined')),
    matched_by   TEXT    CHECK (matched_by IN ('in-reply-to', 'references', 'subject-token', 'subject')),
    reason       TEXT,
    inquiry_id   INTEGER REFERENCES inquiry (id),
    comment_id   INTEGER REFERENCES comment (id),
    created_at   TEXT    NOT NULL
);
INSERT INTO mail_message_v013 (id, direction, message_id, message_key, source, source_key, sender, sender_key, subject,
    sent_at, raw_sha256, raw_size, raw_partial, outcome, matched_by, reason, inquiry_id, comment_id, created_at)
SELECT id, direction, message_id, message_key, source, source_key, sender, sender_key, subject, sent_at, raw_sha256,
    raw_size, raw_partial, outcome, matched_by, reason, inquiry_id, comment_id, created_at FROM mail_message;
DROP TABLE mail_message;
ALTER TABLE mail_message_v013 RENAME TO mail_message;
CREATE UNIQUE INDEX mail_message_source ON mail_message (source, source_key);
CREATE UNIQUE INDEX mail_message_stored ON mail_message (message_key)
    WHERE direction = 'in' AND (reason IS NULL OR reason <> 'duplicate');
CREATE INDEX mail_message_id ON mail_message (message_id);
CREATE INDEX mail_message_inquiry ON mail_message (inquiry_id);
CREATE INDEX mail_message_quarantined ON mail_message (id) WHERE outcome = 'quarantined';
