package no.tenantdesk.mail;

import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import jakarta.mail.NoSuchProviderException;
import jakarta.mail.Provider;
import jakarta.mail.Service;
import jakarta.mail.Session;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Properties;
import java.util.function.Consumer;
import javax.net.ssl.SSLSocketFactory;
import no.tenantdesk.domain.InvalidInputException;

/**
 * The Jakarta Mail settings that IMAP, POP3 and SMTP share: timeouts and TLS; and the one place that hands a password
 * or an OAuth 2.0 token to a server.
 */
public final class ServerSessions {

    private ServerSessions() {}

    /**
     * A session of its own (never the shared default one), so that two servers never see each other's settings.
     *
     * @param sslSockets null for the JVM's trusted certificates; tests pass one that trusts their own server
     */
    public static Session session(ServerAddress address, Duration timeout, SSLSocketFactory sslSockets,
            Properties extra) {
        return session(address, timeout, sslSockets, extra, null);
    }

    /** @param tokens null to log in with a password (or not at all); else the tokens to log in with, over TLS only */
    public static Session session(ServerAddress address, Duration timeout, SSLSocketFactory sslSockets,
            Properties extra, BearerTokens tokens) {
        String p = "mail." + address.protocol() + ".";
        Properties props = new Properties();
        String millis = Long.toString(timeout.toMillis());
        props.setProperty(p + "connectiontimeout", millis);
        props.setProperty(p + "timeout", millis);
        // imaps/pop3s/smtps: TLS from the first byte; imap/pop3/smtp: upgrade with STARTTLS whenever the server
        // offers it. Either way the certificate must be trusted and name the host we asked for.
        props.setProperty(p + "ssl.checkserveridentity", "true");
        if (!address.tls()) {
            props.setProperty(p + "starttls.enable", "true");
        }
        if (sslSockets != null) {
            props.put(p + "ssl.socketFactory", sslSockets);
        }
        props.putAll(extra);
        if (tokens != null) {
            props.putAll(tokenLogin(address));
        }
        Session session = Session.getInstance(props);
        if (tokens != null && address.imap()) {
            try {
                session.setProvider(new Provider(Provider.Type.STORE, address.protocol(),
                        TokenImapStore.class.getName(), "tenantdesk", "1"));
            } catch (NoSuchProviderException e) {
                throw new IllegalStateException("a provider with a class name is always taken", e);
            }
        }
        return session;
    }

    /**
     * A token is a password that opens the mailbox without the user's password, and it may not cross a network in
     * clear text, not even to a server on loopback: imaps, pop3s and smtps are TLS from the first byte, and imap, pop3
     * and smtp must upgrade with STARTTLS, or Angus fails before it logs in. Then only the bearer mechanisms, chosen
     * from those the server offers: never LOGIN or PLAIN with a token as the password.
     */
    private static Properties tokenLogin(ServerAddress address) {
        String p = "mail." + address.protocol() + ".";
        Properties props = new Properties();
        if (!address.tls()) {
            props.setProperty(p + "starttls.required", "true");
        }
        if (address.imap() || address.smtp()) {
            TokenSasl.register();
            // Angus tries no other mechanism after SASL: what the server does not offer of these fails the login.
            props.setProperty(p + "sasl.enable", "true");
            props.setProperty(p + "sasl.mechanisms", TokenSasl.OAUTHBEARER + " " + TokenSasl.XOAUTH2);
            if (address.port() > 0) {
                props.setProperty(TokenSasl.PORT_PROPERTY, Integer.toString(address.port()));
            }
        }
        if (address.smtp()) {
            props.setProperty(p + "auth", "true");
        }
        // POP3 in Angus has no SASL, only its own XOAUTH2; for SMTP it is what Angus falls back to when Java's SASL
        // cannot be used at all. Angus leaves XOAUTH2 off unless told.
        props.setProperty(p + "auth.mechanisms", TokenSasl.XOAUTH2);
        props.setProperty(p + "auth.xoauth2.disable", "false");
        return props;
    }

    /**
     * Connects and logs in: with the password, or with a token from {@code tokens} (in a session made for them). A
     * cached token the server refuses (revoked early, say) is forgotten and a new one fetched, once; a fresh token the
     * server refuses is an error a person has to act on, with the tokens' advice.
     *
     * @param name what messages call the server or account
     */
    public static void login(Service service, String name, ServerAddress address, String password,
            BearerTokens tokens) throws MessagingException {
        if (tokens == null) {
            service.connect(address.host(), address.port(), address.user(), password);
            return;
        }
        String token = tokens.token();
        try {
            connect(service, name, address, token);
            return;
        } catch (AuthenticationFailedException e) {
            if (!tokens.refused(token)) {
                throw refused(name, address, tokens, token, e);
            }
        }
        token = tokens.token();
        try {
            connect(service, name, address, token);
        } catch (AuthenticationFailedException e) {
            tokens.refused(token);
            throw refused(name, address, tokens, token, e);
        }
    }

    private static void connect(Service service, String name, ServerAddress address, String token)
            throws MessagingException {
        try {
            service.connect(address.host(), address.port(), address.user(), token);
        } catch (MessagingException e) {
            // Angus' words for a server without STARTTLS when it is required ("STLS" for POP3, which calls it a
            // failed login), and for one without the bearer mechanisms (POP3, SMTP; IMAP: TokenImapStore's): all
            // said before any login.
            String why = String.valueOf(ServerFailures.rootMessage(e));
            if ((why.contains("required") && (why.contains("STARTTLS") || why.contains("STLS")))
                    || why.equals(TokenImapStore.NO_TLS)) {
                throw new InvalidInputException(name + ": the server offers no STARTTLS, and an OAuth 2.0 token never"
                        + " crosses a network unencrypted; use " + address.secureScheme() + " (TLS from the first"
                        + " byte) if the server has it", e);
            }
            if (why.equals(TokenImapStore.NO_MECHANISM)
                    || why.equals("No authentication mechanisms supported by both server and client")) {
                throw new InvalidInputException(name + ": " + TokenImapStore.NO_MECHANISM + " that tenantdesk speaks"
                        + " over " + (address.imap() ? "IMAP (OAUTHBEARER, XOAUTH2); log in with a password-file instead"
                        : address.smtp() ? "SMTP (OAUTHBEARER, XOAUTH2); log in with a password-file instead"
                        : "POP3 (XOAUTH2); use IMAP if the server has it"), e);
            }
            throw e;
        }
    }

    private static InvalidInputException refused(String name, ServerAddress address, BearerTokens tokens, String token,
            AuthenticationFailedException e) {
        String reply = ServerFailures.oneLine(e.getMessage());
        return new InvalidInputException(name + ": the server refused the OAuth 2.0 token for " + address.user()
                + (reply.isEmpty() || reply.equalsIgnoreCase("login failed") ? "" : " (" + reply + ")") + "; "
                + tokens.advice(address.protocol(), token), e);
    }

    /** Tells the user when the password just crossed a network in clear text: loopback is no network. */
    public static void warnIfPlain(String name, ServerAddress address, boolean passwordSent,
            Consumer<String> warnings, boolean encrypted) {
        if (!encrypted && passwordSent && warnings != null && !isLoopback(address.host())) {
            warnings.accept(name + ": the server offers no TLS, so the password went over the network"
                    + " unencrypted; use " + address.secureScheme() + " if the server supports it");
        }
    }

    public static boolean isLoopback(String host) {
        if (host.equalsIgnoreCase("localhost")) {
            return true;
        }
        try {
            // Resolved already by the connection just made, so this asks no one new.
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
