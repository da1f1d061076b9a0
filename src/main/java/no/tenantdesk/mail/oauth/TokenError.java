package no.tenantdesk.mail.oauth;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An error answer of an OAuth 2.0 endpoint (RFC 6749 section 5.2): {@code error}, and what Microsoft and Google add
 * to it. Thrown within this package only; {@link OAuthErrors} turns it into a line for the user.
 */
final class TokenError extends RuntimeException {

    private static final long serialVersionUID = 1L;
    private static final Pattern AADSTS = Pattern.compile("AADSTS(\\d+)");

    /** The HTTP status. */
    final int status;
    /** "invalid_grant", "authorization_pending" … */
    final String error;
    /** The server's own text, may be null. */
    final String description;
    /** Microsoft's AADSTS numbers ({@code error_codes}), empty from others. */
    final List<Integer> codes;

    TokenError(int status, String error, String description, List<Integer> codes) {
        super(error + (description == null ? "" : ": " + description), null, false, false);
        this.status = status;
        this.error = error;
        this.description = description;
        this.codes = List.copyOf(codes);
    }

    /** Microsoft's code: from error_codes, else from the "AADSTS70016: …" that starts its description. */
    Optional<Integer> aadsts() {
        if (!codes.isEmpty()) {
            return Optional.of(codes.get(0));
        }
        Matcher m = AADSTS.matcher(description == null ? "" : description);
        return m.find() ? Optional.of(Integer.parseInt(m.group(1))) : Optional.empty();
    }

    /** The description's first line (Microsoft's go on with trace ids), without its AADSTS prefix. */
    String summary() {
        if (description == null || description.isBlank()) {
            return "";
        }
        String line = description.strip().lines().findFirst().orElse("").replaceFirst("^AADSTS\\d+:\\s*", "");
        return line.length() > 200 ? line.substring(0, 200) + "…" : line;
    }

    /** "invalid_grant, AADSTS700082" or "invalid_grant": what the user may quote to an administrator. */
    String label() {
        return error + aadsts().map(code -> ", AADSTS" + code).orElse("");
    }
}
