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
        String name = name(request.name());
        String email = email(request.email());
        String phone = phone(request.phone());
        return database.write(tx -> {
            Lookup lookup = new Lookup(tx);
            ContactMapper contacts = tx.mapper(ContactMapper.class);
            unclaimed(contacts, email, null);
            Long locationId = request.location() == null ? null : lookup.location(request.location()).id();
            Long organizationId = request.organization() == null ? null
                    : new Organizations(tx).find(request.organization()).id();
            long id = contacts.insert(new ContactMapper.NewContact(name, Lookup.Keys.name(name), email,
                    email == null ? null : Lookup.Keys.email(email),
                    phone,
                    request.role() == null ? ContactRole.TENANT : request.role(), locationId, organizationId,
                    clock.instant()));
            return contacts.byId(id).toContact();
        });
    }

    /** What `contact update` changes: null keeps a field; {@link #NONE} clears e-mail, phone, location or org. */
    public record Changes(String name, String email, String phone, ContactRole role, String location,
            String organization) {}

    public static final String NONE = "none";

    public Contact update(String who, Changes changes) {
        if (changes.equals(new Changes(null, null, null, null, null, null))) {
            throw new InvalidInputException("nothing to change: give --name, --email, --phone, --role, --location"
                    + " or --org");
        }
        return database.write(tx -> {
            Lookup lookup = new Lookup(tx);
            ContactMapper contacts = tx.mapper(ContactMapper.class);
            ContactRow row = lookup.contact(who);
            String name = changes.name() == null ? row.name() : name(changes.name());
            String email = changes.email() == null ? row.email() : email(cleared(changes.email()));
            if (changes.email() != null) {
                unclaimed(contacts, email, row.id());
            }
            String phone = changes.phone() == null ? row.phone() : phone(cleared(changes.phone()));
            Long locationId = changes.location() == null ? row.locationId()
                    : cleared(changes.location()) == null ? null : lookup.location(changes.location()).id();
            Long organizationId = changes.organization() == null ? row.organizationId()
                    : cleared(changes.organization()) == null ? null
                    : new Organizations(tx).find(changes.organization()).id();
            contacts.update(new ContactMapper.Fields(row.id(), name, Lookup.Keys.name(name), email,
                    email == null ? null : Lookup.Keys.email(email), phone,
                    changes.role() == null ? row.role() : changes.role(), locationId, organizationId));
            return contacts.byId(row.id()).toContact();
        });
    }

    private static String cleared(String value) {
        return value.isBlank() || value.strip().equalsIgnoreCase(NONE) ? null : value;
    }

    private static String name(String text) {
        String name = text == null ? "" : text.strip().replaceAll("\\s+", " ");
        if (name.isEmpty()) {
            throw new InvalidInputException("a contact needs a name");
        }
        if (name.matches("#?\\d+") || name.contains("@")) {
            throw new InvalidInputException("a name cannot be a number or contain '@': '" + name
                    + "' would be read as an id or an e-mail address");
        }
        return name;
    }

    /** An address as given (stripped), null for none; one that cannot be an address is refused. */
    static String email(String text) {
        String email = text == null || text.isBlank() ? null : text.strip();
        if (email != null && !email.matches("[^@\\s]+@[^@\\s]+")) {
            throw new InvalidInputException("not an e-mail address: '" + email + "'");
        }
        return email;
    }

    /** A number as people write one (+47 22 33 44 55, (0047) 22-33-44-55); a word is a mistake, never stored. */
    private static String phone(String text) {
        String phone = text == null || text.isBlank() ? null : text.strip();
        if (phone != null && !(phone.matches("[0-9+() -]{1,40}") && phone.replaceAll("\\D", "").length() >= 3)) {
            throw new InvalidInputException("not a phone number: '" + phone + "' (give its digits, with spaces, +, -"
                    + " and parentheses if you like: +47 22 33 44 55)");
        }
        return phone;
    }

    /** An address is one contact's: another's is refused. */
    private static void unclaimed(ContactMapper contacts, String email, Long self) {
        if (email != null) {
            ContactRow existing = contacts.byEmailKey(Lookup.Keys.email(email));
            if (existing != null && !Long.valueOf(existing.id()).equals(self)) {
                throw new InvalidInputException(
                        "contact #" + existing.id() + " " + existing.name() + " has e-mail address " + email);
            }
        }
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
