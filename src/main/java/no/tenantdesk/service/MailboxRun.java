package no.tenantdesk.service;

import java.time.Clock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.function.Function;
import no.tenantdesk.domain.TemporaryFailureException;
import no.tenantdesk.domain.TenantdeskException;
import no.tenantdesk.mail.in.MailSource;
import no.tenantdesk.mail.in.MailSource.Waiting;
import no.tenantdesk.mail.in.RawMessage;
import no.tenantdesk.mail.in.SourceSpec;
import no.tenantdesk.mail.in.StopSignal;
import no.tenantdesk.store.Database;
import no.tenantdesk.store.InquiryMapper;
import no.tenantdesk.store.MailMapper;
import no.tenantdesk.store.Tx;
import no.tenantdesk.store.Writer;
import no.tenantdesk.triage.Triage;

/**
 * The reading of one mailbox in a fetch-mail run: lists it, hands each new message to the parsing threads, files
 * them in batches of one transaction each, and marks a batch done at the source only once it is committed.
 */
final class MailboxRun {

    /**
     * Messages per transaction: one commit per message would make the disk's sync the speed limit. Each commit also
     * writes out the pages of the indexes it touched, so larger batches write less (500 rather than 200: 4% less of
     * the main thread's time on small mail); the write lock is held for the batch, about a tenth of a second.
     */
    private static final int BATCH_MESSAGES = 500;
    /** Raw bytes per transaction, so that a batch of large messages commits (and is marked done) early. */
    private static final long BATCH_BYTES = 64L * 1024 * 1024;

    /**
     * What every mailbox of a run shares.
     *
     * @param alone whether this run holds the database's fetch lock: then no other run can file a source's messages
     *              between our listing and our commit, and the check for that is skipped (one query per message)
     */
    record Context(Database database, Writer writer, ExecutorService parsing, MailReader reader,
            Clock clock, MailSettings settings, Scratch scratch, Triage triage, boolean dryRun, boolean alone,
            FetchService.Listener listener, StopSignal stop) {}

    private final SourceSpec spec;
    private final Context run;
    private final List<Read> batch = new ArrayList<>();
    private long batchBytes;
    /**
     * Messages handed to the parsing threads, oldest first. Up to a batch of them, so that the parsers keep working
     * while a whole batch is filed and committed; no more, so that memory stays flat.
     */
    private final Deque<Parsing> ahead = new ArrayDeque<>();
    private long aheadBytes;
    private int listed;
    private int alreadyFetched;

    MailboxRun(SourceSpec spec, Context run) {
        this.spec = spec;
        this.run = run;
    }

    /** A message on its way through a parsing thread. */
    private record Parsing(Waiting waiting, Future<Intake> intake, RawMessage raw, long size) {}

    /** A message read, waiting for its batch's commit. */
    private record Read(Waiting waiting, Intake intake) {}

    /** What a batch's transaction filed; those another run had filed first are only counted. */
    private record Batch(List<MessageResult> filed, int alreadyFetched) {}

    /**
     * Imports what the open source has waiting. A failure of the source (a lost connection) ends it with an
     * exception, once what was fetched before it is filed and marked done; {@link #failed} then tells what was done.
     * A stop signal ends it between two messages the same way, with no exception.
     */
    FetchService.SourceResult read(MailSource source) {
        List<Waiting> waiting = source.list();
        listed = waiting.size();
        run.listener().listed(spec.name(), listed);
        Set<String> known = knownKeys(waiting);
        List<Waiting> done = waiting.stream().filter(w -> known.contains(w.key())).toList();
        alreadyFetched = done.size();
        if (!run.dryRun() && !done.isEmpty()) {
            source.markDone(done); // stored by a run that stopped before it could say so
        }
        List<Waiting> wanted = waiting.stream().filter(w -> !known.contains(w.key())).toList();
        source.willFetch(wanted);
        TenantdeskException skipped = null;
        try {
            for (Waiting message : wanted) {
                if (run.stop().stopped()) {
                    break; // what was fetched is filed and marked done below; the rest waits at the source
                }
                RawMessage raw;
                try {
                    raw = source.fetch(message);
                } catch (TemporaryFailureException e) {
                    throw e;
                } catch (TenantdeskException e) {
                    // One message that cannot be downloaded (gone meanwhile, refused by the server) is left at
                    // the source for the next run, and said; the others go on.
                    run.listener().warning(e.getMessage());
                    skipped = e;
                    continue;
                }
                parse(source, message, raw);
            }
        } finally {
            // A source that fails midway: what was fetched before is still filed and marked done.
            try {
                while (!ahead.isEmpty()) {
                    fileNext(source);
                }
                flush(source);
            } finally {
                discardAhead();
            }
        }
        return new FetchService.SourceResult(spec.name(), listed, alreadyFetched, skipped);
    }

    /** What a read that ended in {@code failure} did before it. */
    FetchService.SourceResult failed(TenantdeskException failure) {
        return new FetchService.SourceResult(spec.name(), listed, alreadyFetched, failure);
    }

    private Set<String> knownKeys(List<Waiting> waiting) {
        Set<String> known = new HashSet<>();
        List<String> keys = waiting.stream().map(Waiting::key).toList();
        for (int from = 0; from < keys.size(); from += 1000) { // one JSON parameter a chunk, of a bounded size
            List<String> chunk = keys.subList(from, Math.min(keys.size(), from + 1000));
            known.addAll(run.database().read(tx -> tx.mapper(MailMapper.class).knownSourceKeys(spec.name(), chunk)));
        }
        return known;
    }

    private void parse(MailSource source, Waiting waiting, RawMessage raw) {
        long size;
        Future<Intake> intake;
        try {
            size = raw.size();
            intake = run.parsing().submit(() -> run.reader().read(raw, run.triage()));
        } catch (RuntimeException e) {
            raw.close();
            throw e;
        }
        ahead.add(new Parsing(waiting, intake, raw, size));
        aheadBytes += size;
        while (ahead.size() > BATCH_MESSAGES || aheadBytes > BATCH_BYTES) {
            fileNext(source);
        }
    }

    /** Adds the oldest message handed to the parser to the batch, once it is read. */
    private void fileNext(MailSource source) {
        Parsing oldest = ahead.removeFirst();
        aheadBytes -= oldest.size();
        batch.add(new Read(oldest.waiting(), waitFor(oldest)));
        batchBytes += oldest.size();
        if (batch.size() >= BATCH_MESSAGES || batchBytes >= BATCH_BYTES) {
            flush(source);
        }
    }

    /** After a failure: the messages still with the parser are not filed, and their files are removed. */
    private void discardAhead() {
        while (!ahead.isEmpty()) {
            waitFor(ahead.removeFirst()).close();
        }
        aheadBytes = 0;
    }

    /**
     * The message as read. {@link MailReader} never throws, so a failure here is the thread's own (interrupted, or
     * the pool gone): the message is then unreadable for this run, and its reason says why.
     */
    private Intake waitFor(Parsing pending) {
        try {
            return pending.intake().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            pending.raw().close();
            throw new TemporaryFailureException("interrupted while a message was parsed", e);
        } catch (ExecutionException | RuntimeException e) {
            return new Intake.Unreadable(pending.raw(), MailReader.reason(
                    e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e));
        }
    }

    private void flush(MailSource source) {
        if (batch.isEmpty()) {
            return;
        }
        List<Read> committing = List.copyOf(batch);
        batch.clear();
        batchBytes = 0;
        try {
            Function<Function<Tx, Batch>, Batch> transaction =
                    run.dryRun() ? run.writer()::trial : run.writer()::write;
            Batch filed;
            try {
                filed = transaction.apply(tx -> fileAll(tx, committing, false));
            } catch (TemporaryFailureException e) {
                throw e;
            } catch (RuntimeException | Error e) {
                // A message that cannot be stored undid the whole batch. Once more, each message in a savepoint of
                // its own, so that only that one is quarantined. (Savepoints for every batch would cost a sixth of
                // the import's time, for a case that is rare.) A failure now is the database's: the run stops.
                filed = transaction.apply(tx -> fileAll(tx, committing, true));
            }
            alreadyFetched += filed.alreadyFetched();
            filed.filed().forEach(run.listener()::filed);
            if (!run.dryRun()) {
                source.markDone(committing.stream().map(Read::waiting).toList());
            }
        } finally {
            committing.forEach(read -> read.intake().close());
        }
    }

    /**
     * Files a batch in the transaction. {@code careful}: each message in a savepoint, and one that fails is
     * quarantined; else the first failure fails the whole batch.
     */
    private Batch fileAll(Tx tx, List<Read> reads, boolean careful) {
        List<String> messageKeys = new ArrayList<>();
        List<String> senderKeys = new ArrayList<>();
        for (Read read : reads) {
            if (read.intake() instanceof Intake.Parsed parsed) {
                messageKeys.add(FilingRules.messageKey(parsed.mail()));
                if (parsed.automatic().isEmpty()) {
                    senderKeys.add(FilingRules.senderKey(parsed.mail()));
                }
            }
        }
        if (!careful) {
            // Its small rows written together, a statement per table, not one per row: a round trip each on
            // PostgreSQL. Filed one at a time, each message's rows are written in its savepoint. The parsing threads,
            // idle for much of a batch's filing, make its new inquiries' search words meanwhile.
            tx.writeBehind(run.parsing());
        }
        StoredLookups lookups = StoredLookups.forBatch(tx, messageKeys, senderKeys);
        MailFiling filing = new MailFiling(tx, run.clock().instant(), run.settings(), lookups, run.scratch(),
                run.triage());
        filing.expect(reads.stream().map(Read::intake).toList());
        // The batch's texts go into the search index together at its end: one write of the index instead of one per
        // message (V011).
        InquiryMapper inquiries = tx.mapper(InquiryMapper.class);
        inquiries.deferSearch();
        List<MessageResult> filed = new ArrayList<>();
        int already = 0;
        for (Read read : reads) {
            String key = read.waiting().key();
            if (!run.alone() && lookups.fetchedBefore(spec.name(), key)) {
                already++; // another run filed it between our listing and now
                continue;
            }
            Origin origin = new Origin.Source(spec.name(), key);
            MailFiling.Filed one = careful ? filing.fileOrQuarantine(read.intake(), origin)
                    : filing.file(read.intake(), origin);
            lookups.learn(one);
            filed.add(MessageResult.of(spec.name(), read.intake(), one));
        }
        inquiries.indexDeferred();
        inquiries.endDeferral();
        return new Batch(filed, already);
    }
}
