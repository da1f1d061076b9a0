package no.tenantdesk.domain;

import java.time.Instant;
import java.util.Objects;

public record Inquiry(
        long id,
        String title,
        String description,
        Status status,
        Priority priority,
        Source source,
        ContactRef requester,
        LocationRef location,
        LocationFrom locationFrom,
        String locationMatched,
        ContactRef assignee,
        Instant createdAt,
        Instant updatedAt,
        Instant closedAt) {

    public Inquiry {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(priority, "priority");
        Objects.requireNonNull(source, "source");
        description = description == null ? "" : description;
    }
}
