package no.tenantdesk.triage;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.re2j.Pattern;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class LiteralsTest {

    @Test
    void theWordsOutsideGroupsClassesAndRepetitionsAreRequiredFolded() {
        assertThat(Literals.required("\\bvannskade\\w*")).containsExactly("vannskade");
        assertThat(Literals.required("Lekkasje i (bygg|hus) A")).containsExactly("lekkasje i ");
        assertThat(Literals.required("heis(en)? står")).containsExactly("heis", " står");
        assertThat(Literals.required("alarm7@.*\\.example")).containsExactly("alarm7@", ".example");
        assertThat(Literals.required("Støyy+ fra [a-z]+ vifte")).containsExactly("støy", " fra ", " vifte");
        assertThat(Literals.required("(?i)STRØM{1,2}BRUDD")).containsExactly("strø", "brudd");
        assertThat(Literals.required("ſkade")).containsExactly("skade");
    }

    @Test
    void aPatternWithAnAlternativeOrAnEscapeNotReadHereNeedsNoWords() {
        assertThat(Literals.required("lekkasje|lås")).isEmpty();
        assertThat(Literals.required("\\x41bcdef")).isEmpty();
        assertThat(Literals.required("\\p{L}vann")).isEmpty();
        assertThat(Literals.required("[[:alpha:]]vannskade")).isEmpty();
        assertThat(Literals.required("ab")).isEmpty();
    }

    @Test
    void eachTopLevelAlternativeNeedsItsOwnWordsAndOneThatNeedsNoneNeedsNoTest() {
        assertThat(Literals.alternatives("lekkasje|vannskade")).containsExactly(List.of("lekkasje"),
                List.of("vannskade"));
        assertThat(Literals.alternatives("(?:alarm7@.*\\.example)")).containsExactly(List.of("alarm7@", ".example"));
        assertThat(Literals.alternatives("(?:leietaker1\\.example|hus\\|bygg)"))
                .containsExactly(List.of("leietaker1.example"), List.of("hus|bygg"));
        assertThat(Literals.alternatives("[|]heis|strøm")).containsExactly(List.of("heis"), List.of("strøm"));
        assertThat(Literals.alternatives("(?:heis|vann)skade")).containsExactly(List.of("skade"));
        assertThat(Literals.alternatives("(?:heis)|(?:vann)")).isEmpty();
        assertThat(Literals.alternatives("lekkasje|ab")).isEmpty();
        assertThat(Literals.alternatives("(lekkasje|vann")).isEmpty();
    }

    @Test
    void theMembersOfACaseFoldingOrbitFoldToOneCharacter() {
        // k, K and the Kelvin sign; s, S and long s; å, Å and the Ångström sign; ß and capital ẞ; σ, Σ and final ς
        assertThat(Literals.fold("kK\u212A sSſ åÅ\u212B ßẞ σΣς")).isEqualTo("kkk sss ååå ßß σσσ");
        assertThat(Literals.fold("Bygg A, 3. ETASJE")).isEqualTo("bygg a, 3. etasje");
        assertThat(Literals.fold("plain ascii, nothing to fold")).isEqualTo("plain ascii, nothing to fold");
    }

    /** Whatever the text, a pattern that finds a match finds its words in the folded text: the test never lies. */
    @Test
    void aTextThePatternMatchesHasEveryWordThePatternNeeds() {
        List<String> sources = List.of("\\bvannskade\\w*", "heis(en)? står", "Støyy+ fra [a-z]+ vifte",
                "STRØM{1,2}BRUDD", "kontor \\d+", "bygg a\\.", "lås.*dør", "vannskade|heis står",
                "(?:kontor \\d+|strøm+brudd)", "(?:lås)|(?:vifte)");
        String[] pieces = {"vannskade", "VANNSKADEN", "vannſkade", "heis står", "HEISEN STÅR", "støyyy fra store vifte",
                "strømbrudd", "STRØMMBRUDD", "kontor 204", "Bygg A.", "lås på døra", " ", "x", "\u212Aontor 12", "å"};
        List<Pattern> patterns = sources.stream().map(p -> Pattern.compile(p, Pattern.CASE_INSENSITIVE)).toList();
        Random random = new Random(20261206);
        for (int i = 0; i < 20_000; i++) {
            StringBuilder text = new StringBuilder();
            for (int n = random.nextInt(6); n >= 0; n--) {
                text.append(pieces[random.nextInt(pieces.length)]);
            }
            String folded = Literals.fold(text.toString());
            for (Pattern pattern : patterns) {
                if (pattern.matcher(text).find()) {
                    assertThat(Literals.required(pattern.pattern())).as("%s in %s", pattern, text)
                            .allMatch(folded::contains);
                    assertThat(mayMatch(Literals.alternatives(pattern.pattern()), folded))
                            .as("%s in %s", pattern, text).isTrue();
                }
            }
        }
    }

    /** Whether the folded text has all the words of one of the alternatives, or there are none: what a rule asks. */
    private static boolean mayMatch(List<List<String>> alternatives, String folded) {
        return alternatives.isEmpty()
                || alternatives.stream().anyMatch(words -> words.stream().allMatch(folded::contains));
    }
}
