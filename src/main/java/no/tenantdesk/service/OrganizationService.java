package no.tenantdesk.service;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import no.tenantdesk.domain.ContactRef;
import no.tenantdesk.domain.InvalidInputException;
import no.tenantdesk.domain.LocationRef;
import no.tenantdesk.domain.NotFoundException;
import no.tenantdesk.domain.Organization;
import no.tenantdesk.store.ContactRow;
import no.tenantdesk.store.Database;
import no.tenantdesk.store.LocationRow;
import no.tenantdesk.store.OrganizationMapper;
import no.tenantdesk.store.Tx;
import no.tenantdesk.triage.FreeMail;

/**
 * Tenant organizations: the companies that rent premises, known by their mail domains. A domain belongs to one
 * organization at most, and a free-mail domain to none; claiming a domain brings in the contacts who wrote from it.
 */
public final class OrganizationService {

    private final Database database;
    private final Clock clock;
    private final FreeMail freeMail;

    public OrganizationService(Database database, Clock clock, FreeMail freeMail) {
        this.database = database;
        this.clock = clock;
        this.freeMail = freeMail;
    }

    /** Null lists change nothing; the others add (or remove) what they name. */
    public record Changes(String name, List<String> domains, List<String> removeDomains, List<String> locations,
            List<String> removeLocations, List<String> contacts) {

        public Changes {
            domains = domains == null ? List.of() : List.copyOf(domains);
            removeDomains = removeDomains == null ? List.of() : List.copyOf(removeDomains);
            locations = locations == null ? List.of() : List.copyOf(locations);
            removeLocations = removeLocations == null ? List.of() : List.copyOf(removeLocations);
            contacts = contacts == null ? List.of() : List.copyOf(contacts);
        }

        boolean isEmpty() {
            return name == null && domains.isEmpty() && removeDomains.isEmpty() && locations.isEmpty()
                    && removeLocations.isEmpty() && contacts.isEmpty();
        }
    }

    /** The organization, and how many contacts joined it because they wrote from a domain it claimed. */
    public record Saved(Organization organization, int adopted) {}

    public Saved add(String name, Changes changes) {
        String wanted = name(name);
        return database.write(tx -> {
            OrganizationMapper mapper = tx.mapper(OrganizationMapper.class);
            OrganizationMapper.Row existing = mapper.byNameKey(Lookup.Keys.name(wanted));
            if (existing != null) {
                throw new InvalidInputException("organization #" + existing.id() + " is called " + existing.name()
                        + " already (change it with: tenantdesk org update)");
            }
            long id = mapper.insert(wanted, Lookup.Keys.name(wanted), clock.instant());
            int adopted = apply(tx, id, changes);
            return new Saved(load(tx, id), adopted);
        });
    }

    public Saved update(String org, Changes changes) {
        if (changes.isEmpty()) {
            throw new InvalidInputException("nothing to change: give --name, --domain, --remove-domain, --location,"
                    + " --remove-location or --contact");
        }
        return database.write(tx -> {
            OrganizationMapper mapper = tx.mapper(OrganizationMapper.class);
            OrganizationMapper.Row row = new Organizations(tx).find(org);
            if (changes.name() != null) {
                String wanted = name(changes.name());
                OrganizationMapper.Row other = mapper.byNameKey(Lookup.Keys.name(wanted));
                if (other != null && other.id() != row.id()) {
                    throw new InvalidInputException("organization #" + other.id() + " is called " + other.name());
                }
                mapper.rename(row.id(), wanted, Lookup.Keys.name(wanted));
            }
            int adopted = apply(tx, row.id(), changes);
            return new Saved(load(tx, row.id()), adopted);
        });
    }

    public List<Organization> list() {
        return database.read(tx -> {
            OrganizationMapper mapper = tx.mapper(OrganizationMapper.class);
            Map<Long, List<String>> domains = mapper.domains().stream().collect(Collectors.groupingBy(
                    OrganizationMapper.Domain::organizationId,
                    Collectors.mapping(OrganizationMapper.Domain::domain, Collectors.toList())));
            Map<Long, List<LocationRef>> premises = mapper.premises().stream().collect(Collectors.groupingBy(
                    OrganizationMapper.Premises::organizationId,
                    Collectors.mapping(p -> new LocationRef(p.locationId(), p.path()), Collectors.toList())));
            List<Organization> all = new ArrayList<>();
            for (OrganizationMapper.Row row : mapper.all()) {
                all.add(new Organization(row.id(), row.name(), domains.getOrDefault(row.id(), List.of()),
                        premises.getOrDefault(row.id(), List.of()), contacts(mapper, row.id()),
                        mapper.openInquiries(row.id()), row.createdAt()));
            }
            return all;
        });
    }

    public Organization show(String org) {
        return database.read(tx -> {
            try {
                return load(tx, new Organizations(tx).find(org).id());
            } catch (InvalidInputException e) {
                throw new NotFoundException(e.getMessage());
            }
        });
    }

    private int apply(Tx tx, long id, Changes changes) {
        OrganizationMapper mapper = tx.mapper(OrganizationMapper.class);
        Lookup lookup = new Lookup(tx);
        int adopted = 0;
        for (String text : changes.domains()) {
            String domain = domain(text);
            OrganizationMapper.Domain claimed = mapper.domain(domain);
            if (claimed != null && claimed.organizationId() != id) {
                throw new InvalidInputException("domain " + domain + " belongs to organization "
                        + mapper.byId(claimed.organizationId()).name() + " already; a domain belongs to one at most");
            }
            if (claimed == null) {
                mapper.addDomain(domain, id);
                adopted += mapper.adoptContacts(id, "%@" + domain, "%." + domain);
            }
        }
        for (String text : changes.removeDomains()) {
            if (mapper.removeDomain(domain(text), id) == 0) {
                throw new InvalidInputException("organization " + mapper.byId(id).name() + " has no domain "
                        + text.strip());
            }
        }
        List<Long> held = mapper.premisesOf(id).stream().map(OrganizationMapper.Premises::locationId).toList();
        for (String path : changes.locations()) {
            LocationRow location = lookup.location(path);
            if (!held.contains(location.id())) {
                mapper.addPremises(id, location.id());
            }
        }
        for (String path : changes.removeLocations()) {
            if (mapper.removePremises(id, lookup.location(path).id()) == 0) {
                throw new InvalidInputException("organization " + mapper.byId(id).name() + " does not rent "
                        + lookup.location(path).path());
            }
        }
        for (String who : changes.contacts()) {
            ContactRow contact = lookup.contact(who);
            tx.mapper(no.tenantdesk.store.ContactMapper.class).setOrganization(contact.id(), id);
        }
        return adopted;
    }

    /** A domain as an organization claims it: lower case, no "@", the shape of a host name, never free mail. */
    String domain(String text) {
        String domain = text.strip().toLowerCase(Locale.ROOT);
        domain = domain.startsWith("@") ? domain.substring(1) : domain;
        if (!domain.matches("[\\p{L}\\p{N}](?:[\\p{L}\\p{N}-]{0,62}\\.){0,10}[\\p{L}\\p{N}-]{1,63}")
                || !domain.contains(".") || domain.length() > 253) {
            throw new InvalidInputException("'" + text + "' is not a mail domain (like acme.no)");
        }
        if (freeMail.isFree(domain)) {
            throw new InvalidInputException(domain + " is a free-mail domain: anyone can have an address there, so"
                    + " it is no organization's (add the people as contacts with --org instead)");
        }
        return domain;
    }

    private static String name(String name) {
        String wanted = name == null ? "" : name.strip().replaceAll("\\s+", " ");
        if (wanted.isEmpty()) {
            throw new InvalidInputException("an organization needs a name");
        }
        if (wanted.matches("#?\\d+")) {
            throw new InvalidInputException("an organization's name cannot be a number: '" + wanted
                    + "' would be read as an id");
        }
        return wanted;
    }

    private static Organization load(Tx tx, long id) {
        OrganizationMapper mapper = tx.mapper(OrganizationMapper.class);
        OrganizationMapper.Row row = mapper.byId(id);
        return new Organization(row.id(), row.name(), mapper.domainsOf(id),
                mapper.premisesOf(id).stream().map(p -> new LocationRef(p.locationId(), p.path())).toList(),
                contacts(mapper, id), mapper.openInquiries(id), row.createdAt());
    }

    private static List<ContactRef> contacts(OrganizationMapper mapper, long id) {
        return mapper.contacts(id).stream().map(ContactRow::toRef).toList();
    }
}
