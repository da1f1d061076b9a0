package no.tenantdesk.daemon;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import jdk.net.ExtendedSocketOptions;
import no.tenantdesk.cli.Environment;
import no.tenantdesk.cli.ExitCodes;
import no.tenantdesk.cli.Main;
import no.tenantdesk.cli.Resources;

/**
 * The user's resident tenantdesk: a JVM that stays warm and runs the commands of {@link Client}s, each on a thread
 * of its own, with the databases kept open between them. It stops by itself after TENANTDESK_DAEMON_IDLE seconds
 * without a command (default 600), when its jar is replaced (a new build or install: the next command starts a new
 * daemon), or when its socket is removed. Killing it is always safe: a command in progress is cut off as a process
 * of its own would be, and the next command starts another daemon.
 */
public final class Daemon {

    private static final Duration CHECK_EVERY = Duration.ofSeconds(2);
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    /** What operators and scripts run most, in the order a first session would. */
    private static final List<String[]> WARM_UP = List.of(
            new String[] {"inquiry", "create", "--title", "Warm-up", "--tenant", "warm-up@example.invalid"},
            new String[] {"inquiry", "list"}, new String[] {"inquiry", "list", "--json"},
            new String[] {"inquiry", "show", "1"}, new String[] {"inquiry", "update", "1", "--priority", "high"},
            new String[] {"comment", "1", "-m", "Warm-up"}, new String[] {"search", "warm"},
            new String[] {"task", "list"}, new String[] {"--version"});

    private final Path socket;
    private final Duration idle;
    /** What its clients must run ({@link Daemons#identity}), with the JVM options it was started with. */
    private final String identity;
    private final Path jar;
    private final Object jarVersion;
    private final Resources resources = Resources.concurrent();
    private final AtomicInteger running = new AtomicInteger();
    private final AtomicLong lastActive = new AtomicLong(System.nanoTime());
    private ServerSocketChannel server;
    private Object socketKey;
    /** The user this daemon runs as, and the only one it serves. */
    private UserPrincipal owner;
    private ScheduledExecutorService watch;

    private Daemon(Path socket, Duration idle, String identity) {
        this.socket = socket;
        this.idle = idle;
        this.identity = identity;
        this.jar = Path.of(System.getProperty("java.class.path"));
        this.jarVersion = version(jar);
    }

    /**
     * @param args the socket, the seconds to stay when idle, and the rounds of warm-up before it listens ("" or none
     *     for the defaults)
     */
    public static void main(String... args) throws IOException, InterruptedException {
        if (args.length < 1 || args.length > 3) {
            System.err.println("usage: java -cp tenantdesk.jar " + Daemon.class.getName()
                    + " SOCKET [IDLE_SECONDS [WARM_UP_ROUNDS]]");
            System.exit(2);
        }
        String idle = args.length > 1 ? args[1] : "";
        String warmUp = args.length > 2 ? args[2] : "";
        // The client refuses these before it starts a daemon; this is for whoever starts one by hand.
        String problem = DaemonSettings.problem(null, idle, warmUp);
        if (problem != null) {
            System.err.println("tenantdesk daemon: " + problem);
            System.exit(ExitCodes.USAGE);
        }
        Path socket = Path.of(args[0]).toAbsolutePath();
        // The client wrote the JVM options it was started with into a file of the user's alone; they are in effect
        // now, and the file goes, so that no password among them waits on the disk.
        Path options = Daemons.options(socket);
        String javaOptions = "";
        if (Files.exists(options)) {
            javaOptions = String.join(" ", Daemons.readArgumentFile(options));
            Files.delete(options);
        }
        new Daemon(socket, Duration.ofSeconds(DaemonSettings.idleSeconds(idle)), Daemons.identity(javaOptions))
                .serve((int) DaemonSettings.warmUpRounds(warmUp));
        System.exit(0);
    }

    // The watch's future: the watch ends with its executor, and catches its own failures (stopWhenDone).
    @SuppressWarnings("FutureReturnValueIgnored")
    private void serve(int warmUpRounds) throws IOException, InterruptedException {
        try (FileChannel lockChannel = Daemons.openLock(socket); FileLock lock = lockChannel.tryLock()) {
            if (lock == null) {
                return; // another daemon for this socket is running or starting
            }
            if (!Daemons.closedToOthers(socket.getParent())) {
                log("not started: others may enter " + socket.getParent() + "; it must be this user's, mode 0700");
                return;
            }
            warmUp(warmUpRounds);
            // A socket file left by a daemon that was killed answers nobody; the lock says no daemon has it now.
            Files.deleteIfExists(socket);
            server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
            server.bind(UnixDomainSocketAddress.of(socket));
            // The folder keeps others out already; the socket does too, whatever the umask made of it.
            Files.setPosixFilePermissions(socket, OWNER_ONLY);
            owner = Files.getOwner(socket, LinkOption.NOFOLLOW_LINKS);
            socketKey = version(socket);
            watch = Executors.newSingleThreadScheduledExecutor(runnable -> {
                Thread thread = new Thread(runnable, "tenantdesk-daemon-watch");
                thread.setDaemon(true);
                return thread;
            });
            watch.scheduleWithFixedDelay(this::stopWhenDone, CHECK_EVERY.toMillis(), CHECK_EVERY.toMillis(),
                    TimeUnit.MILLISECONDS);
            accept();
            // Let the commands that were running finish: a client waits for their output. (A client that sends no
            // request is cut off by the watch meanwhile.)
            while (running.get() > 0) {
                Thread.sleep(50);
            }
            watch.shutdownNow();
            if (Objects.equals(version(socket), socketKey)) {
                Files.deleteIfExists(socket);
            }
        }
    }

    /**
     * Runs common commands on a scratch database before listening, so that the first client's command finds their
     * code loaded and compiled: unwarmed, it took longer than a command in a JVM of its own. Until the daemon
     * listens, commands run in their own JVM, as before it was started. (TENANTDESK_DAEMON_WARM_UP sets the rounds:
     * the launcher's tests and its class-data training start many daemons whose speed does not matter.)
     */
    private static void warmUp(int rounds) {
        if (rounds == 0) {
            return;
        }
        // In a folder of the daemon's own, private, under the user's scratch folder: not in the shared /tmp, and one
        // that a killed daemon leaves is swept by the next fetch-mail.
        Environment.system().inTemporaryFolder("daemon-warm-up-", scratch -> {
            Path config = scratch.resolve("none.yaml");
            try {
                Files.createFile(config);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Environment environment = new Environment(Map.of("TENANTDESK_DB", scratch.resolve("warm-up.db").toString(),
                    "TENANTDESK_CONFIG", config.toString(), "TENANTDESK_USER", "warm-up", "HOME", scratch.toString()),
                    InputStream.nullInputStream(), OutputStream.nullOutputStream(), false, Clock.systemUTC(),
                    ZoneOffset.UTC, null, scratch);
            Resources resources = Resources.concurrent();
            PrintWriter nowhere = new PrintWriter(Writer.nullWriter());
            for (int round = 0; round < rounds; round++) {
                for (String[] args : WARM_UP) {
                    Main.runResident(environment, resources, nowhere, nowhere, args);
                }
            }
            return null;
        });
    }

    /**
     * Serves whoever connects as this daemon's user, and nobody else: the kernel says who is at the other end
     * (SO_PEERCRED), on every connection, whatever the folder's and the socket's modes are by then.
     */
    private void accept() {
        while (true) {
            SocketChannel channel;
            try {
                channel = server.accept();
            } catch (IOException e) {
                return; // closed by stopWhenDone, or broken: either way this daemon is done
            }
            if (!ours(channel)) {
                continue;
            }
            running.incrementAndGet();
            lastActive.set(System.nanoTime());
            Thread thread = new Thread(() -> {
                try {
                    new Call(channel, resources, this::current, identity, watch, this::log).run();
                } finally {
                    lastActive.set(System.nanoTime());
                    running.decrementAndGet();
                }
            }, "tenantdesk-call");
            thread.start();
        }
    }

    /** Whether the client runs as this daemon's user; another is refused, logged and cut off. */
    private boolean ours(SocketChannel channel) {
        String peer;
        try {
            UserPrincipal user = channel.getOption(ExtendedSocketOptions.SO_PEERCRED).user();
            if (user.equals(owner)) {
                return true;
            }
            peer = "user " + user.getName();
        } catch (IOException | RuntimeException e) {
            peer = "a client whose user the kernel did not say (" + e + ")";
        }
        log("refused a connection from " + peer + ": this daemon serves " + owner.getName() + " only");
        try {
            channel.close();
        } catch (IOException e) {
            // refused either way
        }
        return false;
    }

    /** One line in the daemon's log ({@link Daemons#log}), where its standard output goes. */
    private void log(String line) {
        System.out.println(Instant.now() + " " + line);
    }

    /** Whether this daemon still serves the program its clients run; false once its jar has been replaced. */
    private boolean current() {
        if (Objects.equals(version(jar), jarVersion)) {
            return true;
        }
        stop();
        return false;
    }

    private void stopWhenDone() {
        try {
            stopWhenIdleOrReplaced();
        } catch (RuntimeException e) {
            // A watch that cannot look stops the daemon rather than leave it running for ever: stopping is safe.
            log("stopping: " + e);
            stop();
        }
    }

    private void stopWhenIdleOrReplaced() {
        boolean idleLongEnough = running.get() == 0 && System.nanoTime() - lastActive.get() > idle.toNanos();
        boolean replaced = !Objects.equals(version(socket), socketKey) || !Objects.equals(version(jar), jarVersion);
        if (idleLongEnough || replaced) {
            stop();
        }
    }

    private void stop() {
        try {
            server.close();
        } catch (IOException e) {
            // closing is all that is wanted
        }
    }

    /** A file's identity and last change; null when it is gone. */
    private static Object version(Path file) {
        try {
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
            return List.of(String.valueOf(attributes.fileKey()), attributes.lastModifiedTime(),
                    attributes.size());
        } catch (IOException e) {
            return null;
        }
    }
}
