package no.tenantdesk.store;

import java.time.Instant;
import no.tenantdesk.domain.ContactRef;
import no.tenantdesk.domain.Inquiry;
import no.tenantdesk.domain.LocationFrom;
import no.tenantdesk.domain.LocationRef;
import no.tenantdesk.domain.Priority;
import no.tenantdesk.domain.Sla;
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
        Long requesterOrganizationId,
        String requesterOrganizationName,
        Long locationId,
        String locationPath,
        LocationFrom locationFrom,
        String locationMatched,
        Long assigneeId,
        String assigneeName,
        String assigneeEmail,
        Long assigneeOrganizationId,
        String assigneeOrganizationName,
        Instant createdAt,
        Instant updatedAt,
        Instant closedAt,
        Instant respondBy,
        Instant resolveBy,
        Instant respondedAt) {

    /** {@code now}: the moment its deadlines are judged at (Sla.breached). */
    public Inquiry toInquiry(Instant now) {
        return new Inquiry(
                id,
                title,
                description,
                status,
                priority,
                source,
                requesterId == null ? null : ContactRef.of(requesterId, requesterName, requesterEmail,
                        requesterOrganizationId, requesterOrganizationName),
                locationId == null ? null : new LocationRef(locationId, locationPath),
                locationFrom,
                locationMatched,
                assigneeId == null ? null : ContactRef.of(assigneeId, assigneeName, assigneeEmail,
                        assigneeOrganizationId, assigneeOrganizationName),
                createdAt,
                updatedAt,
                closedAt,
                Sla.of(respondBy, resolveBy, respondedAt, closedAt, now));
    }

    public InquiryMapper.Fields fields() {
        return new InquiryMapper.Fields(
                id, title, description, status, priority, requesterId, locationId, locationFrom, locationMatched,
                assigneeId, updatedAt, closedAt);
    }
}
