package no.tenantdesk.render;

import java.util.regex.Pattern;

/**
 * The one place that makes untrusted text (a title, a name, a file name, an e-mail body) safe for a terminal: escape
 * sequences are removed whole, other control characters and bidirectional overrides dropped, so nothing a tenant
 * writes can move the cursor, change colours, rewrite the title bar or reorder what an operator reads.
 */
public final class TerminalText {

    // CSI (ESC [ … final byte), OSC (ESC ] … BEL or ESC \), DCS/SOS/PM/APC strings, then any other ESC + one char;
    // also their 8-bit forms (U+009B CSI, U+009D OSC …).
    private static final Pattern ESCAPES = Pattern.compile(
            "(?:\\x1B\\[|\\x{9B})[0-?]*[ -/]*[@-~]?"
                    + "|(?:\\x1B[\\]PX^_]|[\\x{9D}\\x{90}\\x{98}\\x{9E}\\x{9F}])"
                    + "[^\\x07\\x1B\\x{9C}]*(?:\\x07|\\x1B\\\\|\\x{9C})?"
                    + "|\\x1B.?");

    private TerminalText() {}

    /** One line: line breaks and tabs become spaces. */
    public static String line(String text) {
        if (text == null) {
            return "";
        }
        return strip(text, false);
    }

    /** Several lines: line breaks kept, tabs expanded. */
    public static String block(String text) {
        if (text == null) {
            return "";
        }
        return strip(text, true).strip();
    }

    private static String strip(String text, boolean keepNewlines) {
        String noEscapes = ESCAPES.matcher(text.replace("\r\n", "\n")).replaceAll("");
        StringBuilder safe = new StringBuilder(noEscapes.length());
        noEscapes.codePoints().forEach(c -> {
            if (c == '\n') {
                safe.append(keepNewlines ? "\n" : " ");
            } else if (c == '\t') {
                safe.append(keepNewlines ? "    " : " ");
            } else if (c == '\r') {
                safe.append(keepNewlines ? "" : " ");
            } else if (Character.isISOControl(c) || isBidiControl(c)) {
                return; // dropped
            } else {
                safe.appendCodePoint(c);
            }
        });
        return safe.toString();
    }

    private static boolean isBidiControl(int c) {
        return (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069) || c == 0x200E || c == 0x200F
                || c == 0x061C;
    }
}
