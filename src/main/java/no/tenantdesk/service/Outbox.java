package no.tenantdesk.service;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import no.tenantdesk.domain.OutboxKind;
import no.tenantdesk.mail.out.MailComposer;
import no.tenantdesk.mail.out.OutgoingMail;
import no.tenantdesk.store.AttachmentMapper;
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

    Outbox(Tx tx, Instant now, OutgoingMail.Address from) {
        this.tx = tx;
        this.now = now;
        this.from = from;
    }

    /** A Message-ID of ours: the inquiry's number in it helps a person reading headers; the rest makes it unique. */
    String newMessageId(long inquiryId) {
        String domain = from.email().substring(from.email().lastIndexOf('@') + 1);
        return "tenantdesk." + inquiryId + "." + UUID.randomUUID() + "@" + domain;
    }

    OutgoingMail.Address from() {
        return from;
    }

    /** @return the outbox row */
    long queue(OutboxKind kind, long inquiryId, Long commentId, Long taskId, OutgoingMail mail) {
        byte[] raw = compose(mail);
        String sha256 = FileInput.sha256(raw);
        tx.mapper(AttachmentMapper.class).insertBlob(sha256, raw.length, raw);
        OutgoingMail.Address to = mail.to().get(0);
        // As a mail row, so that the tenant's answer (In-Reply-To: this Message-ID) threads back to the inquiry.
        long mailId = tx.mapper(MailMapper.class).insert(new MailMapper.NewMail("out", mail.messageId(),
                mail.messageId(), null, null, from.email(), from.email().toLowerCase(Locale.ROOT), mail.subject(),
                now, sha256, raw.length, false, null, null, null, inquiryId, commentId, now));
        return tx.mapper(OutboxMapper.class).insert(new OutboxMapper.NewOutbox(kind, inquiryId, commentId, taskId, mailId,
                mail.messageId(), from.email(), to.email(), to.email().toLowerCase(Locale.ROOT), mail.subject(),
                sha256, now, now));
    }

    private static byte[] compose(OutgoingMail mail) {
        return new MailComposer().compose(mail);
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
