-- The morning digest: as ../V019__digest.sql, which says why. PostgreSQL changes the outbox in place.
ALTER TABLE outbox ALTER COLUMN inquiry_id DROP NOT NULL;
ALTER TABLE outbox DROP CONSTRAINT outbox_kind_check;
ALTER TABLE outbox ADD CONSTRAINT outbox_kind_check
    CHECK (kind IN ('reply', 'acknowledgement', 'task-notice', 'digest'));

CREATE TABLE digest_sent (
    recipient_key text        COLLATE "C" NOT NULL,
    day           date        NOT NULL,
    part          text        NOT NULL CHECK (part IN ('tasks', 'operator')),
    outbox_id     bigint      NOT NULL REFERENCES outbox (id),
    created_at    timestamptz NOT NULL,
    PRIMARY KEY (recipient_key, day, part)
);
