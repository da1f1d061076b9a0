package no.tenantdesk.triage;

import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import no.tenantdesk.domain.InvalidInputException;
import no.tenantdesk.domain.Priority;

/**
 * One rule of the config's {@code rules:}, as written: checked here for what needs no database (its name, its regular
 * expressions, its priority, actions that go together), so that a bad one fails when the config is read. The places
 * and people it names are checked against the database when a run that files mail starts (service/TriageLoader).
 *
 * <p>Conditions are regular expressions, case-insensitive, as RE2 reads them (com.google.re2j): matched in time linear
 * in the text whatever the pattern, so no subject a stranger sends can make one run for minutes (java.util.regex
 * backtracks: "(a+)+$" on thirty a's and a b takes it longer than a run has). RE2 has no back-references or
 * look-around; a pattern that uses them is refused with the reason. Each condition may be one pattern or a list of
 * them (any).
 *
 * @param when   all of its conditions must hold; {@code when: {}} matches every mail
 * @param set    fields the new inquiry gets
 * @param task   a task to create on it
 * @param skip   the mail is recorded and filed nowhere (reason "rule")
 * @param stop   when it matches, no later rule is checked
 */
public record RuleConfig(String name, When when, Actions set, TaskAction task, Boolean skip, Boolean stop) {

    public RuleConfig {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a rule has no name (each needs one: name: …)");
        }
        name = name.strip();
        String rule = "rule '" + name + "'";
        if (when == null) {
            throw new IllegalArgumentException(rule + " has no when (when: {} matches every mail)");
        }
        skip = skip != null && skip;
        stop = stop != null && stop;
        if (!skip && set == null && task == null) {
            throw new IllegalArgumentException(rule + " does nothing: give set, task or skip");
        }
        if (skip && (set != null || task != null)) {
            throw new IllegalArgumentException(rule + ": skip files the mail nowhere; it takes no set or task");
        }
        when.check(rule);
        if (set != null) {
            set.check(rule);
        }
        if (task != null && (task.title() == null || task.title().isBlank())) {
            throw new IllegalArgumentException(rule + ": task has no title");
        }
    }

    /**
     * What a mail must be for the rule to match. {@code from} is the sender's address, {@code domain} its domain,
     * {@code to} any of our addresses in To or Cc: each matched whole. {@code subject} and {@code body} are matched
     * anywhere in them. {@code organization} is the sender's organization by name.
     */
    public record When(List<String> from, List<String> domain, List<String> to, List<String> subject,
            List<String> body, List<String> organization) {

        public When {
            from = copy(from);
            domain = copy(domain);
            to = copy(to);
            subject = copy(subject);
            body = copy(body);
            organization = copy(organization);
        }

        private static List<String> copy(List<String> values) {
            return values == null ? List.of() : List.copyOf(values);
        }

        void check(String rule) {
            each((field, pattern) -> RuleConfig.compile(rule, field, pattern));
        }

        /** Every regular expression, with its condition's name. */
        public void each(BiConsumer<String, String> patterns) {
            from.forEach(p -> patterns.accept("from", p));
            domain.forEach(p -> patterns.accept("domain", p));
            to.forEach(p -> patterns.accept("to", p));
            subject.forEach(p -> patterns.accept("subject", p));
            body.forEach(p -> patterns.accept("body", p));
        }
    }

    /**
     * @param priority       low, normal, high, urgent (or lav, normal, høy, haster)
     * @param assignee       WHO: staff or a contractor
     * @param location       a path or the end of one
     * @param threadBySubject a mail with the same subject from the same sender as an open inquiry of theirs adds to it
     */
    public record Actions(String priority, String assignee, String location, Boolean threadBySubject) {

        public Actions {
            threadBySubject = threadBySubject != null && threadBySubject;
        }

        void check(String rule) {
            if (priority != null) {
                try {
                    Priority.parse(priority);
                } catch (InvalidInputException e) {
                    throw new IllegalArgumentException(rule + ": " + e.getMessage(), e);
                }
            }
            if (priority == null && assignee == null && location == null && !threadBySubject) {
                throw new IllegalArgumentException(rule + ": set is empty (priority, assignee, location or"
                        + " thread-by-subject)");
            }
        }

        public Priority priorityValue() {
            return priority == null ? null : Priority.parse(priority);
        }
    }

    /** @param assignee WHO; without one, the person responsible for the inquiry's place, as `task create` does */
    public record TaskAction(String title, String assignee) {}

    /**
     * The pattern as a rule matches it: case-insensitive (Unicode), the whole value or anywhere; composed, as the
     * subject and body it is matched against are ({@link Rules.Facts}), whichever way its editor wrote "æøå".
     */
    public static Pattern compile(String rule, String field, String given) {
        if (given == null || given.isEmpty()) {
            throw new IllegalArgumentException(rule + ": " + field + " is empty");
        }
        String pattern = Words.composed(given);
        boolean whole = !field.equals("subject") && !field.equals("body");
        try {
            return Pattern.compile(whole ? "(?:" + pattern + ")" : pattern, Pattern.CASE_INSENSITIVE);
        } catch (PatternSyntaxException e) {
            String reason = e.getDescription() == null ? e.getMessage() : e.getDescription();
            throw new IllegalArgumentException(rule + ": " + field + " '" + pattern + "' is not a regular expression"
                    + " RE2 reads (" + reason + "; no back-references or look-around)", e);
        }
    }

    /** Rule names, each once. */
    public static List<RuleConfig> checked(List<RuleConfig> rules) {
        List<String> names = new ArrayList<>();
        for (RuleConfig rule : rules) {
            if (rule == null) {
                throw new IllegalArgumentException("rules: an empty rule");
            }
            if (names.contains(rule.name().toLowerCase(java.util.Locale.ROOT))) {
                throw new IllegalArgumentException("two rules are named '" + rule.name() + "'");
            }
            names.add(rule.name().toLowerCase(java.util.Locale.ROOT));
        }
        return List.copyOf(rules);
    }
}
