-- Deadlines (issue 18). Each inquiry's first-response and resolution deadlines, counted by the config's sla: in
-- working hours (service/Deadlines computes them: holidays cannot be counted in SQL). Stored, not computed on read,
-- so that `inquiry list --overdue` and `--sort due` are a query.
--   respond_by    the first reply is due by then; met by responded_at (the first reply an operator sent)
--   resolve_by    done by then; a reopening starts a new clock at resolve_from
--   due_at        the deadline open now: respond_by until the first reply, then resolve_by; null when done (and
--                 until an inquiry made before this version has its deadlines, on the first run that writes)
--   late_noted    which passed deadlines have their "deadline" event: 1 the response, 2 the resolution
ALTER TABLE inquiry ADD COLUMN respond_by TEXT;
ALTER TABLE inquiry ADD COLUMN resolve_by TEXT;
ALTER TABLE inquiry ADD COLUMN resolve_from TEXT;
ALTER TABLE inquiry ADD COLUMN responded_at TEXT;
ALTER TABLE inquiry ADD COLUMN due_at TEXT;
ALTER TABLE inquiry ADD COLUMN late_noted INTEGER NOT NULL DEFAULT 0;

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
ALTER TABLE outbox ADD COLUMN claimed_until TEXT;
