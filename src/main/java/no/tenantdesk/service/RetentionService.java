package no.tenantdesk.service;

import java.time.Clock;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.Function;
import no.tenantdesk.store.Blobs;
import no.tenantdesk.store.Database;
import no.tenantdesk.store.ErasureMapper;
import no.tenantdesk.store.EventMapper;
import no.tenantdesk.store.RetentionMapper;
import no.tenantdesk.store.RetentionMapper.Stored;
import no.tenantdesk.store.Tx;

/**
 * `db prune`: the raw bytes of mails and the bytes of files of inquiries done longer ago than the config's retention
 * are deleted. The inquiry, its comments, events and the records of its mails and files stay (a file keeps its name,
 * type and size, and says when and why its bytes went), and an event on the inquiry says what was removed. Each batch
 * of inquiries is one transaction: a run that is killed leaves every inquiry either pruned or untouched, and the next
 * run goes on where it stopped. A content that something else still refers to (the same photo in a newer inquiry)
 * stays.
 */
public final class RetentionService {

    /** Inquiries per transaction: a writer waiting behind a batch waits for a few hundred rows at most. */
    static final int BATCH = 100;
    /** Ids per IN (…): far below both databases' limits on bound values. */
    private static final int PAGE = 500;

    private final Database database;
    private final Clock clock;

    public RetentionService(Database database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    /** How long after an inquiry is done its raw mail and its files are kept; null: for ever. */
    public record Policy(Period rawMail, Period files) {

        public boolean keepsAll() {
            return rawMail == null && files == null;
        }
    }

    /**
     * What a run removed, or would remove ({@code dryRun}).
     *
     * @param mailsDoneBefore raw mail of inquiries done before this goes (null: none goes)
     * @param filesDoneBefore files of inquiries done before this go (null: none go)
     * @param storedBytes     the sizes of the mails and files whose bytes go, as their records give them
     * @param freedBytes      what the database holds less: contents still used elsewhere are not counted
     */
    public record Pruned(boolean dryRun, Instant mailsDoneBefore, Instant filesDoneBefore, long inquiries, long mails,
            long files, long storedBytes, long freedBytes) {

        Pruned plus(Pruned batch) {
            return new Pruned(dryRun, mailsDoneBefore, filesDoneBefore, inquiries + batch.inquiries,
                    mails + batch.mails, files + batch.files, storedBytes + batch.storedBytes,
                    freedBytes + batch.freedBytes);
        }
    }

    /**
     * Prunes batch by batch, telling {@code progress} the sum so far after each. A dry run does each batch's work and
     * rolls it back, so that what it says would be freed is exactly what a run would free (as of now).
     */
    public Pruned prune(Policy policy, String actor, boolean dryRun, Consumer<Pruned> progress) {
        Instant now = clock.instant();
        Instant mailsBefore = before(now, policy.rawMail());
        Instant filesBefore = before(now, policy.files());
        Pruned total = new Pruned(dryRun, mailsBefore, filesBefore, 0, 0, 0, 0, 0);
        if (policy.keepsAll()) {
            return total;
        }
        long after = 0;
        while (true) {
            long from = after;
            List<Long> ids = database.read(tx -> tx.mapper(RetentionMapper.class)
                    .inquiries(mailsBefore, filesBefore, from, BATCH));
            if (ids.isEmpty()) {
                return total;
            }
            after = ids.get(ids.size() - 1);
            Pruned run = total;
            Function<Tx, Pruned> work = tx -> batch(tx, ids, run, actor, now);
            total = total.plus(dryRun ? database.trial(work) : database.write(work));
            progress.accept(total);
        }
    }

    private static Instant before(Instant now, Period period) {
        return period == null ? null : now.atOffset(ZoneOffset.UTC).minus(period).toInstant();
    }

    /** One transaction: the batch's mails and files let go of their bytes, a note on each inquiry, contents freed. */
    private static Pruned batch(Tx tx, List<Long> ids, Pruned run, String actor, Instant now) {
        RetentionMapper rows = tx.mapper(RetentionMapper.class);
        List<Stored> mails = run.mailsDoneBefore() == null ? List.of() : rows.mails(ids, run.mailsDoneBefore());
        List<Stored> files = run.filesDoneBefore() == null ? List.of() : rows.files(ids, run.filesDoneBefore());
        new Blobs(tx).put(ErasureService.EMPTY, new byte[0]);
        List<Long> mailIds = mails.stream().map(Stored::id).toList();
        for (List<Long> page : pages(mailIds)) {
            rows.pruneMails(page, now);
            rows.pruneOutgoing(page, ErasureService.EMPTY);
        }
        for (List<Long> page : pages(files.stream().map(Stored::id).toList())) {
            rows.pruneFiles(page, ErasureService.EMPTY, now);
        }
        Map<Long, int[]> byInquiry = new TreeMap<>();
        mails.forEach(mail -> byInquiry.computeIfAbsent(mail.inquiryId(), id -> new int[2])[0]++);
        files.forEach(file -> byInquiry.computeIfAbsent(file.inquiryId(), id -> new int[2])[1]++);
        EventMapper events = tx.mapper(EventMapper.class);
        byInquiry.forEach((inquiry, counts) -> events.insert(new EventMapper.NewEvent(inquiry, null, actor,
                "retention", null, note(counts[0], counts[1]), now)));
        Set<String> released = new LinkedHashSet<>();
        mails.forEach(mail -> released.add(mail.sha256()));
        files.forEach(file -> released.add(file.sha256()));
        released.remove(ErasureService.EMPTY);
        ErasureMapper contents = tx.mapper(ErasureMapper.class);
        long freed = 0;
        for (List<String> page : pages(new ArrayList<>(released))) {
            freed += rows.unusedBytes(page);
            contents.deleteUnusedChunks(page);
            contents.deleteUnused(page);
        }
        long stored = mails.stream().mapToLong(Stored::size).sum() + files.stream().mapToLong(Stored::size).sum();
        return new Pruned(run.dryRun(), run.mailsDoneBefore(), run.filesDoneBefore(), byInquiry.size(), mails.size(),
                files.size(), stored, freed);
    }

    /** The event's words: what went, never what it said. */
    static String note(int mails, int files) {
        List<String> parts = new ArrayList<>();
        if (mails > 0) {
            parts.add("the raw bytes of " + mails + (mails == 1 ? " mail" : " mails"));
        }
        if (files > 0) {
            parts.add("the bytes of " + files + (files == 1 ? " file" : " files"));
        }
        return String.join(" and ", parts) + " removed";
    }

    private static <T> List<List<T>> pages(List<T> all) {
        List<List<T>> pages = new ArrayList<>();
        for (int from = 0; from < all.size(); from += PAGE) {
            pages.add(all.subList(from, Math.min(all.size(), from + PAGE)));
        }
        return pages;
    }
}
