package no.tenantdesk.mail;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import no.tenantdesk.domain.InvalidInputException;

/**
 * The parts of an imaps://, imap://, pop3s://, pop3://, smtps:// or smtp:// URI.
 *
 * @param protocol the Jakarta Mail protocol name: the scheme in lower case
 * @param user     URL-decoded, so that "kari%40example.no" logs in as kari@example.no; null only for SMTP, which
 *                 may need no login
 * @param port     -1 for the protocol's default
 * @param folder   the IMAP folder, INBOX when the URI names none; null for POP3 and SMTP
 */
public record ServerAddress(String protocol, String user, String host, int port, String folder) {

    /** TLS from the first byte (imaps, pop3s, smtps), rather than STARTTLS when the server offers it. */
    public boolean tls() {
        return protocol.endsWith("s");
    }

    public boolean imap() {
        return protocol.startsWith("imap");
    }

    public boolean smtp() {
        return protocol.startsWith("smtp");
    }

    /** The same protocol with TLS from the first byte: what to suggest when the server offers no TLS. */
    public String secureScheme() {
        return (tls() ? protocol : protocol + "s") + "://";
    }

    /**
     * Messages name the server; a password written into the URI must not reach stderr, JSON or the records with it,
     * whatever characters it holds. A password may hold '/', '#', '?', '@' and ':' as they are (a URI parser would
     * stop at the first of them and leave the rest of it in the "path"), so everything from the colon after the user
     * name to the last '@' goes: the user name cannot hold a ':' and writes its '@' as %40. An '@' in a folder name
     * then takes the host with it, which only makes the message shorter.
     */
    public static String withoutPassword(String uri) {
        int at = uri.lastIndexOf('@');
        if (at < 0) {
            return uri;
        }
        int slashes = uri.indexOf("://");
        // Without "://" (a mistyped scheme, or no scheme at all) the first colon may already be the password's.
        int colon = uri.indexOf(':', slashes < 0 ? 0 : slashes + 3);
        return colon >= 0 && colon < at ? uri.substring(0, colon) + uri.substring(at) : uri;
    }

    /**
     * The URI with {@code user} as its user part, for a config that names the user apart (an address with an @ is
     * easier to write so than as %40 in the URL). A URI that names another user is an error, not a guess.
     *
     * @param user null to leave the URI as it is
     */
    public static String withUser(String name, String text, String user) {
        int start = text.indexOf("://");
        if (user == null || user.isBlank() || start < 0) {
            return text;
        }
        start += 3;
        int end = text.indexOf('/', start) < 0 ? text.length() : text.indexOf('/', start);
        String wanted = user.strip();
        if (text.substring(start, end).contains("@")) {
            String named = parse(name, text).user();
            if (!wanted.equals(named)) {
                throw new InvalidInputException(name + ": the URL logs in as " + named + " but user: says " + wanted
                        + "; give the user once");
            }
            return text;
        }
        StringBuilder encoded = new StringBuilder();
        for (byte b : wanted.getBytes(StandardCharsets.UTF_8)) {
            if (Character.isLetterOrDigit(b) || "-._~".indexOf(b) >= 0) {
                encoded.append((char) b);
            } else {
                encoded.append('%').append(String.format("%02X", b & 0xff));
            }
        }
        return text.substring(0, start) + encoded + "@" + text.substring(start);
    }

    /** @param name what messages call this server: an account name, or the URI as given */
    public static ServerAddress parse(String name, String text) {
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException e) {
            throw new InvalidInputException(name + ": not a valid URI (" + e.getReason() + ")");
        }
        if (uri.getScheme() == null) {
            throw new InvalidInputException(name + ": not a mail server URI (no scheme such as imaps://)");
        }
        String protocol = uri.getScheme().toLowerCase(Locale.ROOT);
        boolean imap = protocol.startsWith("imap");
        boolean smtp = protocol.startsWith("smtp");
        String form = imap ? protocol + "://USER@HOST[:PORT]/FOLDER"
                : smtp ? protocol + "://[USER@]HOST[:PORT]"
                : protocol + "://USER@HOST[:PORT]";
        if (uri.isOpaque() || uri.getHost() == null) {
            throw new InvalidInputException(name + ": no host name; write " + form);
        }
        if (uri.getUserInfo() != null && uri.getUserInfo().contains(":")) {
            // A password in the URI would end up in logs, shell history and the records' source names.
            throw new InvalidInputException(
                    name + ": put the password in the configuration or the environment, not in the URI");
        }
        if (!smtp && (uri.getUserInfo() == null || uri.getUserInfo().isEmpty())) {
            throw new InvalidInputException(name + ": no user name; write " + form
                    + " (an @ in the user name is written %40)");
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw new InvalidInputException(name + ": a mail server URI has no ? or # part; write " + form);
        }
        if (uri.getPort() == 0 || uri.getPort() > 65535) {
            throw new InvalidInputException(name + ": the port must be a number from 1 to 65535; write " + form);
        }
        String host = uri.getHost();
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        String path = uri.getPath() == null ? "" : uri.getPath();
        while (path.startsWith("/")) {
            path = path.substring(1);
        }
        String folder;
        if (imap) {
            folder = path.isEmpty() ? "INBOX" : path;
        } else {
            if (!path.isEmpty()) {
                throw new InvalidInputException(name + ": " + (smtp ? "an SMTP server" : "a POP3 mailbox")
                        + " has no folders; write " + form + " without /" + path);
            }
            folder = null;
        }
        String user = uri.getUserInfo() == null || uri.getUserInfo().isEmpty() ? null : uri.getUserInfo();
        return new ServerAddress(protocol, user, host, uri.getPort(), folder);
    }
}
