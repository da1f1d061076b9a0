package no.tenantdesk.triage;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import no.tenantdesk.domain.LocationFrom;
import no.tenantdesk.domain.OrganizationRef;
import no.tenantdesk.domain.Priority;
import no.tenantdesk.mail.in.InboundMail;

/**
 * Where a new inquiry from mail lands, at what priority and with whom: the sender's organization (theirs as a
 * contact, else the one that owns their mail domain), the config's rules, and the place, from the first of: a rule,
 * the text (subject, then the sender's own words), the requester's own location, the organization's only premises.
 * Pure: everything it knows is handed to it once per run ({@link #Triage}), and it decides from a mail and its sender.
 */
public final class Triage {

    /** The organizations: who owns a domain, what each is called and rents. */
    public record Directory(Map<Long, OrganizationRef> byId, Map<String, OrganizationRef> byDomain,
            Map<Long, List<Long>> premises) {

        public static final Directory EMPTY = new Directory(Map.of(), Map.of(), Map.of());

        public Directory {
            byId = Map.copyOf(byId);
            byDomain = Map.copyOf(byDomain);
            premises = Map.copyOf(premises);
        }

        /** The organization of a lower-case domain or of the nearest domain above it that one claims. */
        public OrganizationRef owner(String domain) {
            for (String at = domain; at != null; ) {
                OrganizationRef owner = byDomain.get(at);
                if (owner != null) {
                    return owner;
                }
                int dot = at.indexOf('.');
                at = dot < 0 || at.indexOf('.', dot + 1) < 0 ? null : at.substring(dot + 1);
            }
            return null;
        }
    }

    /** The sender, when they are a contact already. */
    public record Sender(long id, String name, Long locationId, Long organizationId) {}

    /** The place decided, where it came from and what named it. */
    public record Location(long id, String path, LocationFrom from, String matched) {}

    /**
     * @param organization  the sender's organization; null when none
     * @param newContactOf  for an unknown sender, the organization that owns their domain (the new contact's)
     */
    public record Decision(OrganizationRef organization, OrganizationRef newContactOf, Rules.Outcome rules,
            Location location) {

        public static final Decision NONE = new Decision(null, null, Rules.Outcome.NONE, null);

        public Priority priority() {
            return rules.priority() == null ? Priority.NORMAL : rules.priority();
        }
    }

    private final Rules rules;
    private final PlaceMatcher places;
    private final Directory directory;
    private final FreeMail freeMail;
    /** Place paths by id, for the organization's and the requester's place. */
    private final Map<Long, String> paths;

    public Triage(Rules rules, PlaceMatcher places, Map<Long, String> paths, Directory directory, FreeMail freeMail) {
        this.rules = rules;
        this.places = places;
        this.paths = Map.copyOf(paths);
        this.directory = directory;
        this.freeMail = freeMail;
    }

    /** Nothing known: no rules, no places, no organizations. */
    public static Triage none() {
        return new Triage(new Rules(List.of()), new PlaceMatcher(List.of()), Map.of(), Directory.EMPTY,
                new FreeMail(List.of()));
    }

    public FreeMail freeMail() {
        return freeMail;
    }

    /** The lower-case domain of an address; "" when it has none. */
    public static String domain(String address) {
        int at = address.lastIndexOf('@');
        return at < 0 ? "" : address.substring(at + 1).strip().toLowerCase(Locale.ROOT);
    }

    /**
     * What triage reads of a mail before it knows the sender as the database does: the sender's own words, which
     * rules' conditions on the mail hold, the places it names. The costly part, and a pure one: fetch-mail has it
     * done by the threads that parse, so that the one thread that files does not read every text again.
     *
     * @param matchingMail null when there are no rules
     * @param mentions     null when there are no places
     */
    public record Reading(String domain, String ownText, BitSet matchingMail, PlaceMatcher.Mentions mentions) {}

    public Reading read(InboundMail mail) {
        String domain = domain(mail.from().email());
        String ownText = OwnText.of(mail.text());
        BitSet matching = null;
        if (!rules.isEmpty()) {
            List<String> recipients = new ArrayList<>();
            mail.to().forEach(a -> recipients.add(a.email()));
            mail.cc().forEach(a -> recipients.add(a.email()));
            matching = rules.matchingMail(new Rules.Facts(mail.from().email(), domain, recipients, mail.subject(),
                    ownText, null));
        }
        PlaceMatcher.Mentions mentions = places.isEmpty() ? null
                : places.mentions(cut(mail.subject(), Rules.SUBJECT), ownText);
        return new Reading(domain, ownText, matching, mentions);
    }

    /** @param reading {@link #read} of the mail, by this triage */
    public Decision decide(Reading reading, Sender sender) {
        String domain = reading.domain();
        OrganizationRef owner = domain.isEmpty() || freeMail.isFree(domain) ? null : directory.owner(domain);
        OrganizationRef organization = sender != null && sender.organizationId() != null
                ? directory.byId().get(sender.organizationId()) : owner;
        Rules.Outcome outcome = reading.matchingMail() == null ? Rules.Outcome.NONE
                : rules.apply(reading.matchingMail(), organization == null ? null : organization.id());
        Location location = outcome.skipBy() != null ? null : location(reading.mentions(), outcome, sender,
                organization);
        return new Decision(organization, sender == null ? owner : null, outcome, location);
    }

    private Location location(PlaceMatcher.Mentions mentions, Rules.Outcome outcome, Sender sender,
            OrganizationRef organization) {
        if (outcome.location() != null) {
            return new Location(outcome.location().id(), outcome.location().path(), LocationFrom.RULE,
                    outcome.locationBy());
        }
        List<Long> premises = organization == null ? List.of()
                : directory.premises().getOrDefault(organization.id(), List.of());
        if (mentions != null) {
            PlaceMatcher.Found found = places.find(mentions, premises);
            if (found != null) {
                return new Location(found.id(), found.path(), LocationFrom.TEXT, found.matched());
            }
        }
        if (sender != null && sender.locationId() != null && paths.containsKey(sender.locationId())) {
            return new Location(sender.locationId(), paths.get(sender.locationId()), LocationFrom.REQUESTER,
                    sender.name());
        }
        if (premises.size() == 1 && paths.containsKey(premises.get(0))) {
            return new Location(premises.get(0), paths.get(premises.get(0)), LocationFrom.ORGANIZATION,
                    organization.name());
        }
        return null;
    }

    private static String cut(String text, int most) {
        return text.length() > most ? text.substring(0, most) : text;
    }
}
