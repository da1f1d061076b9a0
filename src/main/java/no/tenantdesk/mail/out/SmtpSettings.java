package no.tenantdesk.mail.out;

import java.time.Duration;
import java.util.function.Consumer;
import javax.net.ssl.SSLSocketFactory;
import no.tenantdesk.domain.InvalidInputException;
import no.tenantdesk.mail.ServerAddress;

/**
 * Where and how to send: {@code smtps://[user@]host[:port]} (TLS from the first byte, port 465 by default) or
 * {@code smtp://[user@]host[:port]} (STARTTLS whenever the server offers it, plain text otherwise; port 25 by
 * default, so write :587 for a provider's submission port). Certificates are always checked, host name included.
 *
 * @param name       what messages call the server: the URL as given (a password in it is refused, never shown)
 * @param password   null when the server needs no login; never part of the URL
 * @param timeout    for connecting, and for each read and write
 * @param sslSockets null for the JVM's trusted certificates; tests pass one that trusts their own server
 * @param warnings   one line each, for the user: a password that crossed the network unencrypted
 */
public record SmtpSettings(
        String name,
        ServerAddress address,
        String password,
        Duration timeout,
        SSLSocketFactory sslSockets,
        Consumer<String> warnings) {

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

    public SmtpSettings withTimeout(Duration timeout) {
        return new SmtpSettings(name, address, password, timeout, sslSockets, warnings);
    }

    public SmtpSettings withSslSockets(SSLSocketFactory sslSockets) {
        return new SmtpSettings(name, address, password, timeout, sslSockets, warnings);
    }

    public SmtpSettings withWarnings(Consumer<String> warnings) {
        return new SmtpSettings(name, address, password, timeout, sslSockets, warnings);
    }

    /** Never the password: settings end up in log lines and assertion messages. */
    @Override
    public String toString() {
        return "SmtpSettings[" + name + (password == null ? "" : ", with password") + ", timeout " + timeout + "]";
    }
}
