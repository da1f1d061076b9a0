package no.tenantdesk.cli;

/** Roff text as man(7) reads it: requests (macros) and escaped text, line by line. */
final class Roff {

    private final StringBuilder roff = new StringBuilder();

    /** A line as it is: a comment or a request the caller has written whole. */
    void line(String line) {
        roff.append(line).append('\n');
    }

    /** A section: .SH and its title. */
    void section(String title) {
        macro(".SH", quoted(title));
    }

    /** A tagged paragraph: the tag (a term, an option) on its line, its description below. */
    void entry(String tag, String description) {
        macro(".TP");
        text(tag);
        text(description);
    }

    /** A request with its arguments, already escaped or quoted. */
    void macro(String name, String... arguments) {
        roff.append(name);
        for (String argument : arguments) {
            roff.append(' ').append(argument);
        }
        roff.append('\n');
    }

    /** A line of roff: a macro, or text already escaped. */
    void text(String line) {
        if (line.isEmpty()) {
            return;
        }
        roff.append(line).append('\n');
    }

    static String quoted(String text) {
        return "\"" + escape(text).replace("\"", "\\(dq") + "\"";
    }

    static String bold(String escaped) {
        return "\\fB" + escaped + "\\fR";
    }

    /**
     * Backslashes print as themselves, hyphens as the minus sign users type, and a leading dot or apostrophe is
     * text, not a request (the zero-width {@code \&} is harmless wherever the text ends up); roff reads nothing else
     * specially.
     */
    static String escape(String text) {
        String escaped = text.replace("\\", "\\e").replace("-", "\\-");
        return escaped.startsWith(".") || escaped.startsWith("'") ? "\\&" + escaped : escaped;
    }

    @Override
    public String toString() {
        return roff.toString();
    }
}
