package no.tenantdesk.domain;

import java.time.Instant;

public record Contact(
        long id, String name, String email, String phone, ContactRole role, LocationRef location,
        OrganizationRef organization, Instant createdAt) {

    public ContactRef ref() {
        return new ContactRef(id, name, email, organization);
    }
}
