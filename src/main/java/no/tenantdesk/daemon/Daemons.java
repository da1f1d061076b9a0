package no.tenantdesk.daemon;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import no.tenantdesk.files.PrivateFiles;

/**
 * Where a user's daemon listens, and starting one. One daemon per user, program (jar) and Java runtime: its socket
 * is in the user's runtime folder ($XDG_RUNTIME_DIR/tenantdesk, else $TMPDIR/tenantdesk-USER), which must belong to
 * the user and be closed to everybody else, since whoever answers on that socket writes this user's output.
 */
final class Daemons {

    /** A daemon that failed to start is not started again by every command, only after this long. */
    private static final long RETRY_MILLIS = 30_000;

    private static final String STREAM_PROVIDER = "jakarta.mail.util.StreamProvider";

    /** The kernel's limit for a socket's path is 108 bytes, its terminating zero included. */
    private static final int MAX_SOCKET_PATH = 100;

    private Daemons() {}

    /**
     * The program, the Java runtime running it and the user's JVM options: a daemon serves only clients that run the
     * same. The options count because some hold for a whole JVM, such as the trust store for the mail server's TLS.
     *
     * @param javaOptions the options as words joined by single spaces ({@link #words})
     */
    // A StringBuilder, not +: the client loads no StringConcatFactory (see Client).
    @SuppressWarnings("UnnecessaryStringBuilder")
    static String identity(String javaOptions) {
        return new StringBuilder().append(System.getProperty("java.class.path")).append('\n')
                .append(System.getProperty("java.home")).append('\n')
                .append(System.getProperty("java.runtime.version")).append('\n')
                .append(javaOptions).toString();
    }

    /** The client's identity: with $TENANTDESK_JAVA_OPTS, which the launcher gave its JVM. */
    static String identity() {
        String options = System.getenv("TENANTDESK_JAVA_OPTS");
        return identity(options == null ? "" : String.join(" ", words(options)));
    }

    /** $TENANTDESK_JAVA_OPTS as words, split at blanks as the launcher splits them. */
    private static List<String> javaOptions() {
        String options = System.getenv("TENANTDESK_JAVA_OPTS");
        return options == null ? List.of() : words(options);
    }

    /** Split at spaces, tabs and line ends; without a regular expression, which the client does not load. */
    static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        int start = -1;
        for (int i = 0; i <= text.length(); i++) {
            boolean blank = i == text.length() || text.charAt(i) == ' ' || text.charAt(i) == '\t'
                    || text.charAt(i) == '\n';
            if (blank && start >= 0) {
                words.add(text.substring(start, i));
                start = -1;
            } else if (!blank && start < 0) {
                start = i;
            }
        }
        return words;
    }

    /** The socket of this user's daemon for this program, or null when there is no safe place for one. */
    static Path socket() {
        String runtime = System.getenv("XDG_RUNTIME_DIR");
        Path folder;
        if (runtime != null && runtime.startsWith("/")) {
            folder = Path.of(runtime, "tenantdesk");
        } else {
            String tmp = System.getenv("TMPDIR");
            folder = Path.of(tmp != null && tmp.startsWith("/") ? tmp : "/tmp", "tenantdesk-".concat(user()));
        }
        Path socket = folder.resolve("daemon-".concat(Integer.toHexString(identity().hashCode())).concat(".sock"));
        return socket.toString().length() <= MAX_SOCKET_PATH && (!Files.exists(folder) || closedToOthers(folder))
                ? socket : null;
    }

    /** The login name, in characters safe in a file name. */
    private static String user() {
        char[] name = System.getProperty("user.name", "").toCharArray();
        for (int i = 0; i < name.length; i++) {
            char c = name[i];
            if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '-')) {
                name[i] = '_';
            }
        }
        return new String(name);
    }

    /**
     * Starts a daemon for this socket in the background, if it may; a command runs the same without one. The daemon
     * gets no secret of this client's to keep for its life: an environment of the locale alone (each command brings
     * its own variables, and they go when it ends), and the user's JVM options, which may hold a trust store's
     * password, not on its command line, which every user can read in /proc, but in an argument file of the user's
     * alone, which the daemon removes as it starts.
     */
    static void start(Path socket) {
        try {
            Path folder = socket.getParent();
            PrivateFiles.createFolders(folder);
            if (!closedToOthers(folder)) {
                return;
            }
            if (running(socket)) {
                return;
            }
            // A daemon that failed to start left its reason in the log: it is not started again by every command.
            Path log = log(socket);
            if (Files.exists(log) && Files.size(log) > 0
                    && System.currentTimeMillis() - Files.getLastModifiedTime(log).toMillis() < RETRY_MILLIS) {
                return;
            }
            Files.deleteIfExists(log);
            PrivateFiles.createFile(log);
            Path options = options(socket);
            Files.deleteIfExists(options);
            PrivateFiles.createFile(options);
            Files.write(options, argumentFile(javaOptions()));
            List<String> command = new ArrayList<>();
            // A session of its own: neither Ctrl-C at the terminal that started it nor closing that terminal stops it.
            if (Files.isExecutable(Path.of("/usr/bin/setsid"))) {
                command.add("/usr/bin/setsid");
            }
            command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            // A long run: the full JIT, and the small heap of the serial collector.
            command.addAll(List.of("-XX:+UseSerialGC", "--enable-native-access=ALL-UNNAMED"));
            String streams = System.getProperty(STREAM_PROVIDER);
            if (streams != null) {
                // The launcher names Jakarta Mail's stream provider, which it otherwise looks for at every message.
                command.add("-D" + STREAM_PROVIDER + "=" + streams);
            }
            command.add("@" + options);
            command.addAll(List.of("-cp", System.getProperty("java.class.path"), Daemon.class.getName(),
                    socket.toString(), orDefault(System.getenv("TENANTDESK_DAEMON_IDLE")),
                    orDefault(System.getenv("TENANTDESK_DAEMON_WARM_UP"))));
            ProcessBuilder daemon = new ProcessBuilder(command).directory(folder.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).redirectErrorStream(true);
            // File names and arguments are decoded in the locale's charset; nothing else of this client's world.
            daemon.environment().keySet().retainAll(List.of("LANG", "LC_ALL", "LC_CTYPE"));
            daemon.start();
        } catch (IOException | RuntimeException e) {
            // No daemon: this command runs in its own process, as every command did before daemons.
        }
    }

    /**
     * A setting of the daemon's own, given to it as an argument (it keeps no variable of its client's): the seconds
     * an idle daemon waits before it stops, its rounds of warm-up; "" for the default.
     */
    private static String orDefault(String value) {
        return value == null ? "" : value;
    }

    /**
     * The JVM's own @-file format: one option a line, quoted, with the backslashes and quotes in it escaped, so that
     * an option reaches the daemon as the word it was.
     */
    private static List<String> argumentFile(List<String> options) {
        List<String> lines = new ArrayList<>();
        for (String option : options) {
            lines.add("\"" + option.replace("\\", "\\\\").replace("\"", "\\\"") + "\"");
        }
        return lines;
    }

    /** The options an argument file holds, as {@link #argumentFile} wrote them. */
    static List<String> readArgumentFile(Path file) throws IOException {
        List<String> options = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            StringBuilder option = new StringBuilder();
            for (int i = 1; i < line.length() - 1; i++) {
                char c = line.charAt(i);
                option.append(c == '\\' && i + 1 < line.length() - 1 ? line.charAt(++i) : c);
            }
            options.add(option.toString());
        }
        return options;
    }

    /** Whether a daemon holds this socket's lock: it is running, or starting and about to listen. */
    private static boolean running(Path socket) throws IOException {
        try (FileChannel channel = openLock(socket); FileLock lock = channel.tryLock()) {
            return lock == null;
        }
    }

    /** The lock file, created for its user alone. */
    static FileChannel openLock(Path socket) throws IOException {
        return FileChannel.open(lock(socket), Set.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    }

    /** Held by the daemon for as long as it runs; the operating system lets go of it however the daemon ends. */
    static Path lock(Path socket) {
        return socket.resolveSibling(socket.getFileName().toString().concat(".lock"));
    }

    /** The JVM options for the daemon starting on this socket, until it has read and removed them. */
    static Path options(Path socket) {
        return socket.resolveSibling(socket.getFileName().toString().replaceFirst("\\.sock$", ".options"));
    }

    /** What the daemon writes when something goes wrong outside any one command, and whom it refused. */
    static Path log(Path socket) {
        return socket.resolveSibling(socket.getFileName().toString().replaceFirst("\\.sock$", ".log"));
    }

    /** A folder of this user's that nobody else may enter: the mode and owner as the kernel has them. */
    static boolean closedToOthers(Path folder) {
        try {
            Map<String, Object> folderAttributes = Files.readAttributes(folder, "unix:uid,mode",
                    LinkOption.NOFOLLOW_LINKS);
            Object uid = Files.getAttribute(Path.of("/proc/self"), "unix:uid");
            int mode = (Integer) folderAttributes.get("mode");
            return (mode & 0170000) == 0040000 && (mode & 0077) == 0 && folderAttributes.get("uid").equals(uid);
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }
}
