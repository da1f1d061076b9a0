package no.tenantdesk.cli;

import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import no.tenantdesk.domain.InvalidInputException;
import no.tenantdesk.mail.in.StopSignal;
import no.tenantdesk.render.TerminalText;
import no.tenantdesk.service.FetchService.Mailbox;
import no.tenantdesk.service.MailWatch;
import picocli.CommandLine.Model.CommandSpec;

/**
 * fetch-mail --watch in its own process (fetch-mail never runs in the daemon): rounds of fetch-mail through
 * {@link MailWatch} until SIGTERM or SIGINT, which end it after the round under way has filed and marked done what it
 * fetched (exit 0). Any other shutdown of the JVM waits for that round the same way.
 */
final class FetchWatch {

    /** How often a mailbox that cannot tell of new mail (POP3, Maildir, mbox, IMAP without IDLE) is looked at. */
    static final Duration POLL = Duration.ofMinutes(1);
    /** The most a stop waits for the round under way: a batch is committed within it, or rolled back whole. */
    private static final Duration LAST_ROUND = Duration.ofSeconds(60);

    /** One fetch-mail round, as {@link FetchMailCommand} runs it. */
    interface Round {
        int run(List<Mailbox> mailboxes, StopSignal stop, Map<String, String> failures);
    }

    private FetchWatch() {}

    /** Options that do not go with a watch, said before anything is read (the config, a mailbox, a password). */
    static void check(boolean dryRun, String source) {
        if (dryRun) {
            throw new InvalidInputException("--watch does not go with --dry-run: a watch files what comes");
        }
        if ("-".equals(source)) {
            throw new InvalidInputException("--watch does not go with --source -: a message on stdin comes once");
        }
    }

    static int watch(App app, CommandSpec spec, List<Mailbox> mailboxes, Round round) {
        StopSignal stop = new StopSignal();
        CountDownLatch finished = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            stop.stop();
            try {
                finished.await(LAST_ROUND.toSeconds(), TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "tenantdesk-watch-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        // SIGTERM (systemd's stop) and SIGINT (Ctrl-C) stop the watch and let it end as a finished run, exit 0; the
        // hook covers every other way the JVM is told to end (and these, should the JVM not let us handle them).
        handle(stop, "TERM", "INT");
        try {
            new MailWatch(app.fetching(), mailboxes, POLL, MailWatch.IDLE,
                    line -> spec.commandLine().getErr().println("tenantdesk: " + TerminalText.line(line)), stop)
                    .run(s -> {
                        Map<String, String> failures = new LinkedHashMap<>();
                        round.run(mailboxes, s, failures);
                        spec.commandLine().getErr().flush();
                        return failures;
                    });
        } finally {
            finished.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException e) {
                // Stopping by a signal: the hook runs, and has just been let go.
            }
        }
        return ExitCodes.OK;
    }

    /**
     * sun.misc.Signal, the JDK's one way to handle a signal (module jdk.unsupported), by reflection: a compiler told
     * -Werror refuses to name it.
     */
    private static void handle(StopSignal stop, String... names) {
        try {
            Class<?> signal = Class.forName("sun.misc.Signal");
            Class<?> handler = Class.forName("sun.misc.SignalHandler");
            Object stopping = Proxy.newProxyInstance(handler.getClassLoader(), new Class<?>[] {handler},
                    (proxy, method, arguments) -> {
                        if (method.getName().equals("handle")) {
                            stop.stop();
                        }
                        return null;
                    });
            Method handle = signal.getMethod("handle", signal, handler);
            for (String name : names) {
                handle.invoke(null, signal.getConstructor(String.class).newInstance(name), stopping);
            }
        } catch (ReflectiveOperationException | IllegalArgumentException e) {
            // No signal handling in this JVM: the shutdown hook stops the watch instead (exit 143 or 130).
        }
    }
}
