package no.tenantdesk.triage;

import java.util.List;
import java.util.Locale;

/**
 * A contractor's answer to a task notice that says the work is done: its first line begins with one of the done words
 * ("Utført", "Ferdig", "Done"; the config's {@code mail: done-words}), as a whole word, and is not a denial ("Ikke
 * utført", "Not done", "Ferdig?"). The rest of the text is the completion note.
 */
public final class DoneReply {

    /** The first line of a contractor's answer that says their task is done, unless the config says otherwise. */
    public static final List<String> WORDS = List.of("utført", "ferdig", "fullført", "done", "completed", "fixed");

    private static final List<String> DENIALS = List.of("ikke", "ikkje", "not", "nicht", "no", "never", "aldri");

    private DoneReply() {}

    /**
     * The completion note when the sender's own text says done; null when it does not.
     *
     * @param ownText the answer without quotes and signature ({@link OwnText})
     */
    public static String note(String ownText, List<String> doneWords) {
        String text = ownText.strip();
        int end = text.indexOf('\n');
        String first = (end < 0 ? text : text.substring(0, end)).strip();
        String lower = first.toLowerCase(Locale.ROOT);
        for (String denial : DENIALS) {
            if (startsWithWord(lower, denial)) {
                return null;
            }
        }
        for (String word : doneWords) {
            String done = word.strip().toLowerCase(Locale.ROOT);
            if (startsWithWord(lower, done)) {
                String rest = first.substring(done.length()).replaceFirst("^[\\s.,:;!\\-–]+", "");
                if (rest.startsWith("?")) {
                    return null; // "Ferdig?" asks
                }
                String after = end < 0 ? "" : text.substring(end + 1).strip();
                return (rest + (rest.isEmpty() || after.isEmpty() ? "" : "\n") + after).strip();
            }
        }
        return null;
    }

    private static boolean startsWithWord(String line, String word) {
        return line.startsWith(word) && (line.length() == word.length()
                || !Character.isLetterOrDigit(line.codePointAt(word.length())));
    }
}
