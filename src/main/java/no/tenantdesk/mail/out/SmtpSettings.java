package no.tenantdesk.mail.out;

import java.time.Duration;
import javax.net.ssl.SSLSocketFactory;
import no.tenantdesk.domain.InvalidInputException;
import no.tenantdesk.mail.ServerAddress;
import no.tenantdesk.mail.Tls;

/**
 * Where and how to send: {@code smtps://[user@]host[:port]} (TLS from the first byte, port 465 by default) or
 * {@code smtp://[user@]host[:port]} (STARTTLS, which a login requires, and a relay without one uses when the server
 * offers it; port 25 by default, so write :587 for a provider's submission port). Certificates are always checked,
 * host name included.
 *
 * @param name       what messages call the server: the URL as given (a password in it is refused, never shown)
 * @param password   null when the server needs no login; never part of the URL
 * @param tls        {@link Tls#NONE} to send the password in clear text to an smtp:// server without STARTTLS
 * @param timeout    for connecting, and for each read and write
 * @param sslSockets null for the JVM's trusted certificates; tests pass one that trusts their own server
 */
public record SmtpSettings(
        String name,
        ServerAddress address,
        String password,
        Tls tls,
        Duration timeout,
        SSLSocketFactory sslSockets) {

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
        if (password == null && address.user() != null) {
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
        String text = url == null ? "" : url.strip();
        if (text.isEmpty()) {
            throw new InvalidInputException("no SMTP server given; write smtps://[USER@]HOST[:PORT]");
        }
        String name = ServerAddress.withoutPassword(text);
        return new SmtpSettings(name, ServerAddress.parse(name, text), password, null, null, null);
    }

    public SmtpSettings withTls(Tls tls) {
        return new SmtpSettings(name, address, password, tls, timeout, sslSockets);
    }

    public SmtpSettings withTimeout(Duration timeout) {
        return new SmtpSettings(name, address, password, tls, timeout, sslSockets);
    }

    public SmtpSettings withSslSockets(SSLSocketFactory sslSockets) {
        return new SmtpSettings(name, address, password, tls, timeout, sslSockets);
    }

    /** Never the password: settings end up in log lines and assertion messages. */
    @Override
    public String toString() {
        return "SmtpSettings[" + name + (password == null ? "" : ", with password")
                + (tls == Tls.NONE ? ", tls none" : "") + ", timeout " + timeout + "]";
    }
}
