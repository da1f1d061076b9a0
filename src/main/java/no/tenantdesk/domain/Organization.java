package no.tenantdesk.domain;

import java.time.Instant;
import java.util.List;

/**
 * A tenant company: its mail domains (a mail from an unknown address there is from a new contact of it), the places
 * it rents (where its mail is about when the text does not say), and its people.
 *
 * @param premises the places it rents, in path order
 * @param contacts its people, by name
 */
public record Organization(long id, String name, List<String> domains, List<LocationRef> premises,
        List<ContactRef> contacts, long openInquiries, Instant createdAt) {

    public Organization {
        domains = List.copyOf(domains);
        premises = List.copyOf(premises);
        contacts = List.copyOf(contacts);
    }

    public OrganizationRef ref() {
        return new OrganizationRef(id, name);
    }
}
