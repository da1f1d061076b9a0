package no.tenantdesk.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import no.tenantdesk.mail.Tls;
import no.tenantdesk.mail.in.MailSources;
import no.tenantdesk.mail.in.MessageParser;
import no.tenantdesk.mail.in.StopSignal;
import no.tenantdesk.service.FetchService.Mailbox;
import no.tenantdesk.store.Database;
import no.tenantdesk.testing.Dovecot;
import no.tenantdesk.testing.LatencyProxy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The waiting half of fetch-mail --watch against a real Dovecot, seen through a proxy that records what the client
 * says and can take the network down: the IDLE is ended and begun again on one connection at the renewal interval
 * (here half a second, not 25 minutes); a server without IDLE is polled, and said so once; the waiting connection's
 * own outage is said once, however many tries it takes, and once when it waits again. The rounds here only count:
 * what a round files is {@code WatchProcessIT}'s.
 */
class MailWatchIT {

    private static final Duration NEVER = Duration.ofHours(1);

    @TempDir
    Path folder;

    LatencyProxy proxy;
    Database database;
    final List<String> log = new CopyOnWriteArrayList<>();
    final StopSignal stop = new StopSignal();

    @AfterEach
    void tearDown() {
        stop.stop();
        if (proxy != null) {
            proxy.close();
        }
        if (database != null) {
            database.close();
        }
    }

    /** Starts a watch of Dovecot's INBOX through the proxy; it runs until {@code until} holds of the rounds so far. */
    Thread watch(Dovecot dovecot, Duration poll, Duration idle, Predicate<Integer> until) {
        proxy = new LatencyProxy(dovecot.host(), dovecot.port());
        database = Database.open(folder.resolve("tenantdesk.db"), Duration.ofSeconds(10));
        FetchService fetching = new FetchService(database, Clock.systemUTC(),
                new MailSettings(MessageParser.DEFAULT_MAX_ATTACHMENT_SIZE, Set.of(), true, null),
                new Scratch(folder.resolve("scratch"), null), MailSources::open);
        Mailbox inbox = new Mailbox("inbox", "imap://" + dovecot.user() + "@127.0.0.1:" + proxy.port() + "/INBOX",
                dovecot.password(), Tls.NONE, null, null);
        AtomicInteger rounds = new AtomicInteger();
        MailWatch watch = new MailWatch(fetching, List.of(inbox), poll, idle, log::add, stop);
        Thread running = new Thread(() -> watch.run(s -> {
            if (until.test(rounds.incrementAndGet())) {
                s.stop();
            }
            return Map.of();
        }), "watch-under-test");
        running.start();
        return running;
    }

    static void awaitEnd(Thread watch, Duration within) throws InterruptedException {
        watch.join(within.toMillis());
        assertThat(watch.isAlive()).as("the watch ended within %s", within).isFalse();
    }

    long sent(String command) {
        return proxy.clientLines().stream().filter(line -> line.matches("(\\S+ )?" + command)).count();
    }

    @Nested
    class WithIdle {

        @RegisterExtension
        final Dovecot dovecot = new Dovecot();

        @Test
        void theIdleIsRenewedOnTheSameConnectionAtTheIntervalAndEachRenewalIsARound() throws Exception {
            // Polled never: only the watcher's rings (its first, then one per renewal) can bring six rounds.
            Thread watch = watch(dovecot, NEVER, Duration.ofMillis(500), rounds -> rounds >= 6);
            awaitSent("IDLE", 1);
            long connected = proxy.connections(); // Angus' store and its folder: a connection each

            awaitEnd(watch, Duration.ofSeconds(30));

            assertThat(sent("IDLE")).as("IDLE begun again after each renewal").isGreaterThanOrEqualTo(4);
            assertThat(sent("DONE")).as("each IDLE ended before the next").isGreaterThanOrEqualTo(sent("IDLE") - 1);
            assertThat(proxy.connections()).as("renewed, not reconnected").isEqualTo(connected);
            assertThat(log).isEmpty();
        }

        @Test
        void theWaitingConnectionsOutageIsSaidOnceAndOnceWhenItWaitsAgain() throws Exception {
            Thread watch = watch(dovecot, NEVER, NEVER, rounds -> false);
            awaitSent("IDLE", 1);

            proxy.down();
            // The first try fails at once, the second after 5 s: two tries, one line.
            long refusedBy = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (proxy.refused() < 2) {
                assertThat(System.nanoTime() - refusedBy).as("two tries refused within 60 s").isNegative();
                Thread.sleep(20);
            }
            proxy.up();
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (log.size() < 2 && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }

            assertThat(log).hasSize(2);
            assertThat(log.get(0)).isEqualTo("inbox: the connection that waits for new mail was lost (looking every 60"
                    + " minutes meanwhile; reconnecting with growing pauses)");
            assertThat(log.get(1)).isEqualTo("inbox: waiting for new mail again");
            awaitSent("IDLE", 2);
            stop.stop();
            awaitEnd(watch, Duration.ofSeconds(15));
        }

        private void awaitSent(String command, int count) throws InterruptedException {
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (sent(command) < count) {
                assertThat(System.nanoTime() - deadline).as("%d × %s within 30 s", count, command).isNegative();
                Thread.sleep(20);
            }
        }
    }

    @Nested
    class WithoutIdle {

        @RegisterExtension
        final Dovecot dovecot = new Dovecot().withoutIdle();

        @Test
        void aServerWithoutIdleIsPolledAndSaidSoOnce() throws Exception {
            Thread watch = watch(dovecot, Duration.ofSeconds(1), NEVER, rounds -> rounds >= 4);

            awaitEnd(watch, Duration.ofSeconds(30));

            assertThat(log).containsExactly("inbox: the server has no IDLE; looking for new mail every 1 second");
            assertThat(sent("IDLE")).isZero();
        }
    }
}
