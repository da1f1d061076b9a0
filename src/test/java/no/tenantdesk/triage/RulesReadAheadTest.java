package no.tenantdesk.triage;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.re2j.Pattern;
import java.text.Normalizer;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import no.tenantdesk.domain.Priority;
import org.junit.jupiter.api.Test;

/** The rules read ahead on a parsing thread decide what the rules read whole decide, for every organization. */
class RulesReadAheadTest {

    private static final long HOUSE = 7;

    private static Rules.Rule rule(String name, String subject, String body, Set<Long> organizations,
            Priority priority, boolean stop) {
        return new Rules.Rule(name, List.of(), List.of(), List.of(), patterns(subject), patterns(body), organizations,
                priority, null, null, false, null, false, stop);
    }

    private static List<Pattern> patterns(String... patterns) {
        return Arrays.stream(patterns).filter(p -> p != null).map(p -> RuleConfig.compile("r", "subject", p))
                .toList();
    }

    private final Rules rules = new Rules(List.of(
            rule("husets lekkasjer", "lekkasje", null, Set.of(HOUSE), Priority.URGENT, true),
            rule("vannskade", null, "\\bvannskade\\w*", Set.of(), Priority.HIGH, false),
            rule("alt fra huset", null, null, Set.of(HOUSE), Priority.LOW, false),
            rule("støy", "støy", null, Set.of(), Priority.NORMAL, false)));

    @Test
    void theOutcomeFromTheMailsConditionsReadAheadAndTheOrganizationIsTheOutcomeOfTheWholeRules() {
        List<String> subjects = List.of("Lekkasje i 3. etasje", "Støy fra vifta", "Lekkasje og støy", "Hei");
        List<String> bodies = List.of("Vannskaden er stor.", "Alt i orden.", "");
        for (String subject : subjects) {
            for (String body : bodies) {
                for (Long organization : Arrays.asList(null, HOUSE, 8L)) {
                    Rules.Facts facts = new Rules.Facts("kari@leietaker.example", "leietaker.example", List.of(),
                            subject, body, organization);
                    Rules.Facts mailOnly = new Rules.Facts("kari@leietaker.example", "leietaker.example", List.of(),
                            subject, body, null);

                    assertThat(rules.apply(rules.matchingMail(mailOnly), organization))
                            .as("%s / %s / %s", subject, body, organization).isEqualTo(rules.apply(facts));
                }
            }
        }
        Rules.Facts leak = new Rules.Facts("kari@leietaker.example", "leietaker.example", List.of(),
                "Lekkasje og støy", "Vannskaden er stor.", HOUSE);
        assertThat(rules.apply(leak).matched()).containsExactly("husets lekkasjer"); // stop: nothing after it
        assertThat(rules.apply(rules.matchingMail(leak), 8L).matched()).containsExactly("vannskade", "støy");
    }

    /** A macOS mail program may send "støy" decomposed; a rule's editor may have typed it so: each matches the other. */
    @Test
    void aRuleMatchesTheSameWordsComposedOrDecomposed() {
        String decomposedWet = Normalizer.normalize("våt", Normalizer.Form.NFD);
        Rules wet = new Rules(List.of(rule("fukt", null, "\\bfukt|" + decomposedWet, Set.of(), Priority.HIGH,
                false)));
        for (String subject : List.of("Støy", Normalizer.normalize("STØY i bygg A", Normalizer.Form.NFD))) {
            for (String body : List.of("Gulvet er vått.", Normalizer.normalize("Gulvet er VÅTT.", Normalizer.Form.NFD))) {
                Rules.Facts facts = new Rules.Facts("kari@leietaker.example", "leietaker.example", List.of(), subject,
                        body, null);

                assertThat(rules.apply(facts).matched()).as(subject).contains("støy");
                assertThat(wet.apply(facts).matched()).as(body).containsExactly("fukt");
            }
        }
    }
}
