package no.tenantdesk.service;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import no.tenantdesk.domain.OutboxKind;
import no.tenantdesk.domain.TenantdeskException;
import no.tenantdesk.mail.out.MailComposer;
import no.tenantdesk.mail.out.OutgoingMail;
import no.tenantdesk.store.Blobs;
import no.tenantdesk.store.MailMapper;
import no.tenantdesk.store.OutboxMapper;
import no.tenantdesk.store.Tx;

/**
 * Puts a message in the outbox, inside the transaction of the use case that writes it (a reply and its comment, a
 * new inquiry and its receipt): both commit, or neither. The message is composed now and kept as bytes, so that
 * sending it later, once or again after a failure, sends exactly this, with this Message-ID.
 */
final class Outbox {

    private final Tx tx;
    private final Instant now;
    private final OutgoingMail.Address from;
    private final Scratch scratch;

    Outbox(Tx tx, Instant now, OutgoingMail.Address from, Scratch scratch) {
        this.tx = tx;
        this.now = now;
        this.from = from;
        this.scratch = scratch;
    }

    /** A Message-ID of ours: the inquiry's number in it helps a person reading headers; the rest makes it unique. */
    String newMessageId(long inquiryId) {
        String domain = from.email().substring(from.email().lastIndexOf('@') + 1);
        return "tenantdesk." + inquiryId + "." + UUID.randomUUID() + "@" + domain;
    }

    /** A digest's: about many inquiries, so it names none. */
    String newDigestId() {
        String domain = from.email().substring(from.email().lastIndexOf('@') + 1);
        return "tenantdesk.digest." + UUID.randomUUID() + "@" + domain;
    }

    OutgoingMail.Address from() {
        return from;
    }

    /** @param inquiryId null for a digest
     * @return the outbox row */
    long queue(OutboxKind kind, Long inquiryId, Long commentId, Long taskId, OutgoingMail mail) {
        Stored raw = store(mail);
        String sha256 = raw.sha256();
        OutgoingMail.Address to = mail.to().get(0);
        // As a mail row, so that the tenant's answer (In-Reply-To: this Message-ID) threads back to the inquiry.
        MailMapper.Header header = new MailMapper.Header(mail.messageId(), mail.messageId(), from.email(),
                from.email().toLowerCase(Locale.ROOT), mail.subject(), now);
        long mailId = tx.mapper(MailMapper.class).insert(MailMapper.NewMail.outgoing(
                header, new MailMapper.RawRef(sha256, raw.size(), false), inquiryId, commentId, now));
        return tx.mapper(OutboxMapper.class).insert(new OutboxMapper.NewOutbox(kind, inquiryId, commentId, taskId,
                mailId, mail.messageId(), from.email(), to.email(), to.email().toLowerCase(Locale.ROOT), mail.subject(),
                sha256, now, now));
    }

    private record Stored(String sha256, long size) {}

    /**
     * Composes the message and stores its bytes. A text alone is composed in memory (the text is there already); with
     * attachments it is composed into a file, hashed as it is written, and stored from that a piece at a time: the
     * photos of a task notice can be tens of MB.
     */
    private Stored store(OutgoingMail mail) {
        Blobs blobs = new Blobs(tx);
        if (mail.attachments().isEmpty()) {
            byte[] raw = new MailComposer().compose(mail);
            String sha256 = FileInput.sha256(raw);
            blobs.put(sha256, raw);
            return new Stored(sha256, raw.length);
        }
        try (TemporaryFolder folder = scratch.folder("outbox-")) {
            Path file = folder.path().resolve("message.eml");
            MessageDigest digest = FileInput.newDigest();
            try (OutputStream out = new BufferedOutputStream(
                    new DigestOutputStream(Files.newOutputStream(file), digest), 64 * 1024)) {
                new MailComposer().writeTo(mail, out);
            }
            String sha256 = FileInput.hex(digest);
            blobs.put(sha256, file);
            return new Stored(sha256, Files.size(file));
        } catch (IOException e) {
            throw new TenantdeskException("cannot compose the message " + mail.messageId() + ": " + e.getMessage(),
                    e);
        }
    }

    /**
     * The Message-IDs a header of ours can carry: visible ASCII without brackets. A tenant's mail program may have
     * written anything; an id we cannot repeat is left out of the thread rather than failing the reply.
     */
    static List<String> usable(List<String> messageIds) {
        return messageIds.stream().filter(Outbox::usable).toList();
    }

    static boolean usable(String messageId) {
        return messageId != null && messageId.matches("[!-~&&[^<>]]+") && messageId.indexOf('@') > 0
                && !messageId.endsWith("@");
    }

    /** "Re: [#12] Lekkasje i taket": the token lets any mail program's answer find its way back. */
    static String subject(long inquiryId, String title) {
        return "Re: [#" + inquiryId + "] " + title;
    }
}
