package no.tenantdesk.service;

import java.time.Instant;
import java.util.Locale;
import no.tenantdesk.domain.CommentKind;
import no.tenantdesk.domain.MailOutcome;
import no.tenantdesk.domain.MatchedBy;
import no.tenantdesk.domain.OutboxMessage;
import no.tenantdesk.domain.SkipReason;
import no.tenantdesk.domain.Source;
import no.tenantdesk.domain.Status;
import no.tenantdesk.domain.TemporaryFailureException;
import no.tenantdesk.mail.in.InboundMail;
import no.tenantdesk.mail.in.InboundMail.OmittedPart;
import no.tenantdesk.service.FilingDecision.Answer;
import no.tenantdesk.service.FilingDecision.Bounce;
import no.tenantdesk.service.FilingDecision.Duplicate;
import no.tenantdesk.service.FilingDecision.NewInquiry;
import no.tenantdesk.service.FilingDecision.Skip;
import no.tenantdesk.store.CommentMapper;
import no.tenantdesk.store.ContactMapper;
import no.tenantdesk.store.InquiryMapper;
import no.tenantdesk.store.InquiryRow;
import no.tenantdesk.store.MailMapper;
import no.tenantdesk.store.OutboxMapper;
import no.tenantdesk.store.TaskMapper;
import no.tenantdesk.store.TaskRow;
import no.tenantdesk.store.Tx;
import no.tenantdesk.triage.Triage;

/**
 * Files one message in the caller's transaction: asks {@link FilingRules} where it goes and does that, the only place
 * that writes what fetch-mail and a quarantine retry make of a mail (its row and raw bytes, an inquiry or comment with
 * the attachments, a new contact, a receipt, a bounced message marked failed).
 */
final class MailFiling {

    private final Tx tx;
    private final MailMapper mails;
    private final Instant now;
    private final MailSettings settings;
    private final StoredLookups lookups;
    private final FilingRules rules;
    private final RawStore rawStore;
    private final Scratch scratch;

    /** @param triage where a new inquiry lands: made once per run ({@link TriageLoader}) */
    MailFiling(Tx tx, Instant now, MailSettings settings, StoredLookups lookups, Scratch scratch, Triage triage) {
        this.tx = tx;
        this.scratch = scratch;
        this.mails = tx.mapper(MailMapper.class);
        this.now = now;
        this.settings = settings;
        this.lookups = lookups;
        this.rules = new FilingRules(lookups, settings.acknowledgement(), now, triage,
                settings.triaging().doneWords());
        this.rawStore = new RawStore(tx, settings.maxRawSize());
    }

    /**
     * What happened to one message, for the summary and for {@code inquiry show}; and what its filing stored that
     * the rest of the batch must know ({@link StoredLookups#learn}).
     *
     * @param storedKey   the message key it stored under; null when it was a duplicate
     * @param madeContact the contact made of its sender, or null
     * @param triage      what the rules, organizations and places made of it (for fetch-mail --json)
     */
    record Filed(MailOutcome outcome, String reason, Long inquiryId, MatchedBy matchedBy, String storedKey,
            ContactMapper.Sender madeContact, Triage.Decision triage) {

        Filed(MailOutcome outcome, String reason, Long inquiryId, MatchedBy matchedBy, String storedKey,
                ContactMapper.Sender madeContact) {
            this(outcome, reason, inquiryId, matchedBy, storedKey, madeContact, Triage.Decision.NONE);
        }

        Filed with(Triage.Decision decision) {
            return new Filed(outcome, reason, inquiryId, matchedBy, storedKey, madeContact, decision);
        }
    }

    /**
     * Files the message in a savepoint of its own: whatever goes wrong (a bug, a stack overflow, memory) undoes only
     * its writes and quarantines it. A busy database is no fault of the message's and stops the batch; so does a
     * failure to quarantine it, which is one of the database itself.
     */
    Filed fileOrQuarantine(Intake intake, Origin origin) {
        try {
            return tx.savepoint(() -> file(intake, origin));
        } catch (TemporaryFailureException e) {
            throw e;
        } catch (RuntimeException | Error e) {
            return quarantine(intake, origin, "cannot store: " + MailReader.reason(e));
        }
    }

    /** Files the message; a failure is the caller's to handle (it undoes the transaction). */
    Filed file(Intake intake, Origin origin) {
        return intake instanceof Intake.Parsed parsed ? file(parsed, origin)
                : quarantine(intake, origin, ((Intake.Unreadable) intake).reason());
    }

    private Filed file(Intake.Parsed parsed, Origin origin) {
        InboundMail mail = parsed.mail();
        FilingDecision decision = rules.decide(parsed, origin instanceof Origin.Retry retry ? retry.row() : null);
        if (decision instanceof Duplicate) {
            return record(mail, origin, MailMapper.RawRef.notKept(mail.rawSize()),
                    result(MailOutcome.SKIPPED, SkipReason.DUPLICATE.cli()), null);
        }
        MailMapper.RawRef raw = rawStore.put(mail).ref();
        if (decision instanceof Skip skip) {
            return record(mail, origin, raw, result(MailOutcome.SKIPPED, skip.reason().cli()), null)
                    .with(skip.triage());
        }
        if (decision instanceof Bounce bounce) {
            return record(mail, origin, raw, new MailMapper.Result(MailOutcome.SKIPPED, null, SkipReason.BOUNCE.cli(),
                    markBounced(mail, bounce), null), null);
        }
        if (decision instanceof Answer answer) {
            Filed filed = answer.doneNote() != null ? taskDone(mail, origin, raw, answer)
                    : comment(mail, origin, raw, answer);
            return filed.with(answer.triage());
        }
        if (decision instanceof NewInquiry inquiry) {
            return newInquiry(mail, origin, raw, inquiry);
        }
        throw new IllegalStateException("a parsed mail is not quarantined by a decision: " + decision);
    }

    /**
     * Keeps the bytes of a message that could not be read or stored, with the reason, until an operator retries it.
     * A retried one that fails again keeps its row, with the new reason.
     */
    Filed quarantine(Intake intake, Origin origin, String reason) {
        InboundMail mail = intake instanceof Intake.Parsed parsed ? parsed.mail() : null;
        if (origin instanceof Origin.Retry retry) {
            mails.stillQuarantined(retry.row(), reason);
            return new Filed(MailOutcome.QUARANTINED, reason, null, null, null, null);
        }
        Origin.Source source = (Origin.Source) origin;
        RawStore.Kept raw = mail == null ? rawStore.put(intake.raw().file()) : rawStore.put(mail);
        String messageKey = mail != null ? FilingRules.messageKey(mail) : "sha256:" + raw.fullSha256();
        boolean duplicate = rules.quarantine(messageKey, reason) instanceof Duplicate;
        MailMapper.Result result = duplicate ? result(MailOutcome.SKIPPED, SkipReason.DUPLICATE.cli())
                : result(MailOutcome.QUARANTINED, reason);
        String sender = mail == null ? null : mail.from().email();
        keep(MailMapper.NewMail.incoming(
                new MailMapper.Header(mail == null ? null : mail.messageId(), messageKey, sender,
                        sender == null ? null : sender.toLowerCase(Locale.ROOT), mail == null ? "" : mail.subject(),
                        mail == null ? null : mail.sentAt()),
                source.name(), source.key(),
                duplicate ? MailMapper.RawRef.notKept(raw.ref().size()) : raw.ref(), result, now));
        return new Filed(result.outcome(), result.reason(), null, null, duplicate ? null : messageKey, null);
    }

    private Filed comment(InboundMail mail, Origin origin, MailMapper.RawRef raw, Answer answer) {
        Recorder recorder = new Recorder(tx, FilingRules.senderKey(mail), now);
        long commentId = tx.mapper(CommentMapper.class).insert(new CommentMapper.NewComment(answer.inquiryId(),
                answer.taskId(), CommentKind.INCOMING, author(mail), body(mail, settings.maxAttachmentSize()),
                recorder.now()));
        recorder.attach(answer.inquiryId(), commentId, answer.taskId(),
                mail.parts().stream().map(FileInput::spooled).toList());
        // As Lookup.inquiryForChange: a reopening is a status move, serialised with the others on the inquiry's row.
        tx.mapper(InquiryMapper.class).lock(answer.inquiryId());
        InquiryRow row = tx.mapper(InquiryMapper.class).byId(answer.inquiryId());
        if (row.status() == Status.DONE && settings.reopenDone()) {
            InquiryService.moveStatus(tx, recorder, row, Status.TODO, settings.deadlines());
        } else {
            recorder.touch(answer.inquiryId());
        }
        return record(mail, origin, raw, new MailMapper.Result(MailOutcome.THREADED, answer.matchedBy(), null,
                answer.inquiryId(), commentId), null);
    }

    private Filed newInquiry(InboundMail mail, Origin origin, MailMapper.RawRef raw, NewInquiry decision) {
        MailInquiry inquiry = new MailInquiry(tx, now, settings, lookups, scratch);
        MailInquiry.Made made = inquiry.make(mail, decision);
        Filed filed = record(mail, origin, raw, new MailMapper.Result(MailOutcome.CREATED, null, null,
                made.inquiryId(), null), made.madeContact()).with(decision.triage());
        if (decision.acknowledge()) {
            inquiry.acknowledge(mail, made.inquiryId());
        }
        return filed;
    }

    /**
     * The task's assignee says it is done: the task is done with the rest of their text as its note and their photos
     * as its documentation, a system comment says so on the inquiry, and a todo inquiry is in progress now.
     */
    private Filed taskDone(InboundMail mail, Origin origin, MailMapper.RawRef raw, Answer answer) {
        long taskId = answer.taskId();
        tx.mapper(InquiryMapper.class).lock(answer.inquiryId());
        TaskRow task = tx.mapper(TaskMapper.class).byId(taskId);
        Recorder recorder = new Recorder(tx, FilingRules.senderKey(mail), now);
        String note = answer.doneNote().isEmpty() ? task.completionNote() : answer.doneNote();
        recorder.event(answer.inquiryId(), taskId, "status", task.status().cli(), Status.DONE.cli());
        tx.mapper(TaskMapper.class).updateProgress(new TaskMapper.Progress(taskId, Status.DONE, note, recorder.now(),
                task.status() == Status.DONE ? task.closedAt() : recorder.now()));
        recorder.attach(answer.inquiryId(), null, taskId, mail.parts().stream().map(FileInput::spooled).toList());
        long commentId = tx.mapper(CommentMapper.class).insert(new CommentMapper.NewComment(answer.inquiryId(),
                taskId, CommentKind.SYSTEM, "tenantdesk", author(mail) + " marked task #" + taskId + " ("
                        + task.title() + ") done by e-mail" + (note == null || note.isBlank() ? "." : ": " + note),
                recorder.now()));
        InquiryRow row = tx.mapper(InquiryMapper.class).byId(answer.inquiryId());
        if (row.status() == Status.TODO) {
            InquiryService.moveStatus(tx, recorder, row, Status.IN_PROGRESS, settings.deadlines());
        } else {
            recorder.touch(answer.inquiryId());
        }
        return record(mail, origin, raw, new MailMapper.Result(MailOutcome.THREADED, answer.matchedBy(), null,
                answer.inquiryId(), commentId), null);
    }

    /**
     * Marks our messages that a delivery failure returns as failed, each with a system comment on its inquiry saying
     * the tenant did not get it.
     *
     * @return the inquiry of the first of them, or null when it returns none of ours
     */
    private Long markBounced(InboundMail mail, Bounce bounce) {
        OutboxMapper outbox = tx.mapper(OutboxMapper.class);
        Long first = null;
        for (long outboxId : bounce.outboxIds()) {
            OutboxMessage message = outbox.byId(outboxId);
            String error = "bounced: " + (mail.subject().isBlank() ? "a delivery report" : mail.subject());
            outbox.failed(outboxId, error);
            Recorder recorder = new Recorder(tx, "tenantdesk", now);
            tx.mapper(CommentMapper.class).insert(new CommentMapper.NewComment(message.inquiryId(),
                    CommentKind.SYSTEM, "tenantdesk", "The " + message.kind().cli() + " to " + message.recipient()
                    + " did not arrive: the mail server returned it (" + error + ").", recorder.now()));
            recorder.touch(message.inquiryId());
            first = first == null ? message.inquiryId() : first;
        }
        return first;
    }

    private Filed record(InboundMail mail, Origin origin, MailMapper.RawRef raw, MailMapper.Result result,
            ContactMapper.Sender madeContact) {
        String messageKey = FilingRules.messageKey(mail);
        MailMapper.Header header = new MailMapper.Header(mail.messageId(), messageKey, mail.from().email(),
                FilingRules.senderKey(mail), mail.subject(), mail.sentAt());
        if (origin instanceof Origin.Retry retry) {
            mails.resolve(new MailMapper.Resolved(retry.row(), header, result));
        } else {
            Origin.Source source = (Origin.Source) origin;
            keep(MailMapper.NewMail.incoming(header, source.name(), source.key(), raw, result, now));
        }
        boolean duplicate = SkipReason.DUPLICATE.cli().equals(result.reason());
        return new Filed(result.outcome(), result.reason(), result.inquiryId(), result.matchedBy(),
                duplicate ? null : messageKey, madeContact);
    }

    /** Records a mail read from a source: held back with the batch's other rows where the transaction allows. */
    private void keep(MailMapper.NewMail mail) {
        if (tx.behind() != null) {
            tx.behind().mail(mail);
        } else {
            mails.record(mail);
        }
    }

    private static MailMapper.Result result(MailOutcome outcome, String reason) {
        return new MailMapper.Result(outcome, null, reason, null, null);
    }

    private static String author(InboundMail mail) {
        String name = mail.from().name().strip();
        return name.isEmpty() ? mail.from().email() : name + " <" + mail.from().email() + ">";
    }

    /** The mail's text, and a line for each attachment left out for its size. */
    static String body(InboundMail mail, long maxAttachmentSize) {
        StringBuilder body = new StringBuilder(mail.text().strip());
        for (OmittedPart omitted : mail.omitted()) {
            body.append(body.isEmpty() ? "" : "\n\n").append("[Attachment omitted: ").append(omitted.filename())
                    .append(" (").append(size(omitted.size())).append("), larger than the limit of ")
                    .append(size(maxAttachmentSize)).append(" per attachment]");
        }
        return body.toString();
    }

    private static String size(long bytes) {
        if (bytes < 1024) {
            return bytes + " bytes";
        }
        if (bytes < 1024 * 1024) {
            return String.format(Locale.ROOT, "%.0f KB", bytes / 1024.0);
        }
        return String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024.0));
    }
}
