package no.tenantdesk.domain;

import java.time.Instant;

/**
 * A message we send, as the outbox keeps it.
 *
 * @param inquiryId     null for a digest, which is about many
 * @param nextAttemptAt when a queued message is tried next; null once sent or failed
 * @param lastError     what the server or the network said the last time it did not work
 */
public record OutboxMessage(
        long id,
        OutboxKind kind,
        Long inquiryId,
        Long commentId,
        Long taskId,
        String messageId,
        String recipient,
        String subject,
        OutboxState state,
        int attempts,
        Instant nextAttemptAt,
        String lastError,
        Instant createdAt,
        Instant sentAt) {}
