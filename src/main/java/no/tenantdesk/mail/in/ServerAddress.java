package no.tenantdesk.mail.in;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import no.tenantdesk.domain.InvalidInputException;

/**
 * The parts of an imaps://, imap://, pop3s:// or pop3:// URI.
 *
 * @param protocol the Jakarta Mail protocol name: the scheme in lower case
 * @param user     URL-decoded, so that "kari%40example.no" logs in as kari@example.no
 * @param port     -1 for the protocol's default
 * @param folder   the IMAP folder, INBOX when the URI names none; null for POP3
 */
record ServerAddress(String protocol, String user, String host, int port, String folder) {

    boolean tls() {
        return protocol.endsWith("s");
    }

    boolean imap() {
        return protocol.startsWith("imap");
    }

    static ServerAddress parse(String name, String text) {
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException e) {
            throw new InvalidInputException(name + ": not a valid URI (" + e.getReason() + ")");
        }
        String protocol = uri.getScheme().toLowerCase(Locale.ROOT);
        boolean imap = protocol.startsWith("imap");
        String form = imap ? protocol + "://USER@HOST[:PORT]/FOLDER" : protocol + "://USER@HOST[:PORT]";
        if (uri.isOpaque() || uri.getHost() == null) {
            throw new InvalidInputException(name + ": no host name; write " + form);
        }
        if (uri.getUserInfo() == null || uri.getUserInfo().isEmpty()) {
            throw new InvalidInputException(name + ": no user name; write " + form
                    + " (an @ in the user name is written %40)");
        }
        if (uri.getUserInfo().contains(":")) {
            // A password in the URI would end up in logs, shell history and the records' source names.
            throw new InvalidInputException(
                    name + ": put the password in the configuration or the environment, not in the URI");
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw new InvalidInputException(name + ": a mail source URI has no ? or # part; write " + form);
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
                throw new InvalidInputException(
                        name + ": a POP3 mailbox has no folders; write " + form + " without /" + path);
            }
            folder = null;
        }
        return new ServerAddress(protocol, uri.getUserInfo(), host, uri.getPort(), folder);
    }
}
