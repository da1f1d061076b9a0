package no.tenantdesk.triage;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Text as the place matcher reads it: words, each a run of letters and digits, lower case in the root locale (which
 * folds Æ, Ø and Å as it folds A), composed (an "å" typed as "a" and a ring is "å"). Punctuation and spaces only
 * separate: "3. etasje, Bygg B" is the words 3, etasje, bygg, b. One pass over the text.
 */
final class Words {

    /** The first combining mark: no text wholly below it is changed by composing. */
    private static final char COMBINING = '\u0300';

    private Words() {}

    /** A word and where it stands in the composed text it was read from. */
    record Word(String text, int start, int end) {}

    /**
     * A text's words, with the composed text their places are in. What a match shows is cut from that text: the same
     * letters the mail shows, and never a decomposed "å" cut between its "a" and its ring.
     */
    record Read(String composed, List<Word> words) {}

    static List<Word> of(String text) {
        return read(text).words();
    }

    static Read read(String text) {
        String composed = composed(text);
        List<Word> words = new ArrayList<>();
        int start = -1;
        for (int i = 0; i < composed.length(); ) {
            int c = composed.codePointAt(i);
            boolean part = Character.isLetterOrDigit(c);
            if (part && start < 0) {
                start = i;
            } else if (!part && start >= 0) {
                words.add(word(composed, start, i));
                start = -1;
            }
            i += Character.charCount(c);
        }
        if (start >= 0) {
            words.add(word(composed, start, composed.length()));
        }
        return new Read(composed, words);
    }

    /**
     * The text in Unicode's composed form (NFC), as mail from most programs already is; macOS mail programs may send
     * "æøå" decomposed, a letter and a mark. Text below U+0300 is composed as it is, without asking the normalizer.
     */
    static String composed(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) >= COMBINING) {
                return Normalizer.isNormalized(text, Normalizer.Form.NFC) ? text
                        : Normalizer.normalize(text, Normalizer.Form.NFC);
            }
        }
        return text;
    }

    /** The words alone, as a place's name or alias is kept: "Bygg A" is "bygg a". */
    static String key(String text) {
        return String.join(" ", of(text).stream().map(Word::text).toList());
    }

    private static Word word(String text, int start, int end) {
        return new Word(text.substring(start, end).toLowerCase(Locale.ROOT), start, end);
    }
}
