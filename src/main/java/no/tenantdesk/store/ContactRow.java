package no.tenantdesk.store;

import java.time.Instant;
import no.tenantdesk.domain.Contact;
import no.tenantdesk.domain.ContactRef;
import no.tenantdesk.domain.ContactRole;
import no.tenantdesk.domain.LocationRef;
import no.tenantdesk.domain.OrganizationRef;

public record ContactRow(
        long id,
        String name,
        String email,
        String phone,
        ContactRole role,
        Long locationId,
        String locationPath,
        Long organizationId,
        String organizationName,
        Instant createdAt) {

    public ContactRef toRef() {
        return ContactRef.of(id, name, email, organizationId, organizationName);
    }

    public Contact toContact() {
        LocationRef location = locationId == null ? null : new LocationRef(locationId, locationPath);
        return new Contact(id, name, email, phone, role, location,
                organizationId == null ? null : new OrganizationRef(organizationId, organizationName), createdAt);
    }
}
