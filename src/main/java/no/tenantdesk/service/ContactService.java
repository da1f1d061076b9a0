package no.tenantdesk.service;

import java.time.Clock;
import java.util.List;
import no.tenantdesk.domain.Contact;
import no.tenantdesk.domain.ContactRole;
import no.tenantdesk.domain.InvalidInputException;
import no.tenantdesk.domain.NotFoundException;
import no.tenantdesk.store.ContactMapper;
import no.tenantdesk.store.ContactRow;
import no.tenantdesk.store.Database;

/** Tenants, staff and contractors: who asks, and who does the work. */
public final class ContactService {

    private final Database database;
    private final Clock clock;

    public ContactService(Database database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    /** @param organization ORG as {@code org show} takes it; null for none */
    public record NewContact(String name, String email, String phone, ContactRole role, String location,
            String organization) {}

    public Contact add(NewContact request) {
        String name = request.name() == null ? "" : request.name().strip().replaceAll("\\s+", " ");
        if (name.isEmpty()) {
            throw new InvalidInputException("a contact needs a name");
        }
        if (name.matches("#?\\d+") || name.contains("@")) {
            throw new InvalidInputException("a name cannot be a number or contain '@': '" + name
                    + "' would be read as an id or an e-mail address");
        }
        String email = request.email() == null || request.email().isBlank() ? null : request.email().strip();
        if (email != null && !email.matches("[^@\\s]+@[^@\\s]+")) {
            throw new InvalidInputException("not an e-mail address: '" + email + "'");
        }
        return database.write(tx -> {
            Lookup lookup = new Lookup(tx);
            ContactMapper contacts = tx.mapper(ContactMapper.class);
            if (email != null) {
                ContactRow existing = contacts.byEmailKey(Lookup.Keys.email(email));
                if (existing != null) {
                    throw new InvalidInputException(
                            "contact #" + existing.id() + " " + existing.name() + " has e-mail address " + email);
                }
            }
            Long locationId = request.location() == null ? null : lookup.location(request.location()).id();
            Long organizationId = request.organization() == null ? null
                    : new Organizations(tx).find(request.organization()).id();
            long id = contacts.insert(new ContactMapper.NewContact(name, Lookup.Keys.name(name), email,
                    email == null ? null : Lookup.Keys.email(email),
                    request.phone() == null || request.phone().isBlank() ? null : request.phone().strip(),
                    request.role() == null ? ContactRole.TENANT : request.role(), locationId, organizationId,
                    clock.instant()));
            return contacts.byId(id).toContact();
        });
    }

    public List<Contact> list(ContactRole role) {
        return database.read(tx -> tx.mapper(ContactMapper.class).list(role).stream()
                .map(ContactRow::toContact)
                .toList());
    }

    public Contact show(String who) {
        return database.read(tx -> new Lookup(tx).findContact(who)
                .orElseThrow(() -> new NotFoundException("contact '" + who.strip() + "' not found"))
                .toContact());
    }
}
