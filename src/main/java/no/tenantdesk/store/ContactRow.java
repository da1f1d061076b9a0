package no.tenantdesk.store;

import java.time.Instant;
import no.tenantdesk.domain.Contact;
import no.tenantdesk.domain.ContactRef;
import no.tenantdesk.domain.ContactRole;
import no.tenantdesk.domain.LocationRef;

public record ContactRow(
        long id,
        String name,
        String email,
        String phone,
        ContactRole role,
        Long locationId,
        String locationPath,
        Instant createdAt) {

    public ContactRef toRef() {
        return new ContactRef(id, name, email);
    }

    public Contact toContact() {
        LocationRef location = locationId == null ? null : new LocationRef(locationId, locationPath);
        return new Contact(id, name, email, phone, role, location, createdAt);
    }
}
