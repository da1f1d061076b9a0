package no.tenantdesk.service;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import no.tenantdesk.domain.Attachment;
import no.tenantdesk.domain.Comment;
import no.tenantdesk.domain.CommentKind;
import no.tenantdesk.domain.InvalidInputException;
import no.tenantdesk.domain.OutboxKind;
import no.tenantdesk.domain.Status;
import no.tenantdesk.mail.out.OutgoingMail;
import no.tenantdesk.store.CommentMapper;
import no.tenantdesk.store.ContactMapper;
import no.tenantdesk.store.ContactRow;
import no.tenantdesk.store.Database;
import no.tenantdesk.store.InquiryRow;
import no.tenantdesk.store.MailMapper;
import no.tenantdesk.store.Tx;

/**
 * A reply to the tenant: a `reply` comment and the e-mail that carries it, committed together into the outbox, then
 * sent. A reply the server does not take stays stored and queued; nothing an operator wrote is lost to a mail server.
 */
public final class ReplyService {

    private final Database database;
    private final Clock clock;
    private final OutgoingMail.Address from;
    private final OutboxService outbox;
    private final Deadlines deadlines;

    /** @param from null when no mail server is configured: then there is no replying */
    public ReplyService(Database database, Clock clock, OutgoingMail.Address from, OutboxService outbox,
            Deadlines deadlines) {
        this.database = database;
        this.clock = clock;
        this.from = from;
        this.outbox = outbox;
        this.deadlines = deadlines;
    }

    /** The stored reply, and what sending it did (null when another sender got to it first). */
    public record Replied(Comment comment, long outboxId, OutboxService.Attempt attempt, Status statusFrom) {}

    public Replied reply(long inquiryId, String text, List<Path> attachments, Status status, String actor) {
        if (from == null || !outbox.canSend()) {
            throw OutboxService.noServer();
        }
        if (text == null || text.isBlank()) {
            throw new InvalidInputException("the reply is empty");
        }
        List<FileInput> files = FileInput.readAll(attachments);
        String body = text.strip();
        Queued queued = database.write(tx -> {
            Lookup lookup = new Lookup(tx);
            Recorder recorder = new Recorder(tx, actor, clock.instant());
            InquiryRow row = lookup.inquiryForChange(inquiryId);
            ContactRow requester = row.requesterId() == null ? null
                    : tx.mapper(ContactMapper.class).byId(row.requesterId());
            if (requester == null || requester.email() == null) {
                throw new InvalidInputException("inquiry " + inquiryId + " has no requester with an e-mail address"
                        + " to reply to (set one: tenantdesk inquiry update " + inquiryId + " --tenant EMAIL)");
            }
            long commentId = tx.mapper(CommentMapper.class).insert(new CommentMapper.NewComment(
                    inquiryId, CommentKind.REPLY, actor, body, recorder.now()));
            List<Attachment> stored = recorder.attach(inquiryId, commentId, null, files);
            Status before = row.status();
            if (status != null && status != before) {
                InquiryService.moveStatus(tx, recorder, row, status, deadlines);
            } else {
                recorder.touch(inquiryId);
            }
            Outbox box = new Outbox(tx, recorder.now(), from, outbox.scratch());
            long outboxId = box.queue(OutboxKind.REPLY, inquiryId, commentId, null,
                    mail(tx, box, row, requester, body, attachments));
            // Queued is answered: the operator has answered; a mail server's delay is the outbox's to report.
            deadlines.replied(tx, inquiryId, recorder.now());
            Comment comment = new Comment(commentId, null, CommentKind.REPLY, actor, body, recorder.now(), stored);
            return new Queued(comment, outboxId, status != null && status != before ? before : null);
        });
        OutboxService.Attempt attempt = outbox.send(queued.outboxId());
        return new Replied(queued.comment(), queued.outboxId(), attempt, queued.statusFrom());
    }

    private record Queued(Comment comment, long outboxId, Status statusFrom) {}

    /** In-Reply-To the tenant's latest mail, References the whole thread: their mail program files it with it. */
    private static OutgoingMail mail(Tx tx, Outbox box, InquiryRow row, ContactRow requester, String body,
            List<Path> attachments) {
        List<String> thread = Outbox.usable(tx.mapper(MailMapper.class).thread(row.id()));
        String latest = tx.mapper(MailMapper.class).latestIncoming(row.id());
        String inReplyTo = Outbox.usable(latest) ? latest : null;
        List<OutgoingMail.Attachment> files = attachments.stream()
                .map(p -> new OutgoingMail.Attachment(no.tenantdesk.domain.SafeNames.filename(p.getFileName()
                        .toString()), FileInput.contentType(p.getFileName().toString()), p))
                .toList();
        return new OutgoingMail(box.newMessageId(row.id()), box.from(),
                List.of(new OutgoingMail.Address(requester.name(), requester.email())),
                Outbox.subject(row.id(), row.title()), body, inReplyTo,
                thread.size() > 20 ? thread.subList(thread.size() - 20, thread.size()) : thread,
                OutgoingMail.Automatic.NO, files);
    }
}
