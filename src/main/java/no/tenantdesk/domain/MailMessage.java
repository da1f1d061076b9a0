package no.tenantdesk.domain;

import java.time.Instant;

/**
 * An e-mail as fetch-mail recorded it.
 *
 * @param sender    the address it came from
 * @param outcome   null for mail we send
 * @param matchedBy how a threaded mail found its inquiry; null for the mail that created one
 * @param reason    why it was skipped, or the error that quarantined it
 * @param createdAt when it was fetched
 * @param removedAt when its raw bytes were removed, or null while they are kept
 * @param removedBy why they were removed
 */
public record MailMessage(
        long id,
        String messageId,
        String sender,
        String subject,
        Instant sentAt,
        MailOutcome outcome,
        MatchedBy matchedBy,
        String reason,
        Long inquiryId,
        Long commentId,
        String source,
        long rawSize,
        Instant createdAt,
        Instant removedAt,
        Removal removedBy) {}
