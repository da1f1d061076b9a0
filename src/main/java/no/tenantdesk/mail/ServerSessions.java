package no.tenantdesk.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.Service;
import jakarta.mail.Session;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import javax.net.ssl.SSLSocketFactory;
import no.tenantdesk.domain.InvalidInputException;
import no.tenantdesk.domain.TemporaryFailureException;

/**
 * The Jakarta Mail settings that IMAP, POP3 and SMTP share: timeouts, and TLS before any login. This is the one place
 * that decides whether a credential may cross a connection: every protocol and every kind of credential (a password,
 * or an OAuth 2.0 token through {@link TokenLogin}) goes through {@link #session} and {@link #login}.
 */
public final class ServerSessions {

    /**
     * What Angus says when STARTTLS is required and the server does not offer it (SMTP, IMAP, POP3), before it has sent
     * any credential. Angus has no exception type of its own for it; TlsRequiredIT pins each of these texts.
     */
    private static final List<String> NO_STARTTLS = List.of("STARTTLS is required but host does not support STARTTLS",
            "STARTTLS required but not supported by server", "STLS required but not supported");

    private ServerSessions() {}

    /**
     * A session of its own (never the shared default one), so that two servers never see each other's settings.
     *
     * @param login      whether a credential will be sent: then imap://, pop3:// and smtp:// must get STARTTLS first,
     *                   unless {@code tls} is {@link Tls#NONE}; without one (an SMTP relay that needs no login)
     *                   STARTTLS is used when the server offers it, and the mail goes in clear text otherwise
     * @param sslSockets null for the JVM's trusted certificates; tests pass one that trusts their own server
     */
    public static Session session(ServerAddress address, Tls tls, boolean login, Duration timeout,
            SSLSocketFactory sslSockets, Properties extra) {
        return session(address, tls, login, timeout, sslSockets, extra, null);
    }

    /**
     * @param tokens null to log in with a password (or not at all); else the tokens to log in with, which cross TLS
     *     only, whatever {@code tls} says
     */
    public static Session session(ServerAddress address, Tls tls, boolean login, Duration timeout,
            SSLSocketFactory sslSockets, Properties extra, BearerTokens tokens) {
        if (tokens != null && tls == Tls.NONE) {
            throw new InvalidInputException(address.protocol() + "://" + address.host() + ": tls: none does not go"
                    + " with oauth2: an OAuth 2.0 token never crosses a network unencrypted");
        }
        String p = "mail." + address.protocol() + ".";
        Properties props = new Properties();
        String millis = Long.toString(timeout.toMillis());
        props.setProperty(p + "connectiontimeout", millis);
        props.setProperty(p + "timeout", millis);
        // Whichever way TLS comes, the certificate must be trusted and name the host we asked for.
        props.setProperty(p + "ssl.checkserveridentity", "true");
        if (tls == Tls.NONE && address.tls()) {
            throw new InvalidInputException(address.protocol() + "://" + address.host()
                    + ": tls: none does not go with " + address.protocol() + "://, which is TLS from the first byte");
        }
        if (!address.tls()) {
            props.setProperty(p + "starttls.enable", Boolean.toString(startTls(address, tls)));
            // Angus then ends the session before USER, LOGIN or AUTH when the server offers no STARTTLS (or a man in
            // the middle took the offer out of its answer).
            props.setProperty(p + "starttls.required", Boolean.toString(startTlsRequired(address, tls, login)));
        }
        if (sslSockets != null) {
            props.put(p + "ssl.socketFactory", sslSockets);
        }
        props.putAll(extra);
        if (tokens != null) {
            props.putAll(TokenLogin.properties(address));
        }
        Session session = Session.getInstance(props);
        if (tokens != null) {
            TokenLogin.configure(session, address);
        }
        return session;
    }

    /**
     * Connects and logs in: with the password, or with a token from {@code tokens} in a session made for them
     * ({@link TokenLogin}).
     *
     * @param name what messages call the server or account
     */
    public static void login(Service service, String name, ServerAddress address, String password,
            BearerTokens tokens) throws MessagingException {
        if (tokens != null) {
            TokenLogin.login(service, name, address, tokens);
        } else {
            service.connect(address.host(), address.port(), address.user(), password);
        }
    }

    /**
     * The refusal of a server that offers no TLS, or null when {@code e} is something else. Temporary: the offer may
     * have been taken out on the way, and cron tries again; nothing was sent.
     *
     * @param name what messages call the server (never with a password)
     */
    public static TemporaryFailureException noTls(String name, ServerAddress address, Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (offersNoStartTls(t)) {
                return withoutTls(name, address, e);
            }
        }
        return null;
    }

    /**
     * Whether an imap://, pop3:// or smtp:// connection upgrades with STARTTLS when the server offers it: always,
     * unless the settings say {@code tls: none}. For a client of our own (POP3), as {@link #session} tells Angus.
     */
    public static boolean startTls(ServerAddress address, Tls tls) {
        return !address.tls() && tls != Tls.NONE;
    }

    /** Whether a server that offers no STARTTLS must get no credential: the refusal is {@link #withoutTls}. */
    public static boolean startTlsRequired(ServerAddress address, Tls tls, boolean login) {
        return startTls(address, tls) && login;
    }

    /** The refusal of a server without STARTTLS, said before any credential was sent. */
    public static TemporaryFailureException withoutTls(String name, ServerAddress address, Throwable cause) {
        String allow = address.smtp()
                ? "tls: none under mail: smtp: in the config file, or TENANTDESK_SMTP_TLS=none"
                : "tls: none in the account's settings (with --source: --tls none)";
        return new TemporaryFailureException(name + ": the server offers no TLS (STARTTLS), so the password was not"
                + " sent; use " + address.secureScheme() + " if the server has it, or allow clear text with " + allow,
                cause);
    }

    /** Whether {@code t} is Angus' refusal of a server without STARTTLS, said before any credential was sent. */
    static boolean offersNoStartTls(Throwable t) {
        return t.getMessage() != null && NO_STARTTLS.stream().anyMatch(t.getMessage()::contains);
    }

    /** One login by token in a client of our own: null when the server took it, else what it answered. */
    public interface TokenAttempt {
        String login(String token) throws IOException;
    }

    /**
     * A login by token for a client of our own (POP3), with the rules and words of {@link #login}: {@code attempt}
     * runs on a connection that is encrypted already, once the server has offered XOAUTH2; a cached token refused is
     * replaced once.
     */
    public static void login(String name, ServerAddress address, BearerTokens tokens, TokenAttempt attempt)
            throws IOException {
        TokenLogin.login(name, address, tokens, attempt);
    }

    /** A token is never sent over this connection: it is not encrypted (pop3:// without STLS, or tls: none). */
    public static TemporaryFailureException tokenWithoutTls(String name, ServerAddress address) {
        return TokenLogin.withoutTls(name, address, null);
    }

    /** A token is never sent to this server: it offers no bearer mechanism we speak. */
    public static InvalidInputException noTokenMechanism(String name, ServerAddress address) {
        return TokenLogin.noMechanism(name, address, null);
    }
}
