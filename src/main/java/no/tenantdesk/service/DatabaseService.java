package no.tenantdesk.service;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import no.tenantdesk.domain.InvalidInputException;
import no.tenantdesk.domain.TenantdeskException;
import no.tenantdesk.store.Blobs;
import no.tenantdesk.store.CopyMapper;
import no.tenantdesk.store.Database;
import no.tenantdesk.store.InquiryMapper;
import no.tenantdesk.store.Tx;

/**
 * The database itself: what it is and holds (`db info`), and a copy of all of it into another one (`db copy`), a
 * SQLite file into a PostgreSQL server or back, with every id kept, so that "[#12]" in a tenant's old mail still
 * names inquiry 12.
 */
public final class DatabaseService {

    /** Rows per page; files per page are fewer, as a row of them may hold a piece of 1 MiB. */
    private static final int PAGE = 500;
    private static final int FILE_PAGE = 8;

    private final Database database;

    public DatabaseService(Database database) {
        this.database = database;
    }

    /** @param facts label and value: engine, where, size; {@code tables}: rows by table */
    public record Info(String address, int schemaVersion, List<String[]> facts, Map<String, Long> tables) {}

    public Info info() {
        return database.read(tx -> new Info(database.address().describe(),
                tx.mapper(CopyMapper.class).schemaVersion(), database.describe(), counts(tx)));
    }

    static Map<String, Long> counts(Tx tx) {
        Map<String, Long> counts = new LinkedHashMap<>();
        tx.mapper(CopyMapper.class).counts().forEach(c -> counts.put(c.name(), c.total()));
        return counts;
    }

    /** What a copy is doing, for a progress line: a table's rows, then the files' checks. */
    public interface Progress {
        void step(String what, long done, long total);
    }

    /**
     * @param tables rows by table, the same on both sides
     * @param files  stored contents whose SHA-256 was checked on both sides
     */
    public record Copied(String from, String to, Map<String, Long> tables, long files) {}

    /**
     * Copies every row of this database into {@code target}, which must hold none, in one transaction of the target:
     * a copy that fails leaves it empty. Then counts the rows of both and reads every stored file on both sides,
     * checking its SHA-256.
     */
    public Copied copyTo(Database target, Progress progress) {
        if (target.address().equals(database.address())) {
            throw new InvalidInputException("db copy: the target is the database itself (" + describe(target) + ")");
        }
        Map<String, Long> held = target.read(DatabaseService::counts);
        String filled = held.entrySet().stream().filter(e -> e.getValue() > 0)
                .map(e -> e.getValue() + " " + e.getKey()).collect(Collectors.joining(", "));
        if (!filled.isEmpty()) {
            throw new InvalidInputException("db copy: " + describe(target) + " holds data (" + filled
                    + "); it copies only into an empty database");
        }
        Map<String, Long> source = database.read(tx -> {
            Map<String, Long> counts = counts(tx);
            target.write(into -> {
                copyAll(tx, into, counts, progress);
                return null;
            });
            return counts;
        });
        Map<String, Long> copied = target.read(DatabaseService::counts);
        if (!copied.equals(source)) {
            throw new TenantdeskException("db copy: the counts differ after the copy: " + source + " here, " + copied
                    + " in " + describe(target));
        }
        long files = checkFiles(target, source.getOrDefault("blob", 0L), progress);
        return new Copied(database.address().describe(), describe(target), source, files);
    }

    private static String describe(Database database) {
        return database.address().describe();
    }

    private static void copyAll(Tx from, Tx into, Map<String, Long> counts, Progress progress) {
        CopyMapper source = from.mapper(CopyMapper.class);
        CopyMapper target = into.mapper(CopyMapper.class);
        // The inquiries' and comments' texts go into the search index at the end, in one statement (V011).
        InquiryMapper search = into.mapper(InquiryMapper.class);
        search.deferSearch();
        copy("location", counts, progress, source::location, target::insertLocation);
        copy("organization", counts, progress, source::organization, target::insertOrganization);
        copy("contact", counts, progress, source::contact, target::insertContact);
        // A location's parent and responsible person, now that every location and contact is there.
        copy("location", counts, (what, done, total) -> {}, source::location, target::linkLocation);
        // What belongs to organizations and places: small tables, each in one read.
        source.organizationDomain().forEach(target::insertOrganizationDomain);
        source.organizationLocation().forEach(target::insertOrganizationLocation);
        source.locationAlias().forEach(target::insertLocationAlias);
        copy("inquiry", counts, progress, source::inquiry, target::insertInquiry);
        source.mergedInquiries().forEach(target::linkMerged);
        copy("task", counts, progress, source::task, target::insertTask);
        copy("comment", counts, progress, source::comment, target::insertComment);
        copyFiles(source, target, counts, progress);
        copy("attachment", counts, progress, source::attachment, target::insertAttachment);
        copy("event", counts, progress, source::event, target::insertEvent);
        copy("mail_message", counts, progress, source::mailMessage, target::insertMailMessage);
        copy("outbox", counts, progress, source::outbox, target::insertOutbox);
        copy("erasure", counts, progress, source::erasure, target::insertErasure);
        source.digestSent().forEach(target::insertDigestSent);
        progress.step("search index", 0, 1);
        search.indexDeferred();
        search.endDeferral();
        target.continueIds();
    }

    /** The rows of a table keyed by id, page after page. */
    private static void copy(String table, Map<String, Long> counts, Progress progress,
            BiFunction<Long, Integer, List<Map<String, Object>>> read, Consumer<Map<String, Object>> write) {
        long total = counts.getOrDefault(table, 0L);
        long done = 0;
        Long after = null;
        while (true) {
            progress.step(table, done, total);
            List<Map<String, Object>> page = read.apply(after, PAGE);
            if (page.isEmpty()) {
                return;
            }
            page.forEach(write);
            done += page.size();
            after = ((Number) page.get(page.size() - 1).get("id")).longValue();
        }
    }

    /** The contents and their pieces, keyed by SHA-256 (and piece), a few at a time: a piece may be 1 MiB. */
    private static void copyFiles(CopyMapper source, CopyMapper target, Map<String, Long> counts, Progress progress) {
        long total = counts.getOrDefault("blob", 0L);
        long done = 0;
        String after = null;
        while (true) {
            progress.step("blob", done, total);
            List<Map<String, Object>> page = source.blob(after, FILE_PAGE);
            if (page.isEmpty()) {
                break;
            }
            page.forEach(target::insertBlob);
            done += page.size();
            after = (String) page.get(page.size() - 1).get("sha256");
        }
        total = counts.getOrDefault("blob_chunk", 0L);
        done = 0;
        after = null;
        Long afterSeq = null;
        while (true) {
            progress.step("blob_chunk", done, total);
            List<Map<String, Object>> page = source.blobChunk(after, afterSeq, FILE_PAGE);
            if (page.isEmpty()) {
                return;
            }
            page.forEach(target::insertBlobChunk);
            done += page.size();
            Map<String, Object> last = page.get(page.size() - 1);
            after = (String) last.get("sha256");
            afterSeq = ((Number) last.get("seq")).longValue();
        }
    }

    /** Reads every stored content on both sides, a piece at a time, and checks that each has its SHA-256. */
    private long checkFiles(Database target, long total, Progress progress) {
        return database.read(from -> target.read(into -> {
            Blobs here = new Blobs(from);
            Blobs there = new Blobs(into);
            CopyMapper contents = from.mapper(CopyMapper.class);
            long checked = 0;
            String after = null;
            while (true) {
                progress.step("checking files", checked, total);
                List<String> page = contents.contents(after, PAGE);
                if (page.isEmpty()) {
                    return checked;
                }
                for (String sha256 : page) {
                    String source = sha256(here, sha256);
                    String copy = sha256(there, sha256);
                    if (!source.equals(sha256) || !copy.equals(sha256)) {
                        throw new TenantdeskException("db copy: file " + sha256 + " reads as " + source + " here and "
                                + copy + " in " + describe(target));
                    }
                    checked++;
                }
                after = page.get(page.size() - 1);
            }
        }));
    }

    private static String sha256(Blobs blobs, String content) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            try (InputStream in = new DigestInputStream(blobs.open(content), digest)) {
                in.transferTo(OutputStream.nullOutputStream());
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (IOException e) {
            throw new UncheckedIOException("db copy: cannot read file " + content, e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }
}
