package no.tenantdesk.service;

import com.google.re2j.Pattern;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import no.tenantdesk.triage.RuleConfig;
import no.tenantdesk.domain.InvalidInputException;
import no.tenantdesk.domain.OrganizationRef;
import no.tenantdesk.store.ContactRow;
import no.tenantdesk.store.LocationMapper;
import no.tenantdesk.store.LocationRow;
import no.tenantdesk.store.OrganizationMapper;
import no.tenantdesk.store.Tx;
import no.tenantdesk.triage.FreeMail;
import no.tenantdesk.triage.PlaceMatcher;
import no.tenantdesk.triage.Rules;
import no.tenantdesk.triage.Triage;

/**
 * Reads what triage needs from the database once per run (every place with its aliases, every organization's domains
 * and premises) and makes the config's rules ready: each person and place a rule names looked up now, so that a rule
 * naming an unknown one stops the run before any mail is read, in one line that names the rule.
 */
final class TriageLoader {

    private TriageLoader() {}

    static Triage load(Tx tx, MailSettings.Triaging settings) {
        LocationMapper locations = tx.mapper(LocationMapper.class);
        Map<Long, List<String>> aliases = locations.aliases().stream().collect(Collectors.groupingBy(
                LocationMapper.Alias::locationId,
                Collectors.mapping(LocationMapper.Alias::alias, Collectors.toList())));
        List<PlaceMatcher.Place> places = new ArrayList<>();
        Map<Long, String> paths = new HashMap<>();
        for (LocationMapper.PathRow row : locations.paths()) {
            places.add(new PlaceMatcher.Place(row.id(), row.parentId(), row.path(),
                    aliases.getOrDefault(row.id(), List.of())));
            paths.put(row.id(), row.path());
        }
        OrganizationMapper organizations = tx.mapper(OrganizationMapper.class);
        Map<Long, OrganizationRef> byId = organizations.all().stream()
                .collect(Collectors.toMap(OrganizationMapper.Row::id, r -> new OrganizationRef(r.id(), r.name())));
        Map<String, OrganizationRef> byDomain = new HashMap<>();
        organizations.domains().forEach(d -> byDomain.put(d.domain(), byId.get(d.organizationId())));
        Map<Long, List<Long>> premises = organizations.premises().stream().collect(Collectors.groupingBy(
                OrganizationMapper.Premises::organizationId,
                Collectors.mapping(OrganizationMapper.Premises::locationId, Collectors.toList())));
        return new Triage(rules(tx, settings.rules()), new PlaceMatcher(places), paths,
                new Triage.Directory(byId, byDomain, premises), new FreeMail(settings.freeMailDomains()));
    }

    private static Rules rules(Tx tx, List<RuleConfig> configs) {
        Lookup lookup = new Lookup(tx);
        Organizations organizations = new Organizations(tx);
        List<Rules.Rule> rules = new ArrayList<>();
        for (RuleConfig config : configs) {
            String rule = "rule '" + config.name() + "'";
            RuleConfig.When when = config.when();
            Map<String, List<Pattern>> patterns = new HashMap<>();
            when.each((field, pattern) -> patterns.computeIfAbsent(field, f -> new ArrayList<>())
                    .add(RuleConfig.compile(rule, field, pattern)));
            Set<Long> orgs = new HashSet<>();
            for (String org : when.organization()) {
                orgs.add(named(rule, "organization", () -> organizations.find(org).id()));
            }
            RuleConfig.Actions set = config.set();
            Rules.Person assignee = set == null || set.assignee() == null ? null
                    : person(rule, "assignee", () -> lookup.assignable(set.assignee()));
            Rules.Place location = set == null || set.location() == null ? null : named(rule, "location", () -> {
                LocationRow row = lookup.location(set.location());
                return new Rules.Place(row.id(), row.path());
            });
            Rules.TaskPlan task = config.task() == null ? null : new Rules.TaskPlan(config.name(),
                    config.task().title().strip(), config.task().assignee() == null ? null
                            : person(rule, "task assignee", () -> lookup.assignable(config.task().assignee())));
            rules.add(new Rules.Rule(config.name(), patterns.getOrDefault("from", List.of()),
                    patterns.getOrDefault("domain", List.of()), patterns.getOrDefault("to", List.of()),
                    patterns.getOrDefault("subject", List.of()), patterns.getOrDefault("body", List.of()), orgs,
                    set == null ? null : set.priorityValue(), assignee, location,
                    set != null && set.threadBySubject(), task, config.skip(), config.stop()));
        }
        return new Rules(rules);
    }

    private static Rules.Person person(String rule, String what, java.util.function.Supplier<ContactRow> find) {
        ContactRow row = named(rule, what, find);
        return new Rules.Person(row.id(), row.name());
    }

    /** What a rule names, found; not found, the error names the rule. */
    private static <T> T named(String rule, String what, java.util.function.Supplier<T> find) {
        try {
            return find.get();
        } catch (InvalidInputException e) {
            throw new InvalidInputException("config: " + rule + ": " + what + ": " + e.getMessage(), e);
        }
    }
}
