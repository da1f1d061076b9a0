package no.tenantdesk.mail.in;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import no.tenantdesk.domain.InvalidInputException;
import no.tenantdesk.mail.ServerAddress;

/** Opens the source a URI names. */
public final class MailSources {

    /** For connecting and for each read, when the spec sets none. */
    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);

    private MailSources() {}

    /**
     * Connects (for a server) or opens the mailbox; nothing is read yet, except standard input, which can only be
     * read once and is spooled now.
     *
     * @throws no.tenantdesk.domain.InvalidInputException for a URI that names no source we know, or a setting that
     *     does not fit it (move without a folder, delete on an mbox)
     * @throws no.tenantdesk.domain.TemporaryFailureException when the server does not answer
     * @throws no.tenantdesk.domain.TenantdeskException when logging in or opening the folder fails
     */
    public static MailSource open(SourceSpec spec) {
        String uri = spec.uri() == null ? "" : spec.uri().strip();
        String name = ServerAddress.withoutPassword(spec.name() != null && !spec.name().isBlank() ? spec.name() : uri);
        if (uri.isEmpty()) {
            throw new InvalidInputException("no mail source given");
        }
        if (uri.equals("-")) {
            return StdinSource.open(name, spec.stdin(), spec.afterImport(), spec.spool());
        }
        int colon = uri.indexOf(':');
        String scheme = colon < 0 ? "" : uri.substring(0, colon).toLowerCase(Locale.ROOT);
        String rest = colon < 0 ? uri : uri.substring(colon + 1);
        return switch (scheme) {
            case "imap", "imaps" -> ImapSource.open(name, ServerAddress.parse(name, uri), spec);
            case "pop3", "pop3s" -> Pop3Source.open(name, ServerAddress.parse(name, uri), spec);
            case "maildir" -> MaildirSource.open(name, localPath(name, rest), spec.afterImport());
            case "mbox" -> MboxSource.open(name, localPath(name, rest), spec.afterImport(), spec.spool());
            default -> throw new InvalidInputException(name + ": not a mail source; use imaps://USER@HOST/FOLDER,"
                    + " imap://…, pop3s://USER@HOST, pop3://…, maildir:PATH, mbox:PATH or - for standard input");
        };
    }


    private static Path localPath(String name, String path) {
        if (path.startsWith("//")) {
            path = path.substring(2); // maildir:///var/mail/x, the URI spelling
        }
        if (path.isEmpty()) {
            throw new InvalidInputException(name + ": no path; write maildir:/path/to/Maildir or mbox:/path/to/file");
        }
        if (path.equals("~") || path.startsWith("~/")) {
            path = System.getProperty("user.home") + path.substring(1);
        }
        return Path.of(path);
    }

    static Duration timeout(SourceSpec spec) {
        return spec.timeout() != null && !spec.timeout().isZero() && !spec.timeout().isNegative()
                ? spec.timeout()
                : DEFAULT_TIMEOUT;
    }
}
