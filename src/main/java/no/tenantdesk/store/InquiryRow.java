package no.tenantdesk.store;

import java.time.Instant;
import no.tenantdesk.domain.ContactRef;
import no.tenantdesk.domain.Inquiry;
import no.tenantdesk.domain.LocationRef;
import no.tenantdesk.domain.Priority;
import no.tenantdesk.domain.Source;
import no.tenantdesk.domain.Status;

public record InquiryRow(
        long id,
        String title,
        String description,
        Status status,
        Priority priority,
        Source source,
        Long requesterId,
        String requesterName,
        String requesterEmail,
        Long locationId,
        String locationPath,
        Long assigneeId,
        String assigneeName,
        String assigneeEmail,
        Instant createdAt,
        Instant updatedAt,
        Instant closedAt) {

    public Inquiry toInquiry() {
        return new Inquiry(
                id,
                title,
                description,
                status,
                priority,
                source,
                requesterId == null ? null : new ContactRef(requesterId, requesterName, requesterEmail),
                locationId == null ? null : new LocationRef(locationId, locationPath),
                assigneeId == null ? null : new ContactRef(assigneeId, assigneeName, assigneeEmail),
                createdAt,
                updatedAt,
                closedAt);
    }

    public InquiryMapper.Fields fields() {
        return new InquiryMapper.Fields(
                id, title, description, status, priority, requesterId, locationId, assigneeId, updatedAt, closedAt);
    }
}
