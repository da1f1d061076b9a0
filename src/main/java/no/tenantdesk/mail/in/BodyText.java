package no.tenantdesk.mail.in;

/**
 * The texts of a message's body parts, joined by a blank line, up to {@link #MAX_BYTES} in UTF-8: what one inquiry
 * or comment holds. Past that the text is cut at a character and says so; the raw message keeps everything. Once
 * full, it takes nothing more, so that a long mail costs no more than a long enough one.
 */
final class BodyText {

    /** A tenant's text is a few KB; a megabyte is a book, and more only bloats the database and every listing. */
    static final int MAX_BYTES = 1024 * 1024;

    static final String CUT_NOTE = "[Text cut at 1 MB: the rest is in the original e-mail, which is stored whole]";

    private final int maxBytes;
    private final StringBuilder text = new StringBuilder();
    private long bytes;
    private boolean cut;

    BodyText() {
        this(MAX_BYTES);
    }

    BodyText(int maxBytes) {
        this.maxBytes = maxBytes;
    }

    /** Adds one part's text; a blank one adds nothing. */
    void add(String part) {
        if (cut || part.isBlank()) {
            return;
        }
        if (text.length() > 0) {
            append("\n\n");
        }
        append(part);
    }

    /** Whether any more text would be cut: a reader need not decode another part. */
    boolean full() {
        return cut;
    }

    /** How many more characters could still be kept; no text of more needs to be made. */
    int room() {
        return cut ? 0 : (int) Math.min(Integer.MAX_VALUE - 1, maxBytes - bytes) + 1;
    }

    /** The length so far, to tell whether a part added anything. */
    int length() {
        return text.length();
    }

    @Override
    public String toString() {
        return cut ? text + "\n\n" + CUT_NOTE : text.toString();
    }

    private void append(String part) {
        long size = 0;
        for (int i = 0; i < part.length(); i++) {
            size += utf8(part.charAt(i));
        }
        if (bytes + size <= maxBytes) {
            text.append(part);
            bytes += size;
            return;
        }
        int end = 0;
        while (end < part.length() && bytes + utf8(part.charAt(end)) <= maxBytes) {
            bytes += utf8(part.charAt(end++));
        }
        if (end > 0 && Character.isHighSurrogate(part.charAt(end - 1))) {
            end--; // never half a character
        }
        text.append(part, 0, end);
        cut = true;
        trimEnd();
    }

    /** UTF-8 bytes per UTF-16 unit: a surrogate pair is 4 bytes, 2 for each half. */
    private static int utf8(char c) {
        return c < 0x80 ? 1 : c < 0x800 || Character.isSurrogate(c) ? 2 : 3;
    }

    /** A cut never leaves blanks before the note. */
    private void trimEnd() {
        int end = text.length();
        while (end > 0 && Character.isWhitespace(text.charAt(end - 1))) {
            end--;
        }
        text.setLength(end);
    }
}
