package no.tenantdesk.mail.in;

import jakarta.mail.internet.ContentDisposition;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.ParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A part's media type, lower case, with its parameters; text/plain when it has none (RFC 2045). */
record PartType(String base, String raw) {

    static final PartType PLAIN = new PartType("text/plain", "text/plain");

    // Matched at the start only, without nested repetition: one pass over the value, however long.
    private static final Pattern MEDIA_TYPE = Pattern.compile("^\\s*([\\w.+-]+/[\\w.+-]+)");

    /** @param raw the Content-Type header as written; null when the part has none */
    static PartType of(String raw) {
        if (raw == null) {
            return PLAIN;
        }
        String value = HeaderText.eightBit(HeaderText.unfold(raw));
        Matcher media = MEDIA_TYPE.matcher(value);
        String base = media.lookingAt() ? media.group(1).toLowerCase(Locale.ROOT) : "text/plain";
        return new PartType(base, value);
    }

    boolean isMultipart() {
        return base.startsWith("multipart/");
    }

    /** The same parameters as text/plain: what a multipart without parts is best read as. */
    PartType asPlainText() {
        return new PartType("text/plain", raw);
    }

    String parameter(String name) {
        return raw.indexOf(';') < 0 ? null : parameter(raw, name, false);
    }

    /**
     * A parameter of a structured header: through Jakarta Mail (RFC 2231 continuations and charsets), and when it
     * finds the header malformed, by a plain search for name=value.
     */
    static String parameter(String headerValue, String name, boolean disposition) {
        try {
            String value = disposition
                    ? new ContentDisposition(headerValue).getParameter(name)
                    : new ContentType(headerValue).getParameter(name);
            if (value != null) {
                return value;
            }
        } catch (ParseException | RuntimeException e) {
            // fall through to the plain search
        }
        // Tried only at the start and after each ';', and each try stops at the next ';' or quote: linear.
        Matcher match = Pattern.compile("(?i)(?:^|;)\\s*" + Pattern.quote(name) + "\\s*=\\s*(\"([^\"]*)\"|[^;]*)")
                .matcher(headerValue);
        if (!match.find()) {
            return null;
        }
        return match.group(2) != null ? match.group(2) : match.group(1).strip();
    }
}
