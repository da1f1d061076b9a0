package no.tenantdesk.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** Work for operations staff or a contractor, made from an inquiry; closed with a note and files. */
public record Task(
        long id,
        long inquiryId,
        TaskKind kind,
        String title,
        String description,
        Status status,
        Priority priority,
        ContactRef assignee,
        LocalDate due,
        String completionNote,
        String createdBy,
        Instant createdAt,
        Instant updatedAt,
        Instant closedAt,
        List<Attachment> attachments) {

    public Task {
        description = description == null ? "" : description;
        attachments = List.copyOf(attachments);
    }
}
