package no.tenantdesk.store;

import java.time.Instant;
import java.util.List;
import no.tenantdesk.domain.ContactRef;
import no.tenantdesk.domain.Location;

public record LocationRow(
        long id,
        String path,
        Long parentId,
        Long responsibleId,
        String responsibleName,
        String responsibleEmail,
        Long responsibleOrganizationId,
        String responsibleOrganizationName,
        long openInquiries,
        Instant createdAt) {

    public Location toLocation() {
        ContactRef responsible =
                responsibleId == null ? null : ContactRef.of(responsibleId, responsibleName, responsibleEmail,
                        responsibleOrganizationId, responsibleOrganizationName);
        return new Location(id, path, parentId, responsible, openInquiries, createdAt, List.of());
    }
}
