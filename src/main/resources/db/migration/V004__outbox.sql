-- Mail we send: replies, acknowledgements of new inquiries, tasks sent to contractors. A row and its comment commit together, with the exact
-- bytes of the message; sending comes after, so a reply is never lost, and a retry sends the same message with the
-- same Message-ID.
CREATE TABLE outbox (
    id               INTEGER PRIMARY KEY,
    kind             TEXT    NOT NULL CHECK (kind IN ('reply', 'acknowledgement', 'task-notice')),
    inquiry_id       INTEGER NOT NULL REFERENCES inquiry (id),
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
    -- When a queued message may be tried next. A sender claims a message by moving this into the future before it
    -- connects, so two senders never send the same message, and one that dies lets the claim run out.
    next_attempt_at  TEXT,
    last_error       TEXT,
    created_at       TEXT    NOT NULL,
    sent_at          TEXT
);
CREATE INDEX outbox_due ON outbox (state, next_attempt_at);
CREATE INDEX outbox_inquiry ON outbox (inquiry_id);
-- Acknowledgements: at most one per sender per interval.
CREATE INDEX outbox_recipient ON outbox (recipient_key, kind, created_at);

-- A contractor's answer to a task notice is a comment on that task (and so on its inquiry).
ALTER TABLE comment ADD COLUMN task_id INTEGER REFERENCES task (id);
