package no.tenantdesk.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.Service;
import jakarta.mail.Session;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Properties;
import java.util.function.Consumer;
import javax.net.ssl.SSLSocketFactory;

/**
 * The Jakarta Mail settings that IMAP, POP3 and SMTP share: timeouts and TLS; and the one place that hands a password
 * or (through {@link TokenLogin}) an OAuth 2.0 token to a server.
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
