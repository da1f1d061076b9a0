package no.tenantdesk.domain;

import java.time.Instant;

/**
 * A file kept with an inquiry, a comment or a task; its bytes live once per SHA-256.
 *
 * @param removedAt when its bytes were removed (then {@code sha256} is that of no bytes), or null
 * @param removedBy why: retention or an erasure; null while the bytes are there
 */
public record Attachment(
        long id,
        long inquiryId,
        Long commentId,
        Long taskId,
        String filename,
        String contentType,
        long size,
        String sha256,
        String addedBy,
        Instant createdAt,
        Instant removedAt,
        Removal removedBy) {

    public boolean removed() {
        return removedAt != null;
    }
}
