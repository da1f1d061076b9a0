-- The morning digest (tenantdesk digest): one message to each person with open tasks, and one to each operator
-- with the inquiries late or due today. A digest is about many inquiries, so its outbox row has none: the outbox is
-- rebuilt (SQLite cannot change a column's NOT NULL or a CHECK in place), with every column and index it had.
CREATE TABLE outbox_v019 (
    id               INTEGER PRIMARY KEY,
    kind             TEXT    NOT NULL CHECK (kind IN ('reply', 'acknowledgement', 'task-notice', 'digest')),
    inquiry_id       INTEGER REFERENCES inquiry (id),
    comment_id       INTEGER REFERENCES comment (id),
    task_id          INTEGER REFERENCES task (id),
    mail_message_id  INTEGER NOT NULL REFERENCES mail_message (id),
    message_id       TEXT    NOT NULL UNIQUE,
    sender           TEXT    NOT NULL,
    recipient        TEXT    NOT NULL,
    recipient_key    TEXT    NOT NULL,
    subject          TEXT    NOT NULL,
    raw_sha256       TEXT    NOT NULL REFERENCES blob (sha256),
    state            TEXT    NOT NULL CHECK (state IN ('queued', 'sent', 'failed')),
    attempts         INTEGER NOT NULL DEFAULT 0,
    next_attempt_at  TEXT,
    last_error       TEXT,
    created_at       TEXT    NOT NULL,
    sent_at          TEXT,
    claimed_until    TEXT
);
INSERT INTO outbox_v019 (id, kind, inquiry_id, comment_id, task_id, mail_message_id, message_id, sender, recipient,
                         recipient_key, subject, raw_sha256, state, attempts, next_attempt_at, last_error, created_at,
                         sent_at, claimed_until)
SELECT id, kind, inquiry_id, comment_id, task_id, mail_message_id, message_id, sender, recipient, recipient_key,
       subject, raw_sha256, state, attempts, next_attempt_at, last_error, created_at, sent_at, claimed_until
FROM outbox;
DROP TABLE outbox;
ALTER TABLE outbox_v019 RENAME TO outbox;
CREATE INDEX outbox_due ON outbox (state, next_attempt_at);
CREATE INDEX outbox_inquiry ON outbox (inquiry_id);
CREATE INDEX outbox_recipient ON outbox (recipient_key, kind, created_at);
CREATE INDEX outbox_raw ON outbox (raw_sha256);

-- What each digest run queued, per recipient, day and part: a second run on the same day (cron twice, a retry by
-- hand) sends nobody the same digest again. day is the office's date, YYYY-MM-DD; part is 'tasks' or 'operator'.
CREATE TABLE digest_sent (
    recipient_key TEXT    NOT NULL,
    day           TEXT    NOT NULL,
    part          TEXT    NOT NULL CHECK (part IN ('tasks', 'operator')),
    outbox_id     INTEGER NOT NULL REFERENCES outbox (id),
    created_at    TEXT    NOT NULL,
    PRIMARY KEY (recipient_key, day, part)
);
