package no.tenantdesk.domain;

import java.util.Locale;
import java.util.Optional;

/**
 * Where the earlier mail a tenant's answer quotes begins, so that a reader sees what is new and the history stays
 * one command away. The quoted history is the first of: the signature ("-- "); Outlook's quote, which is never
 * marked with "&gt;" ("-----Original Message-----", "-----Opprinnelig melding-----", or a "From:/Fra:" line with
 * "Sent:/Sendt:" or "Date:/Dato:" below it, with the underscores above it); and the tail of the text in which every
 * line is quoted ("&gt; …") or blank, with the "On … wrote:" / "Den … skrev …:" line above it. An answer written
 * between quoted lines (Thunderbird's bottom-posting) is kept: only the tail is history. Nothing is hidden when the
 * text would be empty without it (a forward, a mail that is only a quote).
 *
 * <p>One pass over the lines, each looked at a bounded number of times, with plain string tests: linear in the
 * length of the text, whatever the sender made of it.
 *
 * @param from  the offset (in chars) of the body where the history starts
 * @param lines how many lines the history has, trailing blank lines not counted
 */
public record QuotedHistory(int from, int lines) {

    /** Longer lines are no header of a quote: not looked into. */
    private static final int HEADER_LINE = 300;

    public QuotedHistory {
        if (from <= 0 || lines <= 0) {
            throw new IllegalArgumentException("a quoted history starts after the new text and has lines");
        }
    }

    public static Optional<QuotedHistory> of(String text) {
        if (text == null || text.isEmpty()) {
            return Optional.empty();
        }
        Lines lines = new Lines(text);
        int n = lines.count();
        int start = n;
        for (int i = 0; i < n && start == n; i++) {
            String line = lines.get(i);
            if (line.stripTrailing().equals("--") || separator(line.strip()) || outlookHeader(lines, i)) {
                start = i;
                if (i > 0 && outlookHeader(lines, i) && lines.get(i - 1).strip().startsWith("_____")) {
                    start = i - 1;
                }
            }
        }
        start = Math.min(start, quotedTail(lines));
        if (start >= n) {
            return Optional.empty();
        }
        int offset = lines.start(start);
        if (text.substring(0, offset).isBlank()) {
            return Optional.empty();
        }
        int last = n - 1;
        while (last > start && lines.get(last).isBlank()) {
            last--;
        }
        return Optional.of(new QuotedHistory(offset, last - start + 1));
    }

    /** The text before the history, without the blank lines that led to it. */
    public String newPart(String text) {
        return text.substring(0, from).stripTrailing();
    }

    /** The first line of the tail that is all quoted or blank, with its attribution line(s); n when none. */
    private static int quotedTail(Lines lines) {
        int n = lines.count();
        int t = n;
        boolean quoted = false;
        while (t > 0 && (lines.get(t - 1).isBlank() || lines.get(t - 1).stripLeading().startsWith(">"))) {
            quoted |= !lines.get(t - 1).isBlank();
            t--;
        }
        if (!quoted) {
            return n;
        }
        while (lines.get(t).isBlank()) {
            t++;
        }
        int above = t - 1;
        while (above >= 0 && lines.get(above).isBlank()) {
            above--;
        }
        if (above >= 0 && attribution(lines.get(above))) {
            return above;
        }
        // Gmail breaks "… skrev Name <address\n>:" inside the address, so that its end looks quoted.
        if (above >= 0 && above == t - 1 && attribution(lines.get(above).strip() + lines.get(t).strip())) {
            return above;
        }
        // Gmail wraps a long "On …, Name <address> wrote:" over two lines.
        if (above >= 1 && attribution(lines.get(above - 1).strip() + " " + lines.get(above).strip())) {
            return above - 1;
        }
        return t;
    }

    private static boolean attribution(String raw) {
        String line = raw.strip().toLowerCase(Locale.ROOT);
        if (line.length() > HEADER_LINE || !line.endsWith(":")) {
            return false;
        }
        if (line.startsWith("on ") && line.endsWith("wrote:")) {
            return true;
        }
        // "Den 5. des. 2026 kl. 10:14 skrev Ola <ola@…>:" (Gmail), "5. des. 2026 kl. 10:14 skrev …:" (Apple Mail),
        // "Den 05.12.2026 10:14, skrev Ola:" (Thunderbird): a date and "skrev".
        return line.contains("skrev") && line.chars().anyMatch(Character::isDigit);
    }

    private static boolean separator(String line) {
        if (!line.startsWith("---") || line.length() > HEADER_LINE) {
            return false;
        }
        String words = line.replace("-", "").strip().toLowerCase(Locale.ROOT);
        return words.equals("original message") || words.equals("opprinnelig melding")
                || words.equals("opprinneleg melding");
    }

    /** Outlook's "From: … / Sent: … / To: … / Subject: …" block (Norwegian: Fra, Sendt, Til, Emne). */
    private static boolean outlookHeader(Lines lines, int i) {
        if (!startsWithAny(lines.get(i), "from:", "fra:")) {
            return false;
        }
        for (int k = i + 1; k < Math.min(lines.count(), i + 4); k++) {
            if (startsWithAny(lines.get(k), "sent:", "sendt:", "date:", "dato:")) {
                return !forwarded(lines, i);
            }
        }
        return false;
    }

    /** A forward's header has the same shape, but what follows it is the matter itself. */
    private static boolean forwarded(Lines lines, int i) {
        int above = i - 1;
        while (above >= 0 && lines.get(above).isBlank()) {
            above--;
        }
        if (above < 0) {
            return false;
        }
        String line = lines.get(above).toLowerCase(Locale.ROOT);
        return line.length() <= HEADER_LINE && (line.contains("forwarded") || line.contains("videresendt")
                || line.contains("begin forwarded message"));
    }

    private static boolean startsWithAny(String raw, String... prefixes) {
        String line = raw.stripLeading();
        for (String prefix : prefixes) {
            if (line.regionMatches(true, 0, prefix, 0, prefix.length())) {
                return true;
            }
        }
        return false;
    }

    /** The text's lines, found once; a line is cut only when asked for. */
    private static final class Lines {
        private final String text;
        private final int[] starts;
        private final int count;

        Lines(String text) {
            this.text = text;
            int lines = 1;
            for (int i = 0; i < text.length(); i++) {
                if (text.charAt(i) == '\n') {
                    lines++;
                }
            }
            starts = new int[lines + 1];
            int k = 1;
            for (int i = 0; i < text.length(); i++) {
                if (text.charAt(i) == '\n') {
                    starts[k++] = i + 1;
                }
            }
            starts[lines] = text.length() + 1;
            count = lines;
        }

        int count() {
            return count;
        }

        int start(int line) {
            return starts[line];
        }

        String get(int line) {
            int end = starts[line + 1] - 1;
            return text.substring(starts[line], Math.max(starts[line], end));
        }
    }
}
