package no.tenantdesk.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the daemon's tests share: the program installed once (InstalledCopy), the installed launcher run as real
 * processes, and each test with a home and runtime folder (and so a daemon) of its own.
 */
abstract class DaemonTestBase {

    static final String DAEMON_CLASS = "no.tenantdesk.daemon.Daemon";

    /**
     * The daemons the launcher's tests start listen at once, without the product's 30 rounds of warm-up (12 s of CPU
     * each, 4 s for one round): how fast a daemon's first command is is not what these tests prove. DaemonIT's first
     * test keeps the default, and so runs the warm-up.
     */
    static final Map<String, String> NO_WARM_UP = Map.of("TENANTDESK_DAEMON_WARM_UP", "0");

    /** The program installed once for all the daemon's tests of this JVM (InstalledCopy). */
    final Path prefix = InstalledCopy.prefix();

    @TempDir
    Path home;

    Path runtime;

    record Run(int exitCode, String out, String err) {}

    @BeforeEach
    void privateRuntimeFolder() throws IOException {
        runtime = Files.createDirectory(home.resolve("run"),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
    }

    @AfterEach
    void stopTheDaemons() {
        daemons().forEach(ProcessHandle::destroyForcibly);
    }

    static Run run(Path folder, Map<String, String> extra, Path stdin, String... command)
            throws IOException, InterruptedException {
        ClassDataSharingIT.Run run = ClassDataSharingIT.run(folder, extra, stdin, command);
        return new Run(run.exitCode(), run.out(), run.err());
    }

    Run tenantdesk(Path folder, Map<String, String> extra, Path stdin, String... args)
            throws IOException, InterruptedException {
        Map<String, String> env = new HashMap<>();
        env.put("XDG_RUNTIME_DIR", runtime.toString());
        env.put("TENANTDESK_DB", home.resolve("tenantdesk.db").toString());
        env.putAll(extra);
        List<String> command = new ArrayList<>(List.of(prefix.resolve("bin/tenantdesk").toString()));
        command.addAll(List.of(args));
        return run(folder, env, stdin, command.toArray(String[]::new));
    }

    Run tenantdesk(Map<String, String> extra, String... args) throws IOException, InterruptedException {
        return tenantdesk(home, extra, Path.of("/dev/null"), args);
    }

    Run tenantdesk(String... args) throws IOException, InterruptedException {
        return tenantdesk(Map.of(), args);
    }

    List<ProcessHandle> daemons() {
        return ProcessHandle.allProcesses().filter(p -> p.info().commandLine()
                .filter(c -> c.contains(DAEMON_CLASS) && c.contains(runtime.toString())).isPresent()).toList();
    }

    Optional<ProcessHandle> daemon() {
        return daemons().stream().findFirst();
    }

    List<Path> sockets() throws IOException {
        Path folder = runtime.resolve("tenantdesk");
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> f.toString().endsWith(".sock")).toList();
        }
    }

    /**
     * That a run, now ended, started no daemon, proven without waiting to see none come: the client writes the
     * daemon's log file before it starts one (Daemons.start), so a daemon it started has left its log already.
     */
    void assertNoDaemonWasStarted() throws IOException {
        Path folder = runtime.resolve("tenantdesk");
        if (Files.isDirectory(folder)) {
            try (Stream<Path> files = Files.list(folder)) {
                assertThat(files.map(file -> file.getFileName().toString()))
                        .noneMatch(name -> name.endsWith(".log") || name.endsWith(".sock"));
            }
        }
        assertThat(daemon()).isEmpty();
    }

    static void await(String what, BooleanSupplier condition) throws InterruptedException {
        // Long enough for a daemon's warm-up on a machine that is busy with other builds.
        Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("waited 90 s for " + what);
            }
            Thread.sleep(50);
        }
    }

    /** The first command starts a daemon and runs itself; waits until the daemon answers. */
    void startTheDaemon() throws Exception {
        startTheDaemon(Map.of());
    }

    /** As {@link #startTheDaemon()}, with these variables for the command that starts it. */
    void startTheDaemon(Map<String, String> extra) throws Exception {
        Run first = tenantdesk(extra, "--version");
        assertThat(first.exitCode()).as(first.err()).isZero();
        awaitTheDaemon();
    }

    /** Until a command is run by the daemon: a socket file alone may be one a killed daemon left. */
    void awaitTheDaemon() throws InterruptedException {
        await("the daemon to answer", () -> {
            try {
                return !classesLoadedBy("--version").contains("picocli.CommandLine ");
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        });
    }

    /**
     * The classes a command's own JVM loaded: the client's alone when the daemon ran it. Logged through
     * JAVA_TOOL_OPTIONS, which the daemon leaves alone: other JVM options get a daemon of their own.
     */
    String classesLoadedBy(String... args) throws Exception {
        Path log = home.resolve("classes.log");
        Files.deleteIfExists(log);
        Run run = tenantdesk(Map.of("JAVA_TOOL_OPTIONS", "-Xlog:class+load:file=" + log), args);
        assertThat(run.exitCode()).as(run.err()).isZero();
        return Files.readString(log);
    }

}
