package no.tenantdesk.service;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import no.tenantdesk.domain.CommentKind;
import no.tenantdesk.domain.ContactRole;
import no.tenantdesk.domain.InvalidInputException;
import no.tenantdesk.domain.MailOutcome;
import no.tenantdesk.domain.MatchedBy;
import no.tenantdesk.domain.OutboxKind;
import no.tenantdesk.domain.OutboxMessage;
import no.tenantdesk.domain.Priority;
import no.tenantdesk.domain.SkipReason;
import no.tenantdesk.domain.Source;
import no.tenantdesk.domain.Status;
import no.tenantdesk.mail.in.InboundMail;
import no.tenantdesk.mail.in.InboundMail.MailPart;
import no.tenantdesk.mail.in.InboundMail.OmittedPart;
import no.tenantdesk.mail.out.OutgoingMail;
import no.tenantdesk.store.Blobs;
import no.tenantdesk.store.CommentMapper;
import no.tenantdesk.store.ContactMapper;
import no.tenantdesk.store.InquiryMapper;
import no.tenantdesk.store.InquiryRow;
import no.tenantdesk.store.MailMapper;
import no.tenantdesk.store.OutboxMapper;
import no.tenantdesk.store.TaskMapper;
import no.tenantdesk.store.TaskRow;
import no.tenantdesk.store.Tx;

/**
 * Where one parsed e-mail goes, decided and written inside the caller's transaction: a duplicate or automatic mail
 * is only recorded, an answer becomes an incoming comment on its inquiry, anything else a new inquiry. The threading
 * rules live here and nowhere else.
 */
final class MailFiling {

    /** "[#12]" in a subject; "[task #12]" is a task's and does not match. */
    private static final Pattern TOKEN = Pattern.compile("\\[#(\\d{1,18})]");
    /** "[task #5]": the subject of a task notice, and of the contractor's answer. */
    private static final Pattern TASK_TOKEN = Pattern.compile("(?i)\\[task #(\\d{1,18})]");
    private static final int TITLE_LENGTH = 200;

    private final Tx tx;
    private final MailMapper mails;
    private final Instant now;
    private final boolean reopenDone;
    private final long maxRawSize;
    private final long maxAttachmentSize;
    private final FetchService.Acknowledging acknowledging;
    /**
     * Senders by lower-cased address, as {@link #expect} found them (empty: not a contact), for this
     * filing's transaction only: no other writer changes contacts while it is open.
     */
    private final Map<String, Optional<ContactMapper.Sender>> senders = new HashMap<>();
    /**
     * Whether a message with this key is stored, for the keys {@link #expect} asked about and those filed since, in
     * this filing's transaction: whoever else imports takes the fetch lock first.
     */
    private final Map<String, Boolean> stored = new HashMap<>();

    MailFiling(Tx tx, Instant now, FetchService.Settings settings) {
        this.tx = tx;
        this.mails = tx.mapper(MailMapper.class);
        this.now = now;
        this.reopenDone = settings.reopenDone();
        this.maxAttachmentSize = settings.maxAttachmentSize();
        this.acknowledging = settings.acknowledging();
        // The raw message is kept whole while it could hold an attachment we keep (base64 makes 4 bytes of 3, and
        // text and headers come with it); beyond that (a mail whose huge attachment was omitted) only its header
        // is kept: the database does not take in the raw form what the limit kept out as an attachment.
        this.maxRawSize = settings.maxAttachmentSize() * 3 / 2 + 1024 * 1024;
    }

    /** What happened to one message, for the summary and for {@code inquiry show}. */
    record Filed(MailOutcome outcome, String reason, Long inquiryId, MatchedBy matchedBy) {}

    /** Whether this source handed over this message before (a run that stopped between commit and acknowledge). */
    boolean alreadyFetched(String source, String sourceKey) {
        return sourceKey != null && !mails.knownSourceKeys(source, List.of(sourceKey)).isEmpty();
    }

    /**
     * Files a parsed message. {@code quarantined} is the row of a quarantined message being retried, else null.
     */
    Filed file(InboundMail mail, Optional<SkipReason> automatic, String source, String sourceKey, Long quarantined) {
        String messageKey = messageKey(mail);
        String senderKey = mail.from().email().toLowerCase(Locale.ROOT);
        if (storedBefore(messageKey, quarantined)) {
            return record(mail, messageKey, source, sourceKey, null, quarantined,
                    new Filed(MailOutcome.SKIPPED, SkipReason.DUPLICATE.cli(), null, null), null);
        }
        Raw raw = storeRaw(mail);
        if (automatic.isPresent()) {
            Long bouncedInquiry = automatic.get() == SkipReason.BOUNCE ? bounced(mail) : null;
            return record(mail, messageKey, source, sourceKey, raw, quarantined,
                    new Filed(MailOutcome.SKIPPED, automatic.get().cli(), bouncedInquiry, null), null);
        }
        String actor = senderKey;
        Recorder recorder = new Recorder(tx, actor, now);
        Optional<Thread> thread = thread(mail, senderKey);
        if (thread.isPresent()) {
            long inquiryId = thread.get().inquiryId();
            Long taskId = thread.get().taskId();
            long commentId = tx.mapper(CommentMapper.class).insert(new CommentMapper.NewComment(
                    inquiryId, taskId, CommentKind.INCOMING, author(mail), body(mail), recorder.now()));
            attach(recorder, inquiryId, commentId, taskId, mail.parts());
            reopen(recorder, inquiryId);
            return record(mail, messageKey, source, sourceKey, raw, quarantined,
                    new Filed(MailOutcome.THREADED, null, inquiryId, thread.get().matchedBy()), commentId);
        }
        ContactMapper.Sender requester = requester(mail, senderKey);
        long inquiryId = tx.mapper(InquiryMapper.class).insert(new InquiryMapper.NewInquiry(
                title(mail), body(mail), Status.TODO, Priority.NORMAL, Source.EMAIL, requester.id(),
                requester.locationId(), // a tenant writes about their own premises
                null, recorder.now()));
        recorder.event(inquiryId, null, "created", null, Source.EMAIL.cli());
        attach(recorder, inquiryId, null, null, mail.parts());
        Filed filed = record(mail, messageKey, source, sourceKey, raw, quarantined,
                new Filed(MailOutcome.CREATED, null, inquiryId, null), null);
        acknowledge(mail, senderKey, inquiryId, requester);
        return filed;
    }

    /**
     * Tells the tenant the inquiry's number, once per sender per interval (a tenant who sends five mails in a minute
     * gets one receipt, and two autoresponders cannot keep each other busy). Automatic mail never gets here.
     */
    private void acknowledge(InboundMail mail, String senderKey, long inquiryId, ContactMapper.Sender requester) {
        if (acknowledging == null
                || tx.mapper(OutboxMapper.class).acknowledgementsSince(senderKey,
                        now.minus(acknowledging.interval())) > 0) {
            return;
        }
        Outbox outbox = new Outbox(tx, now, acknowledging.from());
        List<String> references = new ArrayList<>(mail.references());
        if (mail.messageId() != null) {
            references.add(mail.messageId());
        }
        OutgoingMail receipt;
        try {
            receipt = acknowledging.receipt().to(mail.from().email(), inquiryId, outbox.newMessageId(inquiryId),
                    Outbox.usable(mail.messageId()) ? mail.messageId() : null, Outbox.usable(references));
        } catch (InvalidInputException e) {
            // An address we cannot send to (non-ASCII): the receipt is a courtesy, the inquiry is what matters.
            return;
        }
        outbox.queue(OutboxKind.ACKNOWLEDGEMENT, inquiryId, null, null, receipt);
    }

    /** What two copies of one message share: its Message-ID, else the hash of its bytes. */
    private static String messageKey(InboundMail mail) {
        return mail.messageId() != null ? mail.messageId() : "sha256:" + mail.rawSha256();
    }

    /** Whether a message with this key is stored already, other than {@code quarantined}, the row being retried. */
    private boolean storedBefore(String messageKey, Long quarantined) {
        Boolean known = quarantined == null ? stored.get(messageKey) : null;
        if (known != null) {
            return known;
        }
        Long original = mails.storedByKey(messageKey);
        return original != null && !original.equals(quarantined);
    }

    /**
     * Keeps the bytes of a message that could not be filed, with the reason, until an operator retries it.
     * {@code mail} is null when the message could not even be parsed.
     */
    Filed quarantine(Path rawFile, InboundMail mail, String source, String sourceKey, String error) {
        Raw raw = mail == null ? storeRaw(rawFile, -1, null) : storeRaw(mail);
        String messageKey = mail != null ? messageKey(mail) : "sha256:" + raw.fullSha256();
        Filed filed = new Filed(MailOutcome.QUARANTINED, error, null, null);
        if (storedBefore(messageKey, null)) {
            // The same message came before and is stored (or quarantined) already: one copy is enough.
            filed = new Filed(MailOutcome.SKIPPED, SkipReason.DUPLICATE.cli(), null, null);
        }
        String sender = mail == null ? null : mail.from().email();
        mails.record(new MailMapper.NewMail("in", mail == null ? null : mail.messageId(), messageKey, source,
                sourceKey, sender, sender == null ? null : sender.toLowerCase(Locale.ROOT),
                mail == null ? "" : mail.subject(), mail == null ? null : mail.sentAt(),
                filed.outcome() == MailOutcome.QUARANTINED ? raw.sha256() : null, raw.size(), raw.partial(),
                filed.outcome(), null, filed.reason(), null, null, now));
        if (filed.outcome() == MailOutcome.QUARANTINED) {
            stored.put(messageKey, true);
        }
        return filed;
    }

    /** @param taskId the task when the mail answers a task notice, else null */
    private record Thread(long inquiryId, MatchedBy matchedBy, Long taskId) {}

    /**
     * Headers first: In-Reply-To, then References from the newest, naming a message we stored or sent (a task
     * notice's answer goes to its task). Then a subject token, task before inquiry, but only from someone who has
     * to do with that inquiry: anyone can type "[#12]", and a stranger's mail must not land in another tenant's
     * case. Numbers in the body are never read.
     */
    private Optional<Thread> thread(InboundMail mail, String senderKey) {
        for (String id : mail.inReplyTo()) {
            Long inquiry = mails.inquiryByMessageId(id);
            if (inquiry != null) {
                return Optional.of(new Thread(inquiry, MatchedBy.IN_REPLY_TO,
                        tx.mapper(OutboxMapper.class).taskByMessageId(id)));
            }
        }
        List<String> references = new ArrayList<>(mail.references());
        Collections.reverse(references);
        for (String id : references) {
            Long inquiry = mails.inquiryByMessageId(id);
            if (inquiry != null) {
                return Optional.of(new Thread(inquiry, MatchedBy.REFERENCES,
                        tx.mapper(OutboxMapper.class).taskByMessageId(id)));
            }
        }
        Matcher taskToken = TASK_TOKEN.matcher(mail.subject());
        while (taskToken.find()) {
            TaskRow task = tx.mapper(TaskMapper.class).byId(Long.parseLong(taskToken.group(1)));
            if (task != null && mails.senderBelongsTo(task.inquiryId(), senderKey)) {
                return Optional.of(new Thread(task.inquiryId(), MatchedBy.SUBJECT_TOKEN, task.id()));
            }
        }
        Matcher token = TOKEN.matcher(mail.subject());
        while (token.find()) {
            long id = Long.parseLong(token.group(1));
            if (tx.mapper(InquiryMapper.class).byId(id) != null && mails.senderBelongsTo(id, senderKey)) {
                return Optional.of(new Thread(id, MatchedBy.SUBJECT_TOKEN, null));
            }
        }
        return Optional.empty();
    }

    /**
     * A delivery report about mail we sent: the message is marked failed and its inquiry says the tenant did not get
     * it. The report names our message by the Message-ID in the returned headers, below the report's own header.
     *
     * @return the inquiry of the bounced message, or null when the report is about none of ours
     */
    private Long bounced(InboundMail mail) {
        OutboxMapper outbox = tx.mapper(OutboxMapper.class);
        for (String id : returnedMessageIds(mail.raw())) {
            Long outboxId = outbox.byMessageId(id);
            if (outboxId == null) {
                continue;
            }
            OutboxMessage message = outbox.byId(outboxId);
            String error = "bounced: " + (mail.subject().isBlank() ? "a delivery report" : mail.subject());
            outbox.failed(outboxId, error);
            Recorder recorder = new Recorder(tx, "tenantdesk", now);
            tx.mapper(CommentMapper.class).insert(new CommentMapper.NewComment(message.inquiryId(),
                    CommentKind.SYSTEM, "tenantdesk", "The " + message.kind().cli() + " to " + message.recipient()
                    + " did not arrive: the mail server returned it (" + error + ").", recorder.now()));
            recorder.touch(message.inquiryId());
            return message.inquiryId();
        }
        return null;
    }

    private static final Pattern RETURNED_ID = Pattern.compile("(?i)^message-id:\\s*<([^>\\s]+)>");

    /** Message-IDs below the first header block: those of the returned message, not of the report itself. */
    private static List<String> returnedMessageIds(Path raw) {
        List<String> ids = new ArrayList<>();
        try (BufferedReader lines = Files.newBufferedReader(raw, StandardCharsets.ISO_8859_1)) {
            boolean body = false;
            for (String line; (line = lines.readLine()) != null; ) {
                if (!body) {
                    body = line.isEmpty();
                    continue;
                }
                Matcher id = RETURNED_ID.matcher(line);
                if (id.find()) {
                    ids.add(id.group(1));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the spooled message", e);
        }
        return ids;
    }

    private void reopen(Recorder recorder, long inquiryId) {
        tx.mapper(InquiryMapper.class).lock(inquiryId); // as Lookup.inquiryForChange: a reopening is a status move
        InquiryRow row = tx.mapper(InquiryMapper.class).byId(inquiryId);
        if (row.status() == Status.DONE && reopenDone) {
            InquiryService.moveStatus(tx, recorder, row, Status.TODO);
        } else {
            recorder.touch(inquiryId);
        }
    }

    /**
     * Looks up, in one query each, which of a batch's messages are stored already and who of their senders are
     * contacts: a statement costs more in MyBatis than in SQLite, and filing each message would otherwise ask on its
     * own. What filing does later in the batch (a message it stores, a sender it makes a contact) is added; see
     * {@link #forget}.
     *
     * @param parsed     the batch's messages that could be parsed
     * @param fromPeople those of them that are not automatic mail (which is only recorded, its sender not looked up)
     */
    void expect(List<InboundMail> parsed, List<InboundMail> fromPeople) {
        Set<String> messageKeys = new HashSet<>();
        for (InboundMail mail : parsed) {
            messageKeys.add(messageKey(mail));
        }
        Set<String> senderKeys = new HashSet<>();
        for (InboundMail mail : fromPeople) {
            senderKeys.add(mail.from().email().toLowerCase(Locale.ROOT));
        }
        if (!messageKeys.isEmpty()) {
            for (String key : messageKeys) {
                stored.put(key, false);
            }
            for (String key : mails.storedKeys(messageKeys)) {
                stored.put(key, true);
            }
        }
        if (!senderKeys.isEmpty()) {
            for (String key : senderKeys) {
                senders.put(key, Optional.empty());
            }
            for (ContactMapper.Sender sender : tx.mapper(ContactMapper.class).senders(senderKeys)) {
                senders.put(sender.emailKey(), Optional.of(sender));
            }
        }
    }

    /** After a message's writes were undone (its savepoint rolled back): what it stored or made is gone again. */
    void forget() {
        stored.clear();
        senders.clear();
    }

    /** The sender as a contact: known by address, or a new tenant named as their mail program names them. */
    private ContactMapper.Sender requester(InboundMail mail, String senderKey) {
        ContactMapper contacts = tx.mapper(ContactMapper.class);
        Optional<ContactMapper.Sender> expected = senders.get(senderKey);
        Optional<ContactMapper.Sender> known = expected != null ? expected
                : contacts.senders(List.of(senderKey)).stream().findFirst();
        if (known.isPresent()) {
            return known.get();
        }
        String name = mail.from().name().isBlank() ? senderKey.substring(0, Math.max(0, senderKey.indexOf('@')))
                : mail.from().name().strip();
        if (name.isBlank()) {
            name = senderKey;
        }
        long id = contacts.insert(new ContactMapper.NewContact(name, Lookup.Keys.name(name), mail.from().email(),
                senderKey, null, ContactRole.TENANT, null, now));
        ContactMapper.Sender made = new ContactMapper.Sender(senderKey, id, name, null);
        senders.put(senderKey, Optional.of(made)); // the batch's next mail from this sender is from a contact
        return made;
    }

    private Filed record(InboundMail mail, String messageKey, String source, String sourceKey, Raw raw,
            Long quarantined, Filed filed, Long commentId) {
        if (quarantined != null) {
            mails.resolve(new MailMapper.Resolved(quarantined, mail.messageId(), messageKey, mail.from().email(),
                    mail.from().email().toLowerCase(Locale.ROOT), mail.subject(), mail.sentAt(), filed.outcome(),
                    filed.matchedBy(), filed.reason(), filed.inquiryId(), commentId));
        } else {
            mails.record(new MailMapper.NewMail("in", mail.messageId(), messageKey, source, sourceKey,
                    mail.from().email(), mail.from().email().toLowerCase(Locale.ROOT), mail.subject(), mail.sentAt(),
                    raw == null ? null : raw.sha256(), mail.rawSize(), raw != null && raw.partial(), filed.outcome(),
                    filed.matchedBy(), filed.reason(), filed.inquiryId(), commentId, now));
        }
        if (!SkipReason.DUPLICATE.cli().equals(filed.reason())) {
            stored.put(messageKey, true); // the next copy in this batch is a duplicate of this one
        }
        return filed;
    }

    private void attach(Recorder recorder, long inquiryId, Long commentId, Long taskId, List<MailPart> parts) {
        recorder.attach(inquiryId, commentId, taskId, parts.stream().map(FileInput::spooled).toList());
    }

    private static String author(InboundMail mail) {
        String name = mail.from().name().strip();
        return name.isEmpty() ? mail.from().email() : name + " <" + mail.from().email() + ">";
    }

    private String body(InboundMail mail) {
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

    /** The subject; without one, the first line of the text; without that, who wrote. */
    static String title(InboundMail mail) {
        String subject = mail.subject().strip().replaceAll("\\s+", " ");
        if (subject.isEmpty()) {
            subject = mail.text().lines().map(String::strip).filter(l -> !l.isEmpty()).findFirst()
                    .map(line -> line.length() > 80 ? line.substring(0, 79).strip() + "…" : line)
                    .orElse("E-mail from " + (mail.from().name().isBlank() ? mail.from().email()
                            : mail.from().name().strip()));
        }
        return subject.length() > TITLE_LENGTH ? subject.substring(0, TITLE_LENGTH - 1).strip() + "…" : subject;
    }

    /** The raw bytes as stored: whole, or only the header when the message is too large to hold. */
    private record Raw(String sha256, long size, boolean partial, String fullSha256) {}

    private Raw storeRaw(InboundMail mail) {
        if (mail.rawBytes() != null && mail.rawSize() <= maxRawSize) {
            new Blobs(tx).put(mail.rawSha256(), mail.rawBytes()); // read by the parser: no file to open here
            return new Raw(mail.rawSha256(), mail.rawSize(), false, mail.rawSha256());
        }
        return storeRaw(mail.raw(), mail.rawSize(), mail.rawSha256());
    }

    private Raw storeRaw(Path file, long knownSize, String knownSha256) {
        try {
            long size = knownSize >= 0 ? knownSize : Files.size(file);
            Blobs blobs = new Blobs(tx);
            if (size > maxRawSize) {
                byte[] header = header(file);
                String sha256 = FileInput.sha256(header);
                blobs.put(sha256, header);
                return new Raw(sha256, size, true, knownSha256 != null ? knownSha256 : FileInput.sha256(file));
            }
            String sha256 = knownSha256 != null ? knownSha256 : FileInput.sha256(file);
            try (InputStream in = Files.newInputStream(file)) {
                blobs.put(sha256, size, in); // a piece at a time: the message may be tens of MB
            }
            return new Raw(sha256, size, false, sha256);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the spooled message", e);
        }
    }

    /** The header block: up to the first empty line, at most 1 MB. */
    private static byte[] header(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] head = in.readNBytes(1024 * 1024);
            for (int i = 0; i + 1 < head.length; i++) {
                if (head[i] == '\n' && (head[i + 1] == '\n' || head[i + 1] == '\r' && i + 2 < head.length
                        && head[i + 2] == '\n')) {
                    return Arrays.copyOf(head, i + 1);
                }
            }
            return head;
        }
    }
}
