package no.tenantdesk.render;

import no.tenantdesk.domain.OutboxState;
import no.tenantdesk.domain.Priority;
import no.tenantdesk.domain.Status;

/**
 * Colours for people at a terminal: status and priority at a glance. Off when output goes to a file or a pipe,
 * with --no-color, with NO_COLOR set, or on a dumb terminal; then every method returns plain text.
 */
public final class Palette {

    public static final Palette NONE = new Palette(false);

    private final boolean enabled;

    public Palette(boolean enabled) {
        this.enabled = enabled;
    }

    public boolean enabled() {
        return enabled;
    }

    public Styled status(Status status) {
        return styled(status.cli(), switch (status) {
            case TODO -> "33"; // yellow: waiting for someone
            case IN_PROGRESS -> "36"; // cyan: being worked on
            case DONE -> "32"; // green
        });
    }

    public Styled priority(Priority priority) {
        return styled(priority.cli(), switch (priority) {
            case URGENT -> "1;31";
            case HIGH -> "31";
            case NORMAL -> null;
            case LOW -> "2";
        });
    }

    public Styled outbox(OutboxState state) {
        return styled(state.cli(), switch (state) {
            case QUEUED -> "33"; // yellow: still waiting for the server
            case SENT -> "32";
            case FAILED -> "1;31"; // the tenant did not get it: someone should act
        });
    }

    /** A deadline's time left: red once passed, yellow within a working day's eight hours. */
    public Styled due(String text, java.time.Duration left) {
        return styled(text, left == null ? null
                : left.isNegative() ? "1;31"
                : left.compareTo(java.time.Duration.ofHours(8)) <= 0 ? "33"
                : null);
    }

    public Styled dim(String text) {
        return styled(text, "2");
    }

    public Styled bold(String text) {
        return styled(text, "1");
    }

    private Styled styled(String text, String sgr) {
        return new Styled(text, enabled ? sgr : null);
    }

    /**
     * Text with an SGR code (ANSI "select graphic rendition") to show it in. The text is made terminal-safe; only
     * the code, which is ours, may contain an escape.
     */
    public record Styled(String text, String sgr) {

        public Styled {
            text = TerminalText.line(text);
        }

        public String render() {
            return paint(text);
        }

        /** Paints a (possibly cut) part of this text in this style. */
        String paint(String part) {
            return sgr == null || part.isEmpty() ? part : "\u001b[" + sgr + "m" + part + "\u001b[0m";
        }

        @Override
        public String toString() {
            return render();
        }
    }
}
