-- The first schema of tenantdesk. Released migrations are never edited: add V002__… instead.
-- Times are ISO-8601 UTC text of fixed width (2026-11-27T07:01:50.123Z), so text order is time order.
-- Enumerations are stored as the command line spells them.
-- *_key columns hold the lower-cased form that look-ups match on; SQL's lower() only folds ASCII, not æøå.

CREATE TABLE location (
    id              INTEGER PRIMARY KEY,
    parent_id       INTEGER REFERENCES location (id),
    path            TEXT    NOT NULL,
    path_key        TEXT    NOT NULL UNIQUE,
    responsible_id  INTEGER REFERENCES contact (id),
    created_at      TEXT    NOT NULL
);
CREATE INDEX location_parent ON location (parent_id);

CREATE TABLE contact (
    id           INTEGER PRIMARY KEY,
    name         TEXT    NOT NULL,
    name_key     TEXT    NOT NULL,
    email        TEXT,
    email_key    TEXT    UNIQUE,
    phone        TEXT,
    role         TEXT    NOT NULL CHECK (role IN ('tenant', 'staff', 'contractor')),
    location_id  INTEGER REFERENCES location (id),
    created_at   TEXT    NOT NULL
);
CREATE INDEX contact_name ON contact (name_key);

-- AUTOINCREMENT: an inquiry or task number, once seen in a mail subject, never names another one.
CREATE TABLE inquiry (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    title         TEXT    NOT NULL,
    description   TEXT    NOT NULL DEFAULT '',
    status        TEXT    NOT NULL CHECK (status IN ('todo', 'in-progress', 'done')),
    priority      TEXT    NOT NULL CHECK (priority IN ('low', 'normal', 'high', 'urgent')),
    source        TEXT    NOT NULL CHECK (source IN ('phone', 'email', 'walk-in', 'other')),
    requester_id  INTEGER REFERENCES contact (id),
    location_id   INTEGER REFERENCES location (id),
    assignee_id   INTEGER REFERENCES contact (id),
    created_at    TEXT    NOT NULL,
    updated_at    TEXT    NOT NULL,
    closed_at     TEXT
);
CREATE INDEX inquiry_status ON inquiry (status);
CREATE INDEX inquiry_requester ON inquiry (requester_id);
CREATE INDEX inquiry_assignee ON inquiry (assignee_id);
CREATE INDEX inquiry_location ON inquiry (location_id);

CREATE TABLE task (
    id               INTEGER PRIMARY KEY AUTOINCREMENT,
    inquiry_id       INTEGER NOT NULL REFERENCES inquiry (id),
    kind             TEXT    NOT NULL CHECK (kind IN ('task', 'deviation')),
    title            TEXT    NOT NULL,
    description      TEXT    NOT NULL DEFAULT '',
    status           TEXT    NOT NULL CHECK (status IN ('todo', 'in-progress', 'done')),
    priority         TEXT    NOT NULL CHECK (priority IN ('low', 'normal', 'high', 'urgent')),
    assignee_id      INTEGER REFERENCES contact (id),
    due              TEXT,
    completion_note  TEXT,
    created_by       TEXT    NOT NULL,
    created_at       TEXT    NOT NULL,
    updated_at       TEXT    NOT NULL,
    closed_at        TEXT
);
CREATE INDEX task_inquiry ON task (inquiry_id);
CREATE INDEX task_assignee ON task (assignee_id);

CREATE TABLE comment (
    id          INTEGER PRIMARY KEY,
    inquiry_id  INTEGER NOT NULL REFERENCES inquiry (id),
    kind        TEXT    NOT NULL CHECK (kind IN ('incoming', 'reply', 'internal', 'system')),
    author      TEXT    NOT NULL,
    body        TEXT    NOT NULL,
    created_at  TEXT    NOT NULL
);
CREATE INDEX comment_inquiry ON comment (inquiry_id);

-- The bytes of every file, once per content.
CREATE TABLE blob (
    sha256  TEXT    PRIMARY KEY,
    size    INTEGER NOT NULL,
    data    BLOB    NOT NULL
);

CREATE TABLE attachment (
    id            INTEGER PRIMARY KEY,
    inquiry_id    INTEGER NOT NULL REFERENCES inquiry (id),
    comment_id    INTEGER REFERENCES comment (id),
    task_id       INTEGER REFERENCES task (id),
    sha256        TEXT    NOT NULL REFERENCES blob (sha256),
    filename      TEXT    NOT NULL,
    content_type  TEXT    NOT NULL,
    size          INTEGER NOT NULL,
    added_by      TEXT    NOT NULL,
    created_at    TEXT    NOT NULL
);
CREATE INDEX attachment_inquiry ON attachment (inquiry_id);
CREATE INDEX attachment_task ON attachment (task_id);

-- The audit trail: every change of a tracked field, with who, when, from and to.
CREATE TABLE event (
    id          INTEGER PRIMARY KEY,
    inquiry_id  INTEGER NOT NULL REFERENCES inquiry (id),
    task_id     INTEGER REFERENCES task (id),
    actor       TEXT    NOT NULL,
    field       TEXT    NOT NULL,
    old_value   TEXT,
    new_value   TEXT,
    created_at  TEXT    NOT NULL
);
CREATE INDEX event_inquiry ON event (inquiry_id);
