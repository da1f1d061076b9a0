package no.tenantdesk.testing;

import java.io.OutputStream;
import java.time.Duration;

/**
 * For {@code scripts/bench-fetch --rtt MS}: a real Dovecot (IMAP and POP3, no TLS) on loopback, and a
 * {@link LatencyProxy} before each of its ports that delays each direction by half the round trip. Prints one line,
 * {@code IMAP_PORT POP3_PORT MAILDIR PASSWORD} (the user is "kari"; the ports are the proxies'), then serves until its
 * standard input closes.
 */
public final class BenchMailServer {

    private BenchMailServer() {}

    public static void main(String[] args) throws Exception {
        if (args.length != 1 || !args[0].matches("\\d+")) {
            System.err.println("usage: BenchMailServer RTT_MS");
            System.exit(2);
        }
        Duration oneWay = Duration.ofNanos(Duration.ofMillis(Long.parseLong(args[0])).toNanos() / 2);
        Dovecot dovecot = new Dovecot().withPop3();
        dovecot.beforeAll(null);
        try (LatencyProxy imap = new LatencyProxy(dovecot.host(), dovecot.port(), oneWay);
                LatencyProxy pop3 = new LatencyProxy(dovecot.host(), dovecot.pop3Port(), oneWay)) {
            System.out.println(imap.port() + " " + pop3.port() + " " + dovecot.maildir() + " " + dovecot.password());
            System.out.flush();
            System.in.transferTo(OutputStream.nullOutputStream());
        } finally {
            dovecot.afterAll(null);
        }
    }
}
