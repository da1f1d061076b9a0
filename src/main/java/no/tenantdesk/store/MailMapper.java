package no.tenantdesk.store;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import no.tenantdesk.domain.MailDirection;
import no.tenantdesk.domain.MailMessage;
import no.tenantdesk.domain.MailOutcome;
import no.tenantdesk.domain.MatchedBy;
import org.apache.ibatis.annotations.Param;

/** The e-mails fetch-mail has read: for duplicates, for threading, and for the quarantine. */
public interface MailMapper {

    /** What a mail says of itself, as its row keeps it; {@code messageKey} is what two copies of it share. */
    record Header(String messageId, String messageKey, String sender, String senderKey, String subject,
            Instant sentAt) {}

    /**
     * The raw bytes as stored: {@code sha256} null when they are not kept (a duplicate's), {@code partial} when only
     * the header block was.
     */
    record RawRef(String sha256, long size, boolean partial) {

        public static RawRef notKept(long size) {
            return new RawRef(null, size, false);
        }
    }

    /** What fetch-mail made of an incoming mail; null outcome for our own outgoing mail. */
    record Result(MailOutcome outcome, MatchedBy matchedBy, String reason, Long inquiryId, Long commentId) {}

    /** A row of {@code mail_message}: made by {@link #incoming} or {@link #outgoing}. */
    record NewMail(MailDirection direction, Header header, String source, String sourceKey, RawRef raw,
            Result result, Instant createdAt) {

        /** A mail read from a source (its name, and the key the source knows it by). */
        public static NewMail incoming(Header header, String source, String sourceKey, RawRef raw, Result result,
                Instant createdAt) {
            return new NewMail(MailDirection.IN, header, source, sourceKey, raw, result, createdAt);
        }

        /** A mail of ours, kept so that the tenant's answer threads back to the inquiry. */
        public static NewMail outgoing(Header header, RawRef raw, Long inquiryId, Long commentId, Instant createdAt) {
            return new NewMail(MailDirection.OUT, header, null, null, raw,
                    new Result(null, null, null, inquiryId, commentId), createdAt);
        }
    }

    /** @return the new row's id */
    long insert(NewMail mail);

    /** As {@link #insert}, for a caller that needs no id back: a cheaper statement. */
    void record(NewMail mail);

    /** As {@link #record}, many in one statement ({@link HeldColumns#mails}; PostgreSQL only). */
    void recordAll(@Param("c") Map<String, Object> columns);

    /** Which of these keys a source has handed over before. */
    List<String> knownSourceKeys(@Param("source") String source, @Param("keys") Collection<String> keys);

    /** The stored (not duplicate) inbound message with this key, if any. */
    Long storedByKey(String messageKey);

    /** Which of these keys a stored (not duplicate) inbound message has. */
    List<String> storedKeys(@Param("keys") Collection<String> keys);

    /** The inquiry of the newest message, ours or a tenant's, with this Message-ID. */
    Long inquiryByMessageId(String messageId);

    /**
     * Whether this address has to do with the inquiry: its requester, its assignee, a task's assignee, or the
     * sender of a mail already on it.
     */
    boolean senderBelongsTo(@Param("inquiryId") long inquiryId, @Param("senderKey") String senderKey);

    List<MailMessage> byInquiry(long inquiryId);

    /** The Message-IDs of an inquiry's mails, ours and the tenant's, oldest first: a reply's References. */
    List<String> thread(long inquiryId);

    /** The Message-ID of the tenant's newest mail on the inquiry, or null: what a reply answers. */
    String latestIncoming(long inquiryId);

    MailMessage byId(long id);

    List<MailMessage> quarantined();

    /** The raw bytes' hash and whether only the header was kept, for a retry. */
    record Raw(String sha256, boolean partial) {}

    Raw raw(long id);

    /** A quarantined message, read after all: what it turned out to be. */
    record Resolved(long id, Header header, Result result) {}

    void resolve(Resolved resolved);

    /** A quarantined message that failed again: its new reason; what is known of it stays. */
    void stillQuarantined(@Param("id") long id, @Param("reason") String reason);
}
