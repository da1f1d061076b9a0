package no.tenantdesk.store;

import java.time.Instant;
import java.util.List;
import no.tenantdesk.domain.OutboxKind;
import no.tenantdesk.domain.OutboxMessage;
import org.apache.ibatis.annotations.Param;

/** Mail we send, from the transaction that queues it to the one that records the server's answer. */
public interface OutboxMapper {

    record NewOutbox(
            OutboxKind kind,
            Long inquiryId,
            Long commentId,
            Long taskId,
            long mailMessageId,
            String messageId,
            String sender,
            String recipient,
            String recipientKey,
            String subject,
            String rawSha256,
            Instant nextAttemptAt,
            Instant createdAt) {}

    long insert(NewOutbox message);

    OutboxMessage byId(long id);

    /** Everything not yet sent (queued and failed), or everything, newest first. */
    List<OutboxMessage> list(@Param("all") boolean all);

    List<OutboxMessage> byInquiry(long inquiryId);

    /**
     * Takes a due message for one sender until {@code until}: 1 when it was due and is now ours, 0 when another
     * sender has it or it is not due.
     */
    int claim(@Param("id") long id, @Param("now") Instant now, @Param("until") Instant until);

    /**
     * Takes the oldest due message for one sender until {@code until}, skipping those another sender is taking at
     * this moment; null when none is due.
     */
    Long claimNext(@Param("now") Instant now, @Param("until") Instant until);

    /**
     * Takes a queued message whatever its back-off, for one sender until {@code until}: 1 when it is now ours, 0 when
     * another sender holds it at {@code now} or it is no longer queued.
     */
    int claimNow(@Param("id") long id, @Param("now") Instant now, @Param("until") Instant until);

    /** Every queued message's id, oldest first. */
    List<Long> queued();

    /** The stored bytes of the message, and its envelope. */
    record Envelope(String rawSha256, String sender, String recipient) {}

    Envelope envelope(long id);

    void sent(@Param("id") long id, @Param("at") Instant at);

    void retry(@Param("id") long id, @Param("nextAttemptAt") Instant nextAttemptAt, @Param("error") String error);

    void failed(@Param("id") long id, @Param("error") String error);

    /** How many acknowledgements went to this address since then. */
    int acknowledgementsSince(@Param("recipientKey") String recipientKey, @Param("since") Instant since);

    /** The outbox row of a message we sent, by its Message-ID. */
    Long byMessageId(String messageId);

    /** The task a message we sent was about, by its Message-ID; null for other mail. */
    Long taskByMessageId(String messageId);
}
