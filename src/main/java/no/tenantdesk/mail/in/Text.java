package no.tenantdesk.mail.in;

/** The body text rules: \n line ends, no control characters but \n and \t, no trailing blanks. */
final class Text {

    private Text() {}

    static String normalize(String text) {
        StringBuilder out = new StringBuilder(text.length());
        int lineStart = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\r') {
                if (i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    continue;
                }
                c = '\n';
            }
            if (c == '\n') {
                trimEnd(out, lineStart);
                out.append('\n');
                lineStart = out.length();
            } else if (c == '\t' || !(Character.isISOControl(c) || c == '\uFEFF')) {
                out.append(c);
            }
        }
        trimEnd(out, 0);
        int start = 0;
        while (start < out.length() && out.charAt(start) == '\n') {
            start++;
        }
        return out.substring(start);
    }

    /**
     * Joins the lines of format=flowed text (RFC 3676) that the sender's client broke: a line ending in a space
     * goes on in the next line of the same quote depth. The signature separator "-- " is never joined.
     */
    static String unflow(String text, boolean delsp) {
        String[] lines = text.replace("\r\n", "\n").split("\n", -1);
        StringBuilder out = new StringBuilder(text.length());
        int joiningDepth = -1;
        for (String line : lines) {
            int depth = 0;
            while (depth < line.length() && line.charAt(depth) == '>') {
                depth++;
            }
            String content = line.substring(depth);
            if (content.startsWith(" ")) {
                content = content.substring(1); // space-stuffing, or the space after the quote marks
            }
            if (joiningDepth != depth) {
                if (joiningDepth >= 0) {
                    out.append('\n');
                }
                out.append(">".repeat(depth)).append(depth > 0 ? " " : "");
            }
            boolean soft = content.endsWith(" ") && !content.equals("-- ");
            if (soft && delsp) {
                content = content.substring(0, content.length() - 1);
            }
            out.append(content);
            if (soft) {
                joiningDepth = depth;
            } else {
                out.append('\n');
                joiningDepth = -1;
            }
        }
        return out.toString();
    }

    private static void trimEnd(StringBuilder out, int floor) {
        int end = out.length();
        while (end > floor && isBlank(out.charAt(end - 1))) {
            end--;
        }
        out.setLength(end);
    }

    private static boolean isBlank(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u00A0' || Character.isWhitespace(c);
    }

    /**
     * Format characters that only steer how text is shown (bidi overrides, invisible marks), which can make a
     * sender's name or a subject read as something else. Zero-width joiners stay: emoji are built with them.
     */
    static boolean isHiddenFormat(int c) {
        return Character.getType(c) == Character.FORMAT && c != '\u200C' && c != '\u200D';
    }
}
