package no.tenantdesk.mail.in;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import no.tenantdesk.domain.InvalidInputException;
import no.tenantdesk.domain.TenantdeskException;
import no.tenantdesk.mail.in.SourceSpec.AfterImport;

/**
 * A Maildir (as Dovecot, Postfix' local delivery or getmail write it): messages in new/ and in cur/ without the
 * seen flag. The file itself is handed over, nothing is copied. Acknowledging renames it into cur/ with S added,
 * as a mail reader that has shown it would; DELETE removes the file.
 */
final class MaildirSource implements MailSource {

    private static final String INFO = ":2,";

    private final String name;
    private final Path root;
    private final AfterImport afterImport;

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
        // A message another client moved from new/ to cur/ while we listed can show up twice.
        Set<String> seen = new HashSet<>();
        return entries.stream()
                .filter(e -> seen.add(e.unique()))
                .map(e -> new Waiting(e.unique(), e.size()))
                .toList();
    }

    private record Entry(String unique, long size, long modified) {}

    private static Optional<Entry> entry(Path file) throws IOException {
        try {
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
            if (!attributes.isRegularFile()) {
                return Optional.empty();
            }
            return Optional.of(new Entry(
                    unique(file.getFileName().toString()), attributes.size(), attributes.lastModifiedTime().toMillis()));
        } catch (NoSuchFileException e) {
            return Optional.empty(); // another client moved it while we looked: it shows up in its new place next run
        }
    }

    @Override
    public RawMessage fetch(Waiting message) {
        Path file = find(message.key())
                .orElseThrow(() -> new TenantdeskException(
                        name + ": message " + message.key() + " is no longer in the Maildir"));
        return RawMessage.inPlace(message.key(), file);
    }

    @Override
    public void acknowledge(List<Waiting> messages) {
        if (afterImport == AfterImport.KEEP) {
            return;
        }
        for (Waiting message : messages) {
            try {
                if (afterImport == AfterImport.SEEN && seenFromNew(message.key())) {
                    continue;
                }
                Optional<Path> found = find(message.key());
                if (found.isEmpty()) {
                    continue; // another client took it meanwhile: nothing left to mark
                }
                Path file = found.get();
                if (afterImport == AfterImport.DELETE) {
                    Files.deleteIfExists(file);
                } else {
                    TreeSet<Character> flags = flags(file.getFileName().toString());
                    flags.add('S');
                    StringBuilder target = new StringBuilder(message.key()).append(INFO);
                    flags.forEach(target::append);
                    Files.move(file, root.resolve("cur").resolve(target.toString()));
                }
            } catch (NoSuchFileException e) {
                // Renamed or removed by another client between find and move: it is no longer waiting either way.
            } catch (IOException e) {
                throw Failures.local(name, e);
            }
        }
    }

    /**
     * The common case, a message still in new/ under its unique name, in one rename and no look-up before it: for a
     * mailbox of small mail, the look-ups were a fifth of what fetch-mail's main thread did besides the database.
     * False when it is not there (another client moved it, or its name has flags): then {@link #find} looks.
     */
    private boolean seenFromNew(String unique) throws IOException {
        if (!plain(unique)) {
            return false;
        }
        try {
            // Atomic: a plain rename(2), without Files.move's checks of source and target. A target of the same unique
            // name could only be this same message, already marked seen.
            Files.move(root.resolve("new").resolve(unique), root.resolve("cur").resolve(unique + INFO + "S"),
                    StandardCopyOption.ATOMIC_MOVE);
            return true;
        } catch (NoSuchFileException e) {
            return false;
        }
    }

    /** A unique name that is one file name of this folder's, not a path. */
    private static boolean plain(String unique) {
        return !unique.isEmpty() && !unique.contains("/") && !unique.startsWith(".");
    }

    @Override
    public void close() {}

    /** The message's current file: another client may have moved it from new/ to cur/ or changed its flags. */
    private Optional<Path> find(String unique) {
        if (!plain(unique)) {
            return Optional.empty();
        }
        try {
            Path fresh = root.resolve("new").resolve(unique);
            if (Files.isRegularFile(fresh)) {
                return Optional.of(fresh);
            }
            for (String folder : List.of("new", "cur")) {
                for (Path file : files(folder)) {
                    if (unique(file.getFileName().toString()).equals(unique) && Files.isRegularFile(file)) {
                        return Optional.of(file);
                    }
                }
            }
            return Optional.empty();
        } catch (IOException e) {
            throw Failures.local(name, e);
        }
    }

    /** The folder's names that may be messages; whether each is a file, the caller asks (list() with its size). */
    private List<Path> files(String folder) throws IOException {
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

    static TreeSet<Character> flags(String fileName) {
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
