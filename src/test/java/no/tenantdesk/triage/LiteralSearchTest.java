package no.tenantdesk.triage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.BitSet;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class LiteralSearchTest {

    @Test
    void findsEachWordThatIsInTheTextWhereverItStartsAndHoweverTheWordsOverlap() {
        LiteralSearch search = new LiteralSearch(List.of("he", "she", "his", "hers", "lekkasje", "kasje", ".example"));
        assertThat(search.find("USHERS")).isEqualTo(bits(0, 1, 3));
        assertThat(search.find("Vannlekkasje i kjelleren")).isEqualTo(bits(4, 5));
        assertThat(search.find("alarm7@brann.EXAMPLE")).isEqualTo(bits(6));
        assertThat(search.find("")).isEqualTo(bits());
        assertThat(new LiteralSearch(List.of()).find("anything")).isEqualTo(bits());
    }

    @Test
    void foldsTheTextAsTheWordsAreFolded() {
        LiteralSearch search = new LiteralSearch(List.of("skade", "kontor", "åpen", "\uD801\uDC28x"));
        assertThat(search.find("VANNſKADE")).isEqualTo(bits(0));
        assertThat(search.find("\u212Aontor 12, \u212BPEN")).isEqualTo(bits(1, 2));
        assertThat(search.find("\uD801\uDC00X")).isEqualTo(bits(3)); // Deseret: a capital outside the BMP
    }

    /** Whatever the text: a word is found exactly when the folded text contains it, as the rules tested before. */
    @Test
    void findsWhatContainsOnTheFoldedTextFinds() {
        List<String> words = List.of("lekkasje", "kasje", "vann", "annskade", "heis", "eis s", "støy", "strøm",
                "skade", "kontor ", "σσ", "ß", "aaa", "aab", "\uD801\uDC28");
        LiteralSearch search = new LiteralSearch(words);
        String[] pieces = {"vannskade", "VANNſKADE", "lekkasje", "LEKKASJ", "heis står", "HEIS", "Støy", "STRØM",
            "\u212Aontor ", "ΣΣς", "ẞ", "aa", "a", "b", " ", "\uD801\uDC00", "x", "kasje"};
        Random random = new Random(20261207);
        for (int i = 0; i < 20_000; i++) {
            StringBuilder text = new StringBuilder();
            for (int n = random.nextInt(8); n >= 0; n--) {
                text.append(pieces[random.nextInt(pieces.length)]);
            }
            String folded = Literals.fold(text.toString());
            BitSet found = search.find(text.toString());
            for (int w = 0; w < words.size(); w++) {
                assertThat(found.get(w)).as("%s in %s", words.get(w), text).isEqualTo(folded.contains(words.get(w)));
            }
        }
    }

    private static BitSet bits(int... set) {
        BitSet bits = new BitSet();
        for (int bit : set) {
            bits.set(bit);
        }
        return bits;
    }
}
