package no.tenantdesk.mail.in;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import no.tenantdesk.domain.InvalidInputException;
import no.tenantdesk.domain.TenantdeskException;
import no.tenantdesk.mail.in.SourceSpec.AfterImport;

/**
 * A Maildir (as Dovecot, Postfix' local delivery or getmail write it): messages in new/ and in cur/ without the
 * seen flag. The file itself is handed over, nothing is copied. Marking it done renames it into cur/ with S added,
 * as a mail reader that has shown it would; DELETE removes the file.
 */
final class MaildirSource implements MailSource, MailSource.Watchable {

    private static final String INFO = ":2,";
    /** Look-ups of a message that moved before the folders may be listed again; see {@link #relocate}. */
    private static final int RELIST_AFTER = 64;

    private final String name;
    private final Path root;
    private final AfterImport afterImport;
    /**
     * Each message's file as last seen, by unique name: fetching and marking a message go straight to its file, never
     * through a listing of the folder (which made a mailbox of unread mail in cur/ quadratic: 88 msg/s for 10,000).
     */
    private final Map<String, Path> places = new HashMap<>();
    private int lookupsSinceListing;
    private boolean listedAgain;
    /** For fetch-mail --watch, once started: new/ watched for deliveries. */
    private FolderWatch watch;
    /** Folders listed so far: what a test reads to see that marking messages done lists nothing. */
    private int listings;

    private MaildirSource(String name, Path root, AfterImport afterImport) {
        this.name = name;
        this.root = root;
        this.afterImport = afterImport;
    }

    static MaildirSource open(String name, Path root, AfterImport afterImport) {
        AfterImport after = afterImport == null ? AfterImport.SEEN : afterImport;
        if (after == AfterImport.MOVE) {
            throw new InvalidInputException(name + ": a Maildir cannot move messages; use seen, delete or keep");
        }
        for (String sub : List.of("cur", "new", "tmp")) {
            if (!Files.isDirectory(root.resolve(sub))) {
                throw new InvalidInputException(
                        name + ": " + root + " is not a Maildir (it has no " + sub + "/ folder)");
            }
        }
        return new MaildirSource(name, root, after);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public List<Waiting> list() {
        List<Entry> entries = new ArrayList<>();
        try {
            places.clear();
            for (Path file : files("new")) {
                entry(file).ifPresent(entries::add);
            }
            for (Path file : files("cur")) {
                if (!flags(file.getFileName().toString()).contains('S')) {
                    entry(file).ifPresent(entries::add);
                }
            }
        } catch (IOException e) {
            throw Failures.local(name, e);
        }
        // Delivery time is the file's modification time; the unique name (which starts with the time for every
        // common writer) breaks ties in a stable way.
        entries.sort(Comparator.comparingLong(Entry::modified).thenComparing(Entry::unique));
        // A message another client moved from new/ to cur/ while we listed can show up twice: its place in cur/,
        // listed last, is the one kept.
        Set<String> seen = new HashSet<>();
        for (Entry entry : entries) {
            places.put(entry.unique(), entry.file());
        }
        return entries.stream()
                .filter(e -> seen.add(e.unique()))
                .map(e -> new Waiting(e.unique(), e.size()))
                .toList();
    }

    private record Entry(String unique, Path file, long size, long modified) {}

    private static Optional<Entry> entry(Path file) throws IOException {
        try {
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
            if (!attributes.isRegularFile()) {
                return Optional.empty();
            }
            return Optional.of(new Entry(unique(file.getFileName().toString()), file, attributes.size(),
                    attributes.lastModifiedTime().toMillis()));
        } catch (NoSuchFileException e) {
            return Optional.empty(); // another client moved it while we looked: it shows up in its new place next run
        }
    }

    @Override
    public RawMessage fetch(Waiting message) {
        Path file = places.get(message.key());
        if (file == null || !Files.isRegularFile(file)) {
            file = relocate(message.key())
                    .orElseThrow(() -> new TenantdeskException(
                            name + ": message " + message.key() + " is no longer in the Maildir"));
        }
        return RawMessage.inPlace(message.key(), file);
    }

    @Override
    public void markDone(List<Waiting> messages) {
        if (afterImport == AfterImport.KEEP) {
            return;
        }
        for (Waiting message : messages) {
            try {
                Path file = places.get(message.key());
                if (file == null || !done(message.key(), file)) {
                    Optional<Path> moved = relocate(message.key());
                    if (moved.isPresent()) {
                        done(message.key(), moved.get());
                    }
                    // Else another client took it meanwhile: nothing left to mark.
                }
            } catch (IOException e) {
                throw Failures.local(name, e);
            }
        }
    }

    /**
     * Renames the message into cur/ with the S flag added to those it has, or deletes it: one rename(2) (atomic, and
     * without Files.move's checks of source and target; a target of the same unique name could only be this same
     * message, already marked seen). False when the file is no longer where we last saw it.
     */
    private boolean done(String unique, Path file) throws IOException {
        try {
            if (afterImport == AfterImport.DELETE) {
                Files.delete(file);
            } else {
                SortedSet<Character> flags = flags(file.getFileName().toString());
                flags.add('S');
                StringBuilder target = new StringBuilder(unique).append(INFO);
                flags.forEach(target::append);
                Path done = root.resolve("cur").resolve(target.toString());
                if (!done.equals(file)) {
                    Files.move(file, done, StandardCopyOption.ATOMIC_MOVE);
                }
                places.put(unique, done);
            }
            return true;
        } catch (NoSuchFileException e) {
            return false;
        }
    }

    @Override
    public void close() {
        if (watch != null) {
            watch.close();
        }
    }

    @Override
    public void startWatching() {
        try {
            watch = new FolderWatch(root.resolve("new"));
        } catch (IOException e) {
            throw Failures.local(name, e);
        }
    }

    @Override
    public boolean tellsOfNewMail() {
        return true;
    }

    @Override
    public void awaitMail(Duration max, StopSignal stop) {
        watch.await(max, stop);
    }

    int listings() {
        return listings;
    }

    /**
     * The current file of a message that is not where the listing found it: another client moved it from new/ to cur/
     * or changed its flags. The folders are listed again, and every message's place learnt from that one listing, so
     * that a client that moved them all costs one listing, not one per message. At most one listing per
     * {@link #RELIST_AFTER} look-ups, so that messages that are gone for good do not make the run quadratic; a message
     * not found then is left where it is, and the next run finds it.
     */
    private Optional<Path> relocate(String unique) {
        if (listedAgain && lookupsSinceListing++ < RELIST_AFTER) {
            return Optional.empty();
        }
        lookupsSinceListing = 0;
        listedAgain = true;
        try {
            for (String folder : List.of("new", "cur")) {
                for (Path file : files(folder)) {
                    places.put(unique(file.getFileName().toString()), file);
                }
            }
        } catch (IOException e) {
            throw Failures.local(name, e);
        }
        Path file = places.get(unique);
        return file != null && Files.isRegularFile(file) ? Optional.of(file) : Optional.empty();
    }

    /** The folder's names that may be messages; whether each is a file, the caller asks (list() with its size). */
    private List<Path> files(String folder) throws IOException {
        listings++;
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(root.resolve(folder))) {
            for (Path file : stream) {
                // Dotfiles are other programs' bookkeeping (Dovecot's, Courier's), never messages.
                if (!file.getFileName().toString().startsWith(".")) {
                    files.add(file);
                }
            }
        }
        return files;
    }

    /** The part before the info (":2,FLAGS"): what stays the same while flags change. */
    static String unique(String fileName) {
        int colon = fileName.indexOf(':');
        return colon < 0 ? fileName : fileName.substring(0, colon);
    }

    /** The info part's flags, in the order a Maildir file name lists them (sorted). */
    static SortedSet<Character> flags(String fileName) {
        TreeSet<Character> flags = new TreeSet<>();
        int info = fileName.indexOf(INFO);
        if (info >= 0) {
            for (char c : fileName.substring(info + INFO.length()).toCharArray()) {
                flags.add(c);
            }
        }
        return flags;
    }
}
