package no.tenantdesk.service;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import no.tenantdesk.domain.TemporaryFailureException;
import no.tenantdesk.domain.TenantdeskException;
import no.tenantdesk.mail.in.MailSource;
import no.tenantdesk.mail.in.StopSignal;
import no.tenantdesk.service.FetchService.Mailbox;

/**
 * fetch-mail --watch: runs the import again whenever new mail may have come, until stopped. Each IMAP mailbox whose
 * server has IDLE gets a connection of its own that waits for the server's word (renewed before servers drop it, every
 * {@link #IDLE} unless told otherwise), and each Maildir a watch on its new/ folder; the others are looked at every
 * {@code poll} (said once for an IMAP server without IDLE). A round is an ordinary fetch-mail run, run lock and all,
 * so a cron job beside the watch finds the lock free between rounds. A mailbox that fails (cannot be reached, or
 * refuses the login) is tried again with a growing pause, and said once when it fails and once when it is back, not
 * at every try; so is the waiting connection's own loss, which the rounds do not see (a NAT that forgets an idle
 * connection, a server that restarts between two rounds).
 */
public final class MailWatch {

    /** Under the 29 minutes after which RFC 2177 lets a server end an IDLE. */
    public static final Duration IDLE = Duration.ofMinutes(25);
    private static final Duration FIRST_PAUSE = Duration.ofSeconds(5);
    private static final Duration LONGEST_PAUSE = Duration.ofMinutes(5);

    /**
     * One round: imports what is waiting; returns the mailboxes that failed (a network, a server down, a login
     * refused), each with its one-line failure, which the round itself leaves unsaid.
     */
    public interface Round {
        Map<String, String> run(StopSignal stop);
    }

    private final FetchService fetching;
    private final List<Mailbox> mailboxes;
    private final Duration poll;
    private final Duration idle;
    private final Consumer<String> log;
    private final StopSignal stop;
    /** Rung by a watcher when its server tells of new mail; the rounds wait on it. */
    private final Object bell = new Object();
    private boolean rung;
    private final Set<String> unreachable = new HashSet<>();

    /**
     * @param poll how often the mailboxes are looked at anyway (and the only look at those that cannot tell of mail)
     * @param idle how long one IDLE lasts before it is renewed: {@link #IDLE}, shorter in tests
     */
    public MailWatch(FetchService fetching, List<Mailbox> mailboxes, Duration poll, Duration idle,
            Consumer<String> log, StopSignal stop) {
        this.fetching = fetching;
        this.mailboxes = List.copyOf(mailboxes);
        this.poll = poll;
        this.idle = idle;
        this.log = log;
        this.stop = stop;
    }

    /** Runs rounds until the stop signal; returns once the last round is done and every connection closed. */
    public void run(Round round) {
        List<Thread> watchers = new ArrayList<>();
        for (Mailbox mailbox : mailboxes) {
            if (mailbox.uri().startsWith("imap") || mailbox.uri().startsWith("maildir:")) {
                Thread watcher = new Thread(() -> watch(mailbox), "tenantdesk-watch-" + mailbox.name());
                watcher.setDaemon(true);
                watcher.start();
                watchers.add(watcher);
            }
        }
        Duration pause = FIRST_PAUSE;
        try {
            while (!stop.stopped()) {
                Map<String, String> failed = round.run(stop);
                said(failed);
                if (failed.isEmpty()) {
                    pause = FIRST_PAUSE;
                    await(poll);
                } else {
                    await(pause);
                    pause = longer(pause);
                }
            }
        } finally {
            stop.stop();
            for (Thread watcher : watchers) {
                try {
                    watcher.join(Duration.ofSeconds(10).toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }

    /** One line when a mailbox stops answering, one when it is back; nothing for the tries in between. */
    private void said(Map<String, String> failed) {
        failed.forEach((name, failure) -> {
            if (unreachable.add(name)) {
                log.accept(failure + " (trying again with growing pauses, up to " + LONGEST_PAUSE.toMinutes()
                        + " minutes, until it works)");
            }
        });
        for (String name : List.copyOf(unreachable)) {
            if (!failed.containsKey(name)) {
                unreachable.remove(name);
                log.accept(name + ": working again");
            }
        }
    }

    /** Until a watcher rings, {@code time} has passed, or the watch stops. */
    private void await(Duration time) {
        long deadline = System.nanoTime() + time.toNanos();
        StopSignal.Registration waking = stop.onStop(this::ring);
        try {
            synchronized (bell) {
                for (long left = time.toNanos(); !rung && !stop.stopped() && left > 0;
                        left = deadline - System.nanoTime()) {
                    bell.wait(Math.max(1, left / 1_000_000));
                }
                rung = false;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stop.stop();
        } finally {
            waking.close();
        }
    }

    private void ring() {
        synchronized (bell) {
            rung = true;
            bell.notifyAll();
        }
    }

    /**
     * A connection of its own (no spool: it only waits, never fetches) that idles on the mailbox's folder and rings at
     * new mail; a server without IDLE, or one that refuses it, leaves the mailbox to the poll, said once. A lost
     * connection is opened again after a growing pause, said once when lost and once when it waits again.
     */
    private void watch(Mailbox mailbox) {
        Duration pause = FIRST_PAUSE;
        boolean lost = false;
        while (!stop.stopped()) {
            try (MailSource source = fetching.open(fetching.spec(mailbox, null, null, line -> {}))) {
                if (!(source instanceof MailSource.Watchable watchable) || !watchable.tellsOfNewMail()) {
                    log.accept(mailbox.name() + ": the server has no IDLE; looking for new mail " + every(poll));
                    return;
                }
                watchable.startWatching();
                if (lost) {
                    log.accept(mailbox.name() + ": waiting for new mail again");
                    lost = false;
                }
                pause = FIRST_PAUSE;
                ring(); // what came while this connection was down (or before it was up) is the next round's
                while (!stop.stopped()) {
                    watchable.awaitMail(idle, stop);
                    if (!watchable.tellsOfNewMail()) {
                        log.accept(mailbox.name() + ": the server refused IDLE; looking for new mail " + every(poll));
                        return;
                    }
                    if (!stop.stopped()) {
                        ring(); // IDLE renewed after IDLE's time, or new mail: either way, a round does no harm
                    }
                }
            } catch (TemporaryFailureException e) {
                if (!lost && !stop.stopped()) {
                    // Not the failure's own words: a cut connection's are Jakarta Mail's ("* BYE … IOException"), and
                    // what is wrong with the server the rounds say in theirs.
                    log.accept(mailbox.name() + ": the connection that waits for new mail was lost (looking "
                            + every(poll) + " meanwhile; reconnecting with growing pauses)");
                    lost = true;
                }
                stop.sleep(pause);
                pause = longer(pause);
            } catch (TenantdeskException e) {
                return; // refused for good (a login, a folder): the rounds say so, and poll
            }
        }
    }

    /** "every minute", "every 5 minutes", "every 30 seconds". */
    static String every(Duration time) {
        if (time.toSeconds() % 60 != 0) {
            return "every " + time.toSeconds() + (time.toSeconds() == 1 ? " second" : " seconds");
        }
        long minutes = time.toMinutes();
        return minutes == 1 ? "every minute" : "every " + minutes + " minutes";
    }

    private static Duration longer(Duration pause) {
        Duration twice = pause.multipliedBy(2);
        return twice.compareTo(LONGEST_PAUSE) > 0 ? LONGEST_PAUSE : twice;
    }
}
