-- Deadlines, as ../V015__deadlines.sql, which says what each column is for.
ALTER TABLE inquiry ADD COLUMN respond_by timestamptz;
ALTER TABLE inquiry ADD COLUMN resolve_by timestamptz;
ALTER TABLE inquiry ADD COLUMN resolve_from timestamptz;
ALTER TABLE inquiry ADD COLUMN responded_at timestamptz;
ALTER TABLE inquiry ADD COLUMN due_at timestamptz;
ALTER TABLE inquiry ADD COLUMN late_noted integer NOT NULL DEFAULT 0;

-- An inquiry made before deadlines existed was answered when its first reply was queued; its resolution clock starts
-- when it was made. Its deadlines themselves are counted by the first run that writes (service/Deadlines.catchUp).
UPDATE inquiry SET resolve_from = created_at,
    responded_at = (SELECT min(o.created_at) FROM outbox o WHERE o.inquiry_id = inquiry.id AND o.kind = 'reply');

-- The open inquiries by their next deadline: --sort due, --overdue and the sweep that records passed deadlines.
CREATE INDEX inquiry_due ON inquiry (due_at, id) WHERE due_at IS NOT NULL;
-- The open inquiries made before this version, waiting for their deadlines.
CREATE INDEX inquiry_without_deadlines ON inquiry (id) WHERE respond_by IS NULL AND status <> 'done';

-- Who is sending a queued message until when. next_attempt_at says when it may be tried (a claim pushes it on, so
-- a sender that dies leaves the message to the next one); `outbox send --now` tries a waiting message at once, but
-- never one another sender holds at this moment.
ALTER TABLE outbox ADD COLUMN claimed_until timestamptz;
