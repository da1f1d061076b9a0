package no.tenantdesk.triage;

import com.google.re2j.Pattern;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import no.tenantdesk.domain.Priority;

/**
 * The config's rules, compiled, with the people and places they name looked up: a pure function of a mail's facts.
 * Rules are checked in order and every one that matches applies, until one with {@code stop: true} matches; of two
 * that set the same field, the first decides it (an earlier, narrower rule is not undone by a later, broader one).
 * A matching {@code skip} rule files the mail nowhere, and nothing else applies.
 */
public final class Rules {

    /** The longest subject a condition reads: a stranger's subject can be megabytes. */
    static final int SUBJECT = 2_000;
    /** The most of the text a condition reads (the sender's own words, without quotes and signature). */
    static final int BODY = 64 * 1024;
    /** The most recipients a {@code to} condition looks at. */
    static final int RECIPIENTS = 100;

    /** Someone a rule names, found. */
    public record Person(long id, String name) {}

    /** A place a rule names, found. */
    public record Place(long id, String path) {}

    /** A task a rule makes; a null assignee is the place's responsible person. */
    public record TaskPlan(String rule, String title, Person assignee) {}

    /**
     * One rule, ready: its conditions (each list any of its patterns; all lists must hold, an empty one holds) and
     * its actions.
     */
    public record Rule(String name, List<Pattern> from, List<Pattern> domain, List<Pattern> to,
            List<Pattern> subject, List<Pattern> body, Set<Long> organizations, Priority priority, Person assignee,
            Place location, boolean threadBySubject, TaskPlan task, boolean skip, boolean stop) {

        public Rule {
            from = List.copyOf(from);
            domain = List.copyOf(domain);
            to = List.copyOf(to);
            subject = List.copyOf(subject);
            body = List.copyOf(body);
            organizations = Set.copyOf(organizations);
        }

        boolean matches(Facts facts) {
            return (from.isEmpty() || any(from, facts.from(), true))
                    && (domain.isEmpty() || any(domain, facts.domain(), true))
                    && (to.isEmpty() || facts.to().stream().anyMatch(address -> any(to, address, true)))
                    && (subject.isEmpty() || any(subject, facts.subject(), false))
                    && (body.isEmpty() || any(body, facts.body(), false))
                    && (organizations.isEmpty() || (facts.organizationId() != null
                            && organizations.contains(facts.organizationId())));
        }

        private static boolean any(List<Pattern> patterns, String value, boolean whole) {
            for (Pattern pattern : patterns) {
                if (whole ? pattern.matches(value) : pattern.matcher(value).find()) {
                    return true;
                }
            }
            return false;
        }
    }

    /** What the rules look at, each bounded in length. */
    public record Facts(String from, String domain, List<String> to, String subject, String body,
            Long organizationId) {

        public Facts {
            subject = subject.length() > SUBJECT ? subject.substring(0, SUBJECT) : subject;
            body = body.length() > BODY ? body.substring(0, BODY) : body;
            to = to.size() > RECIPIENTS ? List.copyOf(to.subList(0, RECIPIENTS)) : List.copyOf(to);
        }
    }

    /**
     * What the matching rules set, and which rule set each (for fetch-mail --json, rules test and the record).
     *
     * @param matched  the names of the rules that matched, in order
     * @param skipBy   the rule that skips the mail; null when none does
     */
    public record Outcome(List<String> matched, String skipBy, Priority priority, String priorityBy, Person assignee,
            String assigneeBy, Place location, String locationBy, boolean threadBySubject, List<TaskPlan> tasks) {

        public static final Outcome NONE = new Outcome(List.of(), null, null, null, null, null, null, null, false,
                List.of());
    }

    private final List<Rule> rules;

    public Rules(List<Rule> rules) {
        this.rules = List.copyOf(rules);
    }

    public boolean isEmpty() {
        return rules.isEmpty();
    }

    public Outcome apply(Facts facts) {
        List<String> matched = new ArrayList<>();
        Priority priority = null;
        String priorityBy = null;
        Person assignee = null;
        String assigneeBy = null;
        Place location = null;
        String locationBy = null;
        boolean thread = false;
        List<TaskPlan> tasks = new ArrayList<>();
        for (Rule rule : rules) {
            if (!rule.matches(facts)) {
                continue;
            }
            matched.add(rule.name());
            if (rule.skip()) {
                return new Outcome(matched, rule.name(), null, null, null, null, null, null, false, List.of());
            }
            if (priority == null && rule.priority() != null) {
                priority = rule.priority();
                priorityBy = rule.name();
            }
            if (assignee == null && rule.assignee() != null) {
                assignee = rule.assignee();
                assigneeBy = rule.name();
            }
            if (location == null && rule.location() != null) {
                location = rule.location();
                locationBy = rule.name();
            }
            thread |= rule.threadBySubject();
            if (rule.task() != null) {
                tasks.add(rule.task());
            }
            if (rule.stop()) {
                break;
            }
        }
        return matched.isEmpty() ? Outcome.NONE : new Outcome(matched, null, priority, priorityBy, assignee,
                assigneeBy, location, locationBy, thread, tasks);
    }
}
