package no.tenantdesk.triage;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.Normalizer;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class NameTrieTest {

    private static final List<String> NAMES = List.of("Bygg A", "Bygg A-fløy", "3. etasje", "Kontor 101",
            "Butikk A15", "Åpen kafé", "Bygg B", "b", "Kafeen");

    private static NameTrie trie() {
        NameTrie trie = new NameTrie();
        for (int i = 0; i < NAMES.size(); i++) {
            trie.add(Words.key(NAMES.get(i)), i + 1);
        }
        return trie;
    }

    @Test
    void theLongestNameAtAWordWinsAndEndsAtAWordsEnd() {
        NameTrie trie = trie();
        assertThat(trie.mentions("Støy i 3. ETASJE,   bygg a-fløy")).isEqualTo(Map.of(3L, "3. ETASJE", 2L, "bygg a-fløy"));
        assertThat(trie.mentions("Bygg Ab, kontor 1010, byggb")).isEmpty();
        assertThat(trie.mentions("åpen\nKAFÉ i bygg b.")).containsExactly(Map.entry(6L, "åpen\nKAFÉ"),
                Map.entry(7L, "bygg b"));
        assertThat(trie.mentions("b")).isEqualTo(Map.of(8L, "b"));
    }

    /** A text of plain characters is read in place; any other text by its composed words: both find the same. */
    @Test
    void readingInPlaceFindsWhatReadingTheWordsFinds() {
        NameTrie trie = trie();
        String[] pieces = {"Bygg", "BYGG", " ", "  ", "\n", ", ", "-", "A", "a", "B", "b", "3.", "3", "etasje",
            "ETASJE", "kontor", "101", "1010", "butikk", "A15", "åpen", "ÅPEN", "kafé", "KAFÉ", "kafeen", "fløy", "x"};
        Random random = new Random(20261207);
        for (int i = 0; i < 20_000; i++) {
            StringBuilder text = new StringBuilder();
            for (int n = random.nextInt(10); n >= 0; n--) {
                text.append(pieces[random.nextInt(pieces.length)]);
            }
            String plain = text.toString();
            // The same text with a character above the plain ones at its end, where it names nothing
            String other = plain + " \u2603";
            assertThat(trie.mentions(plain)).as(plain).containsExactlyEntriesOf(trie.mentions(other));
        }
    }

    /**
     * Decomposed text (a macOS mail program's "å" is an "a" and a ring): the places found and the words shown are
     * those of the composed text, never cut at the composed text's places from the longer decomposed one.
     */
    @Test
    void decomposedTextShowsTheWordsThatMatchedComposed() {
        NameTrie trie = trie();
        String decomposed = Normalizer.normalize("Støy ved ÅPEN kafé, så bygg b er stille", Normalizer.Form.NFD);

        assertThat(trie.mentions(decomposed)).containsExactly(Map.entry(6L, "ÅPEN kafé"), Map.entry(7L, "bygg b"));
    }

    /** Any text, decomposed, names the same places with the same words as the text as typed (composed). */
    @Test
    void decomposedOrNotTheSamePlacesAndWords() {
        NameTrie trie = trie();
        String[] pieces = {"Bygg", " ", "\n", ", ", "-", "A", "b", "3.", "etasje", "åpen", "ÅPEN", "kafé", "KAFÉ",
            "fløy", "Ærlig", "ø", "å", "é", "\u1E9B\u0323", "x"};
        Random random = new Random(20261207);
        for (int i = 0; i < 20_000; i++) {
            StringBuilder text = new StringBuilder();
            for (int n = random.nextInt(10); n >= 0; n--) {
                text.append(pieces[random.nextInt(pieces.length)]);
            }
            String typed = text.toString();
            String decomposed = Normalizer.normalize(typed, Normalizer.Form.NFD);
            assertThat(trie.mentions(decomposed)).as(typed).containsExactlyEntriesOf(trie.mentions(typed));
        }
    }
}
