package no.tenantdesk.domain;

import java.time.Instant;
import java.util.Objects;

/** @param sla its deadlines; null for an inquiry made before there were any, until they are counted */
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
        Instant closedAt,
        Sla sla) {

    public Inquiry {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(priority, "priority");
        Objects.requireNonNull(source, "source");
        description = description == null ? "" : description;
    }
}
