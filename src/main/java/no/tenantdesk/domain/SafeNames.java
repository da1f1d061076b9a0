package no.tenantdesk.domain;

import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * File names that are safe to write anywhere: no folders, no control characters, never empty, never hidden, short
 * enough in bytes, and none that Windows reserves (a photo saved to a shared drive, or a mail opened there).
 */
public final class SafeNames {

    /** The most a file name may take on Linux (and most file systems): 255 bytes, not characters. */
    public static final int MAX_BYTES = 255;
    /** What {@link #filename} leaves at most: room for " (12)" or a "3-" in front within {@link #MAX_BYTES}. */
    static final int NAME_BYTES = MAX_BYTES - 15;
    /** An extension this long or shorter is kept whole when a name is cut, so that a photo stays a ".jpeg". */
    private static final int EXTENSION_BYTES = 16;

    /** What a person sees as one character: a letter with its accents, an emoji with its joiners, a flag. */
    private static final Pattern GRAPHEME = Pattern.compile("\\X");
    /** CON, PRN, AUX, NUL, COM1 to COM9 and LPT1 to LPT9 (and with ¹²³), with or without an extension. */
    private static final Pattern WINDOWS_RESERVED =
            Pattern.compile("(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])(\\..*)?", Pattern.CASE_INSENSITIVE);

    private SafeNames() {}

    public static String filename(String name) {
        String base = name == null ? "" : name;
        base = base.substring(Math.max(base.lastIndexOf('/'), base.lastIndexOf('\\')) + 1);
        StringBuilder safe = new StringBuilder();
        base.codePoints()
                .filter(c -> (!Character.isISOControl(c) && Character.getType(c) != Character.FORMAT)
                        || c == 0x200D) // the joiner inside an emoji is part of it
                .forEach(safe::appendCodePoint);
        String result = safe.toString().strip();
        while (result.startsWith(".")) {
            result = result.substring(1);
        }
        return result.isEmpty() ? "attachment" : fitted(result, NAME_BYTES);
    }

    /**
     * The n-th name to try when the safe name is taken: "bilde (1).jpg", within {@link #MAX_BYTES}.
     *
     * @param safe a name from {@link #filename}
     */
    public static String numbered(String safe, int n) {
        int dot = extensionAt(safe);
        String suffix = " (" + n + ")";
        String stem = safe.substring(0, dot);
        String extension = safe.substring(dot);
        return cut(stem, MAX_BYTES - bytes(suffix) - bytes(extension)) + suffix + extension;
    }

    /** Cut to this many bytes, the extension kept, then made safe for Windows; repeated until nothing changes. */
    private static String fitted(String name, int maxBytes) {
        String previous;
        String result = name;
        do {
            previous = result;
            int dot = extensionAt(result);
            String extension = result.substring(dot);
            result = cut(result.substring(0, dot), maxBytes - bytes(extension)) + extension;
            // Windows drops trailing dots and spaces, so "rapport." and "rapport" would be one file there.
            result = result.replaceFirst("[. ]+$", "");
            if (result.isEmpty()) {
                return "attachment";
            }
            if (WINDOWS_RESERVED.matcher(result.replaceFirst(" +(\\.|$)", "$1")).matches()) {
                result = "_" + result;
            }
        } while (!result.equals(previous));
        return result;
    }

    /** Where the extension begins: a last dot that is not the first character, with a short extension; else the end. */
    private static int extensionAt(String name) {
        int dot = name.lastIndexOf('.');
        return dot > 0 && bytes(name.substring(dot)) <= EXTENSION_BYTES && name.indexOf(' ', dot) < 0
                ? dot : name.length();
    }

    /** The longest start of the text that takes at most this many UTF-8 bytes and ends between two graphemes. */
    static String cut(String text, int maxBytes) {
        if (bytes(text) <= maxBytes) {
            return text;
        }
        Matcher grapheme = GRAPHEME.matcher(text);
        int end = 0;
        int used = 0;
        while (grapheme.find()) {
            used += bytes(grapheme.group());
            if (used > maxBytes) {
                break;
            }
            end = grapheme.end();
        }
        return text.substring(0, end);
    }

    private static int bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }
}
