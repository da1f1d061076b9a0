package no.tenantdesk.triage;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What the sender wrote themselves: the text before the quoted history of earlier mail ("> …", "On … wrote:",
 * "-----Original Message-----", Outlook's "From: … Sent: …") and before the signature ("-- ", "Med vennlig hilsen",
 * "Mvh", "Sent from my iPhone"), whose addresses and building names are the sender's company's, not the matter's.
 * One pass over the lines; each pattern is tried on one line of bounded length only.
 */
public final class OwnText {

    /** Longer lines are no quote header or greeting: not tried (and a regex never sees a megabyte). */
    private static final int LINE = 200;

    private static final Pattern QUOTE_HEADER = Pattern.compile(
            "(?iu)^(on .{1,150} wrote:|den .{1,150} skrev .{0,150}:|.{1,150} skrev( følgende)?:"
                    + "|-{2,}\\s*(original message|opprinnelig melding|videresendt melding|forwarded message)\\s*-{2,}"
                    + "|(from|fra):\\s.*)$");
    private static final Pattern CLOSING = Pattern.compile(
            "(?iu)^(--|med (vennlig|beste) hilsen|vennlig hilsen|vennleg helsing|beste hilsen|hilsen|mvh|vh"
                    + "|best regards|kind regards|regards|cheers|sent from my .{1,40}|sendt fra min .{1,40}"
                    + "|hentet fra .{1,40})[\\s,.!]*$");

    private OwnText() {}

    public static String of(String text) {
        StringBuilder own = new StringBuilder();
        int from = 0;
        while (from <= text.length()) {
            int end = text.indexOf('\n', from);
            if (end < 0) {
                end = text.length();
            }
            String line = text.substring(from, end).strip();
            if (line.startsWith(">")) {
                from = end + 1;
                continue; // a quoted line among the sender's own (interleaved answers)
            }
            if (line.length() <= LINE && !line.isEmpty()) {
                if (CLOSING.matcher(line).matches()) {
                    break;
                }
                if (mayBeQuoteHeader(line) && QUOTE_HEADER.matcher(line).matches()
                        && (!startsWithFrom(line) || sentFollows(text, end))) {
                    break;
                }
            }
            own.append(text, from, end).append('\n');
            from = end + 1;
        }
        return own.toString().strip();
    }

    /**
     * Every quote header has a colon, or starts with dashes: a line without either is not tried (the pattern's
     * bounded wildcards made it most of the time spent reading the sender's own words).
     */
    private static boolean mayBeQuoteHeader(String line) {
        return line.indexOf(':') >= 0 || line.startsWith("--");
    }

    private static boolean startsWithFrom(String line) {
        String lower = line.toLowerCase(Locale.ROOT);
        return lower.startsWith("from:") || lower.startsWith("fra:");
    }

    /** "From: …" is Outlook's quote header when "Sent:"/"Sendt:" or "Date:"/"Dato:" follows within a few lines. */
    private static boolean sentFollows(String text, int from) {
        int at = from;
        for (int i = 0; i < 3 && at < text.length(); i++) {
            int end = text.indexOf('\n', at + 1);
            String line = text.substring(at + 1, end < 0 ? text.length() : end).strip().toLowerCase(Locale.ROOT);
            if (line.startsWith("sent:") || line.startsWith("sendt:") || line.startsWith("date:")
                    || line.startsWith("dato:")) {
                return true;
            }
            at = end < 0 ? text.length() : end;
        }
        return false;
    }
}
