package no.tenantdesk.triage;

import com.google.re2j.Pattern;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntPredicate;
import java.util.stream.Stream;
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

        boolean matchesOrganization(Long organizationId) {
            return organizations.isEmpty() || (organizationId != null && organizations.contains(organizationId));
        }
    }

    /** What the rules look at, each bounded in length. */
    public record Facts(String from, String domain, List<String> to, String subject, String body,
            Long organizationId) {

        /** The texts composed, as the rules' patterns are: "våt" in a rule matches a decomposed "våt" in a mail. */
        public Facts {
            subject = Words.composed(subject.length() > SUBJECT ? subject.substring(0, SUBJECT) : subject);
            body = Words.composed(body.length() > BODY ? body.substring(0, BODY) : body);
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
    /**
     * Of each pattern, the words of its alternatives ({@link Literals#alternatives}), by their numbers in
     * {@link #words}: a value that has none of them all is passed over without running the pattern. RE2J has no
     * literal search of its own for a case-insensitive pattern, and its automaton costs more to set up than a short
     * value takes to search.
     */
    private final Map<Pattern, int[][]> needs = new HashMap<>();
    /** Every pattern's words, found in a value in one pass. */
    private final LiteralSearch words;

    public Rules(List<Rule> rules) {
        this.rules = List.copyOf(rules);
        Map<String, Integer> numbers = new LinkedHashMap<>();
        for (Rule rule : this.rules) {
            Stream.of(rule.from(), rule.domain(), rule.to(), rule.subject(), rule.body())
                    .flatMap(List::stream)
                    .forEach(pattern -> needs.put(pattern, Literals.alternatives(pattern.pattern()).stream()
                            .map(words -> words.stream()
                                    .mapToInt(word -> numbers.computeIfAbsent(word, w -> numbers.size()))
                                    .toArray())
                            .toArray(int[][]::new)));
        }
        this.words = new LiteralSearch(List.copyOf(numbers.keySet()));
    }

    public boolean isEmpty() {
        return rules.isEmpty();
    }

    public Outcome apply(Facts facts) {
        return apply(matchingMail(facts), facts.organizationId());
    }

    /**
     * Which rules' conditions on the mail itself hold: all but the organization's, which the database decides. The
     * costly part (patterns over the text), done for fetch-mail on the threads that parse while one files.
     */
    public BitSet matchingMail(Facts facts) {
        Found subject = new Found(facts.subject());
        Found body = new Found(facts.body());
        Found from = new Found(facts.from());
        Found domain = new Found(facts.domain());
        List<Found> to = facts.to().stream().map(Found::new).toList();
        BitSet holds = new BitSet(rules.size());
        for (int i = 0; i < rules.size(); i++) {
            Rule rule = rules.get(i);
            holds.set(i, (rule.from().isEmpty() || whole(rule.from(), from))
                    && (rule.domain().isEmpty() || whole(rule.domain(), domain))
                    && (rule.to().isEmpty() || to.stream().anyMatch(value -> whole(rule.to(), value)))
                    && (rule.subject().isEmpty() || within(rule.subject(), subject))
                    && (rule.body().isEmpty() || within(rule.body(), body)));
        }
        return holds;
    }

    /** A value of the mail, and which of the patterns' words it has: searched for once, when a pattern first asks. */
    private final class Found {

        final String value;
        private BitSet words;

        Found(String value) {
            this.value = value;
        }

        /** Whether the value has the words the pattern needs; a missing value is left to the pattern. */
        boolean mayMatch(Pattern pattern) {
            int[][] alternatives = needs.get(pattern);
            if (value == null || alternatives.length == 0) {
                return true;
            }
            if (words == null) {
                words = Rules.this.words.find(value);
            }
            for (int[] all : alternatives) {
                if (hasAll(all)) {
                    return true;
                }
            }
            return false;
        }

        private boolean hasAll(int[] needed) {
            for (int word : needed) {
                if (!words.get(word)) {
                    return false;
                }
            }
            return true;
        }
    }

    /** Any of the patterns matches the whole value. */
    private static boolean whole(List<Pattern> patterns, Found value) {
        for (Pattern pattern : patterns) {
            if (value.mayMatch(pattern) && pattern.matches(value.value)) {
                return true;
            }
        }
        return false;
    }

    /** Any of the patterns found in the text. */
    private static boolean within(List<Pattern> patterns, Found text) {
        for (Pattern pattern : patterns) {
            if (text.mayMatch(pattern) && pattern.matcher(text.value).find()) {
                return true;
            }
        }
        return false;
    }

    /** The same as {@link #apply(Facts)}, from {@link #matchingMail} and the sender's organization. */
    public Outcome apply(BitSet matchingMail, Long organizationId) {
        return apply(rule -> matchingMail.get(rule) && rules.get(rule).matchesOrganization(organizationId));
    }

    private Outcome apply(IntPredicate matches) {
        List<String> matched = new ArrayList<>();
        Priority priority = null;
        String priorityBy = null;
        Person assignee = null;
        String assigneeBy = null;
        Place location = null;
        String locationBy = null;
        boolean thread = false;
        List<TaskPlan> tasks = new ArrayList<>();
        for (int i = 0; i < rules.size(); i++) {
            Rule rule = rules.get(i);
            if (!matches.test(i)) {
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
