package no.tenantdesk.mail.out;

import java.time.Duration;
import javax.net.ssl.SSLSocketFactory;
import no.tenantdesk.domain.InvalidInputException;
import no.tenantdesk.mail.BearerTokens;
import no.tenantdesk.mail.ServerAddress;
import no.tenantdesk.mail.Tls;

/**
 * Where and how to send: {@code smtps://[user@]host[:port]} (TLS from the first byte, port 465 by default) or
 * {@code smtp://[user@]host[:port]} (STARTTLS, which a login requires, and a relay without one uses when the server
 * offers it; port 25 by default, so write :587 for a provider's submission port). Certificates are always checked,
 * host name included.
 *
 * @param name       what messages call the server: the URL as given (a password in it is refused, never shown)
 * @param password   null when the server needs no login or takes an OAuth 2.0 token; never part of the URL
 * @param tls        {@link Tls#NONE} to send the password in clear text to an smtp:// server without STARTTLS (a
 *                   token never goes so)
 * @param timeout    for connecting, and for each read and write
 * @param sslSockets null for the JVM's trusted certificates; tests pass one that trusts their own server
 * @param tokens     null, or the OAuth 2.0 tokens the user named in the URL logs in with instead of a password
 */
public record SmtpSettings(
        String name,
        ServerAddress address,
        String password,
        Tls tls,
        Duration timeout,
        SSLSocketFactory sslSockets,
        BearerTokens tokens) {

    /** Long enough for a slow server to accept a large message; short enough that cron does not hang. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);

    public SmtpSettings {
        if (!address.smtp()) {
            throw new InvalidInputException(name + ": not an SMTP server; write smtps://[USER@]HOST[:PORT]"
                    + " or smtp://[USER@]HOST[:PORT]");
        }
        if (password != null && address.user() == null) {
            throw new InvalidInputException(name + ": a password is set but the URL names no user;"
                    + " write " + address.protocol() + "://USER@" + address.host());
        }
        if (tokens != null && address.user() == null) {
            throw new InvalidInputException(name + ": OAuth 2.0 logs in as a user, and the URL names none;"
                    + " write " + address.protocol() + "://USER@" + address.host() + " or set user:");
        }
        if (tokens != null && password != null) {
            throw new InvalidInputException(name + ": give a password or OAuth 2.0, not both");
        }
        if (password == null && tokens == null && address.user() != null) {
            throw new InvalidInputException(name + ": the URL names the user " + address.user()
                    + " but no password is set");
        }
        tls = tls == null ? Tls.REQUIRED : tls;
        timeout = timeout == null || timeout.isZero() || timeout.isNegative() ? DEFAULT_TIMEOUT : timeout;
    }

    /**
     * Settings from a URL and the password kept apart from it, with the default timeout.
     *
     * @param password null when the URL names no user
     */
    public static SmtpSettings parse(String url, String password) {
        return parse(url, password, null);
    }

    /** @param tokens null, or the OAuth 2.0 tokens the URL's user logs in with (then no password) */
    public static SmtpSettings parse(String url, String password, BearerTokens tokens) {
        String text = url == null ? "" : url.strip();
        if (text.isEmpty()) {
            throw new InvalidInputException("no SMTP server given; write smtps://[USER@]HOST[:PORT]");
        }
        String name = ServerAddress.withoutPassword(text);
        return new SmtpSettings(name, ServerAddress.parse(name, text), password, null, null, null, tokens);
    }

    public SmtpSettings withTls(Tls tls) {
        return new SmtpSettings(name, address, password, tls, timeout, sslSockets, tokens);
    }

    public SmtpSettings withTimeout(Duration timeout) {
        return new SmtpSettings(name, address, password, tls, timeout, sslSockets, tokens);
    }

    public SmtpSettings withSslSockets(SSLSocketFactory sslSockets) {
        return new SmtpSettings(name, address, password, tls, timeout, sslSockets, tokens);
    }

    /** Never the password: settings end up in log lines and assertion messages. */
    @Override
    public String toString() {
        return "SmtpSettings[" + name + (password == null ? "" : ", with password")
                + (tokens == null ? "" : ", with OAuth 2.0") + (tls == Tls.NONE ? ", tls none" : "") + ", timeout "
                + timeout + "]";
    }
}
