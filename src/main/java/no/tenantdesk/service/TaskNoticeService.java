package no.tenantdesk.service;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import no.tenantdesk.domain.Attachment;
import no.tenantdesk.domain.InvalidInputException;
import no.tenantdesk.domain.OutboxKind;
import no.tenantdesk.domain.SafeNames;
import no.tenantdesk.mail.out.OutgoingMail;
import no.tenantdesk.store.AttachmentMapper;
import no.tenantdesk.store.Blobs;
import no.tenantdesk.store.ContactMapper;
import no.tenantdesk.store.ContactRow;
import no.tenantdesk.store.Database;
import no.tenantdesk.store.InquiryRow;
import no.tenantdesk.store.TaskRow;
import no.tenantdesk.store.Tx;

/**
 * Sends a task to its assignee by e-mail: a contractor who never opens tenantdesk gets the place, the description
 * and the photos, and answers by mail with "[task #5]" in the subject; the answer lands on the task.
 */
public final class TaskNoticeService {

    private final Database database;
    private final Clock clock;
    private final OutgoingMail.Address from;
    private final OutboxService outbox;

    public TaskNoticeService(Database database, Clock clock, OutgoingMail.Address from, OutboxService outbox) {
        this.database = database;
        this.clock = clock;
        this.from = from;
        this.outbox = outbox;
    }

    /** The queued notice, and what sending it did (null when another sender got to it first). */
    public record Noticed(long outboxId, String recipient, OutboxService.Attempt attempt) {}

    /** Fails now, as the command starts, when there is no mail server to send through. */
    public void requireServer() {
        if (from == null || !outbox.canSend()) {
            throw OutboxService.noServer();
        }
    }

    public Noticed notify(long taskId, String actor) {
        requireServer();
        try (TemporaryFolder files = outbox.scratch().folder("notice-")) {
            Path folder = files.path();
            Noticed queued = database.write(tx -> {
                Lookup lookup = new Lookup(tx);
                TaskRow task = lookup.task(taskId);
                ContactRow assignee = task.assigneeId() == null ? null
                        : tx.mapper(ContactMapper.class).byId(task.assigneeId());
                if (assignee == null || assignee.email() == null) {
                    throw new InvalidInputException("task " + taskId + " has no assignee with an e-mail address"
                            + " to send it to" + (assignee == null ? "" : " (" + assignee.name() + " has none)"));
                }
                InquiryRow inquiry = lookup.inquiry(task.inquiryId());
                Outbox box = new Outbox(tx, clock.instant(), from, outbox.scratch());
                OutgoingMail mail = new OutgoingMail(box.newMessageId(inquiry.id()), from,
                        List.of(new OutgoingMail.Address(assignee.name(), assignee.email())), subject(task, inquiry),
                        text(task, inquiry), null, List.of(), OutgoingMail.Automatic.NO,
                        photos(tx, inquiry.id(), folder));
                long id = box.queue(OutboxKind.TASK_NOTICE, inquiry.id(), null, task.id(), mail);
                new Recorder(tx, actor, clock.instant()).event(inquiry.id(), task.id(), "notified", null,
                        assignee.email());
                return new Noticed(id, assignee.email(), null);
            });
            return new Noticed(queued.outboxId(), queued.recipient(), outbox.send(queued.outboxId()));
        }
    }

    /** "[task #5] Tett lekkasje i taket – Bygg A/2. etasje/Kontor 204": the token brings the answer back. */
    private static String subject(TaskRow task, InquiryRow inquiry) {
        return "[task #" + task.id() + "] " + task.title()
                + (inquiry.locationPath() == null ? "" : " – " + inquiry.locationPath());
    }

    /** In Norwegian, as the contractors read it. */
    private static String text(TaskRow task, InquiryRow inquiry) {
        StringBuilder text = new StringBuilder();
        text.append(task.kind().cli().equals("deviation") ? "Avvik" : "Oppdrag").append(" #").append(task.id())
                .append(": ").append(task.title()).append('\n');
        if (inquiry.locationPath() != null) {
            text.append("Sted: ").append(inquiry.locationPath()).append('\n');
        }
        if (task.due() != null) {
            text.append("Frist: ").append(task.due()).append('\n');
        }
        text.append("Prioritet: ").append(task.priority().cli()).append('\n');
        if (!task.description().isBlank()) {
            text.append('\n').append(task.description().strip()).append('\n');
        }
        text.append("\nFra henvendelse #").append(inquiry.id()).append(": ").append(inquiry.title()).append('\n');
        if (!inquiry.description().isBlank()) {
            text.append(inquiry.description().strip()).append('\n');
        }
        text.append("\nSvar på denne e-posten når arbeidet er gjort, gjerne med bilder;"
                + " svaret kommer rett inn på oppdraget.\n");
        return text.toString();
    }

    /** The inquiry's own files (the tenant's photos, the operator's documents), written out to be attached. */
    private static List<OutgoingMail.Attachment> photos(Tx tx, long inquiryId, Path folder) {
        AttachmentMapper attachments = tx.mapper(AttachmentMapper.class);
        Blobs blobs = new Blobs(tx);
        List<OutgoingMail.Attachment> files = new ArrayList<>();
        for (Attachment attachment : attachments.byInquiry(inquiryId)) {
            if (attachment.commentId() != null || attachment.taskId() != null || attachment.removed()) {
                continue; // what came later belongs to a conversation or another task; a removed file has no bytes
            }
            try {
                Path file = folder.resolve(files.size() + "-" + SafeNames.filename(attachment.filename()));
                blobs.copy(attachment.sha256(), file);
                files.add(new OutgoingMail.Attachment(attachment.filename(), attachment.contentType(), file));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return files;
    }
}
