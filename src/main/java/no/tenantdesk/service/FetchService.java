package no.tenantdesk.service;

import java.io.InputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Function;
import no.tenantdesk.domain.MailOutcome;
import no.tenantdesk.domain.TenantdeskException;
import no.tenantdesk.mail.Tls;
import no.tenantdesk.mail.in.MailSource;
import no.tenantdesk.mail.BearerTokens;
import no.tenantdesk.mail.in.SourceSpec;
import no.tenantdesk.mail.in.SourceSpec.AfterImport;
import no.tenantdesk.mail.in.StopSignal;
import no.tenantdesk.store.Database;
import no.tenantdesk.store.RunLock;
import no.tenantdesk.store.Writer;
import no.tenantdesk.triage.Triage;

/**
 * fetch-mail: reads each mailbox, parses every new message before the database is touched (on other threads, while
 * this one files the messages before it), files a batch of them in one transaction (one that fails is quarantined
 * and the rest kept), and only then marks them done at the source ({@link MailboxRun}). Killed at any moment and run
 * again, a message is either committed and known by its source key, or not committed and still waiting at the
 * source: nothing lost, nothing twice.
 */
public final class FetchService {

    private static final Duration SERVER_TIMEOUT = Duration.ofSeconds(60);
    /**
     * Threads that parse, each a message at a time. With large attachments parsing is the slower half (hashing them
     * above all, at about 150 MB/s under C1), so two parse while this thread files; more would only hold more
     * messages at once.
     */
    private static final int PARSERS = Math.min(2, Runtime.getRuntime().availableProcessors());

    private final Database database;
    private final Clock clock;
    private final Scratch scratch;
    private final MailSettings settings;
    private final Function<SourceSpec, MailSource> sources;
    /** The reader for a run's spool folder. */
    private final Function<Path, MailReader> readers;

    /**
     * A mailbox to read: a configured account or an ad-hoc --source.
     *
     * @param tokens null, or the OAuth 2.0 tokens it logs in with instead of a password
     */
    public record Mailbox(String name, String uri, String password, Tls tls, AfterImport afterImport, String moveTo,
            BearerTokens tokens) {

        public Mailbox(String name, String uri, String password, Tls tls, AfterImport afterImport, String moveTo) {
            this(name, uri, password, tls, afterImport, moveTo, null);
        }
    }

    /** What the user sees while a run goes on. */
    public interface Listener {
        default void listed(String source, int waiting) {}

        default void filed(MessageResult result) {}

        default void warning(String line) {}
    }

    /**
     * One mailbox of the run: how many messages it listed, how many of those were stored by an earlier run, and the
     * failure that stopped it, if any (what was committed before it stays committed and marked done).
     */
    public record SourceResult(String name, int listed, int alreadyFetched, TenantdeskException failure) {}

    /**
     * Counts, not the messages themselves, so that a run's memory does not grow with the mailbox: a caller that
     * wants each message has it from {@link Listener#filed}.
     *
     * @param busy    another fetch-mail was running on this database, so this one left it to that one
     * @param skipped by reason
     */
    public record Report(boolean dryRun, boolean busy, List<SourceResult> sources, Map<MailOutcome, Long> outcomes,
            Map<String, Long> skipped) {

        public long count(MailOutcome outcome) {
            return outcomes.getOrDefault(outcome, 0L);
        }

        public long total() {
            return outcomes.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    /** The counting half of a run's listener. */
    private static final class Tally implements Listener {

        private final Listener next;
        private final Map<MailOutcome, Long> outcomes = new EnumMap<>(MailOutcome.class);
        private final Map<String, Long> skipped = new TreeMap<>();

        Tally(Listener next) {
            this.next = next;
        }

        @Override
        public void listed(String source, int waiting) {
            next.listed(source, waiting);
        }

        @Override
        public void filed(MessageResult result) {
            outcomes.merge(result.outcome(), 1L, Long::sum);
            if (result.outcome() == MailOutcome.SKIPPED) {
                skipped.merge(result.reason(), 1L, Long::sum);
            }
            next.filed(result);
        }

        @Override
        public void warning(String line) {
            next.warning(line);
        }
    }

    public FetchService(Database database, Clock clock, MailSettings settings, Scratch scratch,
            Function<SourceSpec, MailSource> sources) {
        this(database, clock, settings, scratch, sources, spool -> new MailReader(settings, spool));
    }

    /** With another reader: a test's, that fails as a hostile mail would make the parser fail. */
    FetchService(Database database, Clock clock, MailSettings settings, Scratch scratch,
            Function<SourceSpec, MailSource> sources, Function<Path, MailReader> readers) {
        this.database = database;
        this.scratch = scratch;
        this.clock = clock;
        this.settings = settings;
        this.sources = sources;
        this.readers = readers;
    }

    /**
     * Reads every mailbox in turn; a mailbox that fails is reported and the next one read. One run at a time per
     * database: a second one, started by cron while the first still works, leaves at once ({@code busy}). A message
     * piped on stdin never leaves like that: the mail server would take a quiet exit as delivered.
     */
    public Report fetch(List<Mailbox> mailboxes, boolean dryRun, InputStream stdin, Listener listener) {
        return fetch(mailboxes, dryRun, stdin, listener, new StopSignal());
    }

    /** The same, ending early between two messages (what was fetched filed and marked done) once {@code stop} stops. */
    public Report fetch(List<Mailbox> mailboxes, boolean dryRun, InputStream stdin, Listener listener,
            StopSignal stop) {
        // First: a rule that names an unknown place or person stops the run before any mail is read.
        Triage triage = database.read(tx -> TriageLoader.load(tx, settings.triaging()));
        boolean piped = mailboxes.stream().allMatch(m -> m.uri().equals("-"));
        Optional<RunLock> lock = piped ? Optional.empty() : database.tryLock("fetch");
        if (!piped && lock.isEmpty()) {
            return new Report(dryRun, true, List.of(), Map.of(), Map.of());
        }
        scratch.sweep(clock.instant()); // the spool folders of runs that were killed
        try (Parsing parsing = new Parsing(readers, scratch.folder("fetch-"));
                Writer writer = database.writer()) {
            List<SourceResult> results = new ArrayList<>();
            Tally tally = new Tally(listener);
            for (Mailbox mailbox : mailboxes) {
                if (stop.stopped()) {
                    break;
                }
                SourceSpec spec = spec(mailbox, stdin, parsing.spool(), listener::warning);
                MailboxRun run = new MailboxRun(spec, context(writer, parsing, triage, dryRun, lock.isPresent(),
                        tally, stop));
                try (MailSource source = sources.apply(spec)) {
                    results.add(run.read(source));
                } catch (TenantdeskException e) {
                    results.add(run.failed(e));
                }
            }
            return new Report(dryRun, false, results, tally.outcomes, tally.skipped);
        } finally {
            lock.ifPresent(RunLock::close);
        }
    }

    /**
     * The threads that parse, the spool folder and the reader that every mailbox of a run (or of a watch) shares.
     * Other threads parse while one files and commits; a source stays on the thread that reads it: an IMAP folder is
     * not safe to share, and a message is marked done only by the thread that committed it.
     */
    static final class Parsing implements AutoCloseable {

        private final ExecutorService threads;
        private final TemporaryFolder spool;
        private final MailReader reader;

        Parsing(Function<Path, MailReader> readers, TemporaryFolder spool) {
            AtomicInteger count = new AtomicInteger();
            threads = Executors.newFixedThreadPool(PARSERS, work -> {
                Thread thread = new Thread(work, "tenantdesk-parse-" + count.incrementAndGet());
                thread.setDaemon(true);
                return thread;
            });
            this.spool = spool;
            reader = readers.apply(spool.path());
        }

        Path spool() {
            return spool.path();
        }

        @Override
        public void close() {
            threads.shutdownNow();
            spool.close();
        }
    }

    SourceSpec spec(Mailbox mailbox, InputStream stdin, Path spool, Consumer<String> warnings) {
        return new SourceSpec(mailbox.name(), mailbox.uri(), mailbox.password(), mailbox.tls(),
                mailbox.afterImport(), mailbox.moveTo(), SERVER_TIMEOUT, stdin, spool, null, warnings,
                mailbox.tokens());
    }

    MailSource open(SourceSpec spec) {
        return sources.apply(spec);
    }

    MailboxRun.Context context(Writer writer, Parsing parsing, Triage triage, boolean dryRun, boolean alone,
            Listener listener, StopSignal stop) {
        return new MailboxRun.Context(database, writer, parsing.threads, parsing.reader, clock, settings, scratch,
                triage, dryRun, alone, listener, stop);
    }
}
