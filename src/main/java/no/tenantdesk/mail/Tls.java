package no.tenantdesk.mail;

import java.util.Locale;
import no.tenantdesk.domain.InvalidInputException;

/**
 * Whether a login may cross a connection that is not encrypted. By default never: imaps://, pop3s:// and smtps:// are
 * TLS from the first byte, and imap://, pop3:// and smtp:// must upgrade with STARTTLS before any password is sent.
 * Clear text is only ever a choice written down for one server ({@code tls: none}), never a fallback.
 */
public enum Tls {

    /** The default: no password or token before TLS (STARTTLS on imap://, pop3://, smtp://). */
    REQUIRED,
    /**
     * No TLS at all, not even STARTTLS when the server offers it: the password crosses in clear text. For a server on
     * this machine, or an old one inside a closed network, chosen by someone who knows it.
     */
    NONE;

    /**
     * The setting as the config file, an option or a variable spells it; absent is {@link #REQUIRED}.
     *
     * @param where the setting's name in messages, such as "mail: smtp: tls"
     */
    public static Tls parse(String where, String text) {
        if (text == null || text.isBlank()) {
            return REQUIRED;
        }
        return switch (text.strip().toLowerCase(Locale.ROOT)) {
            case "required" -> REQUIRED;
            case "none" -> NONE;
            default -> throw new InvalidInputException(where + ": unknown value '" + text
                    + "' (valid: required, the default, or none to send the password in clear text)");
        };
    }
}
