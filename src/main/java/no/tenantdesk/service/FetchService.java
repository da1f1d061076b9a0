package no.tenantdesk.service;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import no.tenantdesk.domain.InvalidInputException;
import no.tenantdesk.domain.MailMessage;
import no.tenantdesk.domain.MailOutcome;
import no.tenantdesk.domain.MatchedBy;
import no.tenantdesk.domain.NotFoundException;
import no.tenantdesk.domain.SkipReason;
import no.tenantdesk.domain.TemporaryFailureException;
import no.tenantdesk.domain.TenantdeskException;
import no.tenantdesk.mail.Tls;
import no.tenantdesk.mail.in.Classifier;
import no.tenantdesk.mail.in.InboundMail;
import no.tenantdesk.mail.in.MailSource;
import no.tenantdesk.mail.in.MailSource.Waiting;
import no.tenantdesk.mail.in.MessageParser;
import no.tenantdesk.mail.in.RawMessage;
import no.tenantdesk.mail.in.SourceSpec;
import no.tenantdesk.mail.in.SourceSpec.AfterImport;
import no.tenantdesk.mail.out.OutgoingMail;
import no.tenantdesk.mail.out.Receipt;
import no.tenantdesk.store.Blobs;
import no.tenantdesk.store.Database;
import no.tenantdesk.store.InquiryMapper;
import no.tenantdesk.store.MailMapper;
import no.tenantdesk.store.RunLock;
import no.tenantdesk.store.Tx;

/**
 * fetch-mail: reads each mailbox, parses every new message before the database is touched (on other threads, while
 * this one files the messages before it), files a batch of them in one transaction (one that fails is quarantined
 * and the rest kept), and only then acknowledges them at the source. Killed at any moment and run again, a message
 * is either committed and known by its source key, or not committed and still waiting at the source: nothing lost,
 * nothing twice.
 */
public final class FetchService {

    /**
     * Messages per transaction: one commit per message would make the disk's sync the speed limit. Each commit also
     * writes out the pages of the indexes it touched, so larger batches write less (500 rather than 200: 4% less of
     * the main thread's time on small mail); the write lock is held for the batch, about a tenth of a second.
     */
    private static final int BATCH_MESSAGES = 500;
    /** Raw bytes per transaction, so that a batch of large messages commits (and is acknowledged) early. */
    private static final long BATCH_BYTES = 64L * 1024 * 1024;
    private static final Duration SERVER_TIMEOUT = Duration.ofSeconds(60);
    /**
     * Threads that parse, each a message at a time. With large attachments parsing is the slower half (hashing them
     * above all, at about 150 MB/s under C1), so two parse while this thread files; more would only hold more
     * messages at once.
     */
    private static final int PARSERS = Math.min(2, Runtime.getRuntime().availableProcessors());

    private final Database database;
    private final Clock clock;
    private final Settings settings;
    private final Function<SourceSpec, MailSource> sources;

    /**
     * @param ownAddresses our mailboxes' addresses: mail From them is our own, come back
     * @param reopenDone   whether a tenant's answer moves a Done inquiry back to todo
     */
    public record Settings(long maxAttachmentSize, Set<String> ownAddresses, boolean reopenDone,
            Acknowledging acknowledging) {}

    /**
     * The receipt a tenant gets for a new inquiry from e-mail; null in {@link Settings} when there is no mail server
     * or receipts are off.
     *
     * @param interval at most one receipt per sender in this long
     */
    public record Acknowledging(Receipt receipt, Duration interval) {

        public OutgoingMail.Address from() {
            return receipt.from();
        }
    }

    /** A mailbox to read: a configured account or an ad-hoc --source. */
    public record Mailbox(String name, String uri, String password, Tls tls, AfterImport afterImport, String moveTo) {}

    /** What the user sees while a run goes on. */
    public interface Listener {
        default void listed(String source, int waiting) {}

        default void filed(MessageResult result) {}

        default void warning(String line) {}
    }

    /** One message of the run. {@code reason}: the skip reason, or the error that quarantined it. */
    public record MessageResult(
            String source,
            String messageId,
            String sender,
            String subject,
            MailOutcome outcome,
            String reason,
            Long inquiryId,
            MatchedBy matchedBy,
            List<InboundMail.OmittedPart> omitted) {}

    /**
     * One mailbox of the run: how many messages it listed, how many of those were stored by an earlier run, and the
     * failure that stopped it, if any (what was committed before it stays committed and acknowledged).
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

    public FetchService(Database database, Clock clock, Settings settings, Function<SourceSpec, MailSource> sources) {
        this.database = database;
        this.clock = clock;
        this.settings = settings;
        this.sources = sources;
    }

    /**
     * Reads every mailbox in turn; a mailbox that fails is reported and the next one read. One run at a time per
     * database: a second one, started by cron while the first still works, leaves at once ({@code busy}). A message
     * piped on stdin never leaves like that: the mail server would take a quiet exit as delivered.
     */
    public Report fetch(List<Mailbox> mailboxes, boolean dryRun, InputStream stdin, Listener listener) {
        boolean piped = mailboxes.stream().allMatch(m -> m.uri().equals("-"));
        Optional<RunLock> lock = piped ? Optional.empty() : database.tryLock("fetch");
        if (!piped && lock.isEmpty()) {
            return new Report(dryRun, true, List.of(), Map.of(), Map.of());
        }
        // Other threads parse while this one files and commits. The sources stay on this thread: an IMAP folder is
        // not safe to share, and a message is acknowledged only by the thread that committed it.
        AtomicInteger parsers = new AtomicInteger();
        ExecutorService parsing = Executors.newFixedThreadPool(PARSERS, work -> {
            Thread thread = new Thread(work, "tenantdesk-parse-" + parsers.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        try (TemporaryFolder folder = new TemporaryFolder("tenantdesk-fetch-");
                Database.Writer writer = database.writer()) {
            Path spool = folder.path();
            MessageParser parser = new MessageParser(settings.maxAttachmentSize(), spool);
            Classifier classifier = new Classifier(settings.ownAddresses());
            List<SourceResult> results = new ArrayList<>();
            Tally tally = new Tally(listener);
            for (Mailbox mailbox : mailboxes) {
                SourceSpec spec = new SourceSpec(mailbox.name(), mailbox.uri(), mailbox.password(),
                        mailbox.tls(), mailbox.afterImport(), mailbox.moveTo(), SERVER_TIMEOUT, stdin, spool, null,
                        listener::warning);
                results.add(new Run(spec, parser, classifier, parsing, writer, dryRun, lock.isPresent(), tally).read());
            }
            return new Report(dryRun, false, results, tally.outcomes, tally.skipped);
        } finally {
            parsing.shutdownNow();
            lock.ifPresent(RunLock::close);
        }
    }

    /** The reading of one mailbox. */
    private final class Run {

        private final SourceSpec spec;
        private final MessageParser parser;
        private final Classifier classifier;
        private final ExecutorService parsing;
        private final Database.Writer writer;
        private final boolean dryRun;
        /**
         * Whether this run holds the database's fetch lock: then no other run can file this source's messages
         * between our listing and our commit, and the check for that is skipped (one query per message).
         */
        private final boolean alone;
        private final Listener listener;
        private final List<Fetched> batch = new ArrayList<>();
        private long batchBytes;
        /**
         * Messages handed to the parsing threads, oldest first. Up to a batch of them, so that the parsers keep
         * working while a whole batch is filed and committed; no more, so that memory stays flat.
         */
        private final Deque<Parsing> ahead = new ArrayDeque<>();
        private long aheadBytes;
        private int listed;
        private int alreadyFetched;

        Run(SourceSpec spec, MessageParser parser, Classifier classifier, ExecutorService parsing,
                Database.Writer writer, boolean dryRun, boolean alone, Listener listener) {
            this.spec = spec;
            this.parser = parser;
            this.classifier = classifier;
            this.parsing = parsing;
            this.writer = writer;
            this.dryRun = dryRun;
            this.alone = alone;
            this.listener = listener;
        }

        SourceResult read() {
            try (MailSource source = sources.apply(spec)) {
                List<Waiting> waiting = source.list();
                listed = waiting.size();
                listener.listed(spec.name(), listed);
                Set<String> known = knownKeys(waiting);
                List<Waiting> done = waiting.stream().filter(w -> known.contains(w.key())).toList();
                alreadyFetched = done.size();
                if (!dryRun && !done.isEmpty()) {
                    source.acknowledge(done); // stored by a run that stopped before it could say so
                }
                TenantdeskException skipped = null;
                try {
                    for (Waiting message : waiting) {
                        if (known.contains(message.key())) {
                            continue;
                        }
                        RawMessage raw;
                        try {
                            raw = source.fetch(message);
                        } catch (TemporaryFailureException e) {
                            throw e;
                        } catch (TenantdeskException e) {
                            // One message that cannot be downloaded (gone meanwhile, refused by the server) is left
                            // at the source for the next run, and said; the others go on.
                            listener.warning(e.getMessage());
                            skipped = e;
                            continue;
                        }
                        parse(source, message, raw);
                    }
                } finally {
                    // A source that fails midway: what was fetched before is still filed and acknowledged.
                    try {
                        while (!ahead.isEmpty()) {
                            fileNext(source);
                        }
                        flush(source);
                    } finally {
                        discardAhead();
                    }
                }
                return new SourceResult(spec.name(), listed, alreadyFetched, skipped);
            } catch (TenantdeskException e) {
                return new SourceResult(spec.name(), listed, alreadyFetched, e);
            }
        }

        private Set<String> knownKeys(List<Waiting> waiting) {
            Set<String> known = new HashSet<>();
            List<String> keys = waiting.stream().map(Waiting::key).toList();
            for (int from = 0; from < keys.size(); from += 1000) { // one JSON parameter a chunk, of a bounded size
                List<String> chunk = keys.subList(from, Math.min(keys.size(), from + 1000));
                known.addAll(database.read(tx -> tx.mapper(MailMapper.class).knownSourceKeys(spec.name(), chunk)));
            }
            return known;
        }

        /** A message on its way through a parsing thread. */
        private record Parsing(Future<Fetched> fetched, RawMessage raw, long size) {}

        private void parse(MailSource source, Waiting waiting, RawMessage raw) {
            long size;
            Future<Fetched> fetched;
            try {
                size = raw.size();
                fetched = parsing.submit(() -> parsed(waiting, raw));
            } catch (RuntimeException e) {
                raw.close();
                throw e;
            }
            ahead.add(new Parsing(fetched, raw, size));
            aheadBytes += size;
            while (ahead.size() > BATCH_MESSAGES || aheadBytes > BATCH_BYTES) {
                fileNext(source);
            }
        }

        /** Runs on a parsing thread: the parser and classifier keep nothing of one message for the next. */
        private Fetched parsed(Waiting waiting, RawMessage raw) {
            try {
                InboundMail mail = parser.parse(raw);
                return new Fetched(waiting, raw, mail, classifier.classify(mail), null);
            } catch (RuntimeException e) {
                return new Fetched(waiting, raw, null, Optional.empty(), oneLine(e));
            }
        }

        /** Adds the oldest message handed to the parser to the batch, once it is parsed. */
        private void fileNext(MailSource source) {
            Parsing oldest = ahead.removeFirst();
            aheadBytes -= oldest.size();
            Fetched fetched;
            try {
                fetched = waitFor(oldest);
            } catch (RuntimeException | Error e) {
                oldest.raw().close();
                throw e;
            }
            batch.add(fetched);
            batchBytes += oldest.size();
            if (batch.size() >= BATCH_MESSAGES || batchBytes >= BATCH_BYTES) {
                flush(source);
            }
        }

        /** After a failure: the messages still with the parser are not filed, and their files are removed. */
        private void discardAhead() {
            while (!ahead.isEmpty()) {
                Parsing pending = ahead.removeFirst();
                try {
                    waitFor(pending).close();
                } catch (RuntimeException | Error e) {
                    pending.raw().close();
                }
            }
            aheadBytes = 0;
        }

        private Fetched waitFor(Parsing pending) {
            try {
                return pending.fetched().get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new TemporaryFailureException("interrupted while a message was parsed", e);
            } catch (ExecutionException e) {
                // parsed() turns every exception into a quarantine; what gets here is an Error, out of memory say.
                if (e.getCause() instanceof Error error) {
                    throw error;
                }
                throw new IllegalStateException(e.getCause());
            }
        }

        private void flush(MailSource source) {
            if (batch.isEmpty()) {
                return;
            }
            List<Fetched> committing = List.copyOf(batch);
            batch.clear();
            batchBytes = 0;
            try {
                Function<Function<Tx, List<MessageResult>>, List<MessageResult>> transaction =
                        dryRun ? writer::trial : writer::write;
                List<MessageResult> results;
                try {
                    results = transaction.apply(tx -> fileAll(tx, committing, false));
                } catch (TemporaryFailureException e) {
                    throw e;
                } catch (RuntimeException e) {
                    // A message that cannot be stored undid the whole batch. Once more, each message in a savepoint
                    // of its own, so that only that one is quarantined. (Savepoints for every batch would cost a
                    // sixth of the import's time, for a case that is rare.)
                    results = transaction.apply(tx -> fileAll(tx, committing, true));
                }
                for (MessageResult result : results) {
                    if (result == null) {
                        alreadyFetched++;
                    } else {
                        listener.filed(result);
                    }
                }
                if (!dryRun) {
                    source.acknowledge(committing.stream().map(Fetched::waiting).toList());
                }
            } finally {
                committing.forEach(Fetched::close);
            }
        }

        /**
         * Files a batch in the transaction. {@code careful}: each message in a savepoint, and one that fails is
         * quarantined; else the first failure fails the whole batch.
         */
        private List<MessageResult> fileAll(Tx tx, List<Fetched> fetchedBatch, boolean careful) {
            MailFiling filing = new MailFiling(tx, clock.instant(), settings);
            // The batch's texts go into the search index together at its end: one write of the index instead of
            // one per message (V011).
            InquiryMapper inquiries = tx.mapper(InquiryMapper.class);
            inquiries.deferSearch();
            filing.expect(fetchedBatch.stream().map(Fetched::mail).filter(Objects::nonNull).toList(),
                    fetchedBatch.stream()
                            .filter(fetched -> fetched.mail() != null && fetched.automatic().isEmpty())
                            .map(Fetched::mail)
                            .toList());
            List<MessageResult> filed = new ArrayList<>();
            for (Fetched fetched : fetchedBatch) {
                filed.add(file(tx, filing, fetched, careful));
            }
            inquiries.indexDeferred();
            inquiries.endDeferral();
            return filed;
        }

        /** Null when another run filed it between our listing and now. */
        private MessageResult file(Tx tx, MailFiling filing, Fetched fetched, boolean careful) {
            String key = fetched.waiting().key();
            if (!alone && filing.alreadyFetched(spec.name(), key)) {
                return null;
            }
            InboundMail mail = fetched.mail();
            if (mail == null) {
                return quarantine(filing, fetched, fetched.error());
            }
            if (!careful) {
                return result(mail, filing.file(mail, fetched.automatic(), spec.name(), key, null));
            }
            try {
                return result(mail, tx.savepoint(() -> filing.file(mail, fetched.automatic(), spec.name(), key, null)));
            } catch (TemporaryFailureException e) {
                throw e;
            } catch (RuntimeException e) {
                filing.forget();
                return quarantine(filing, fetched, "cannot store: " + oneLine(e));
            }
        }

        private MessageResult quarantine(MailFiling filing, Fetched fetched, String error) {
            MailFiling.Filed filed = filing.quarantine(fetched.raw().file(), fetched.mail(), spec.name(),
                    fetched.waiting().key(), error);
            InboundMail mail = fetched.mail();
            return new MessageResult(spec.name(), mail == null ? null : mail.messageId(),
                    mail == null ? null : mail.from().email(), mail == null ? null : mail.subject(), filed.outcome(),
                    filed.reason(), null, null, List.of());
        }

        private MessageResult result(InboundMail mail, MailFiling.Filed filed) {
            return new MessageResult(spec.name(), mail.messageId(), mail.from().email(), mail.subject(),
                    filed.outcome(), filed.reason(), filed.inquiryId(), filed.matchedBy(), mail.omitted());
        }
    }

    /** A message downloaded and parsed (or not: then {@code error} says why), waiting for its batch's commit. */
    private record Fetched(Waiting waiting, RawMessage raw, InboundMail mail, Optional<SkipReason> automatic,
            String error) {

        void close() {
            if (mail != null) {
                mail.close();
            }
            raw.close();
        }
    }

    /** The messages that could not be filed, oldest first. */
    public List<MailMessage> quarantined() {
        return database.read(tx -> tx.mapper(MailMapper.class).quarantined());
    }

    /**
     * Files a quarantined message again (after a fix, or once the cause is gone). It stays quarantined, with the new
     * error, when it fails again.
     */
    public MessageResult retry(long id) {
        MailMessage message = database.read(tx -> tx.mapper(MailMapper.class).byId(id));
        if (message == null || message.outcome() != MailOutcome.QUARANTINED) {
            throw new NotFoundException("no quarantined message has id " + id);
        }
        try (TemporaryFolder folder = new TemporaryFolder("tenantdesk-retry-")) {
            Path spool = folder.path();
            MailMapper.Raw raw = database.read(tx -> tx.mapper(MailMapper.class).raw(id));
            if (raw.partial()) {
                throw new InvalidInputException("message " + id + " was too large to keep whole; only its header"
                        + " is stored, so it cannot be read again");
            }
            Path file = spool.resolve("message-" + id + ".eml");
            database.read(tx -> {
                try {
                    return new Blobs(tx).copy(raw.sha256(), file); // a piece at a time: it may be tens of MB
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot write the message to " + file, e);
                }
            });
            try (RawMessage rawMessage = RawMessage.spooled(null, file)) {
                InboundMail mail;
                try {
                    mail = new MessageParser(settings.maxAttachmentSize(), spool).parse(rawMessage);
                } catch (RuntimeException e) {
                    String error = oneLine(e);
                    database.write(tx -> {
                        tx.mapper(MailMapper.class).resolve(new MailMapper.Resolved(id, null,
                                "sha256:" + raw.sha256(), null, null, "", null, MailOutcome.QUARANTINED, null, error,
                                null, null));
                        return null;
                    });
                    throw new TenantdeskException("message " + id + " is still quarantined: " + error, e);
                }
                try (mail) {
                    Optional<SkipReason> automatic = new Classifier(settings.ownAddresses()).classify(mail);
                    MailFiling.Filed filed = database.write(tx -> new MailFiling(tx, clock.instant(), settings)
                            .file(mail, automatic, message.source(), null, id));
                    return new MessageResult(message.source(), mail.messageId(), mail.from().email(), mail.subject(),
                            filed.outcome(), filed.reason(), filed.inquiryId(), filed.matchedBy(), mail.omitted());
                }
            }
        }
    }

    /** The first line that says something: MyBatis wraps the database's own words in lines of "###". */
    private static String oneLine(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            String line = cause.getMessage() == null ? "" : cause.getMessage().strip().lines().findFirst().orElse("");
            if (!line.isEmpty() && !line.startsWith("###")) {
                return line;
            }
        }
        return e.getClass().getSimpleName();
    }
}
