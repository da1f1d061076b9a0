package no.tenantdesk.domain;

import java.time.Instant;

/** A file kept with an inquiry, a comment or a task; its bytes live once per SHA-256. */
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
        Instant createdAt) {}
