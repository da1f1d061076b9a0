package no.tenantdesk.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The daemon serves its own user only, keeps nothing of a client's, and makes its files for its user alone: the
 * installed launcher as real processes, with a second user (nobody) where the tests run as root, as CI does.
 */
class DaemonSecurityIT extends DaemonTestBase {

    Path folder() {
        return runtime.resolve("tenantdesk");
    }

    String mode(Path file) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(file));
    }

    String daemonLog() throws IOException {
        try (Stream<Path> files = Files.list(folder())) {
            Path log = files.filter(f -> f.toString().endsWith(".log")).findFirst().orElseThrow();
            return Files.readString(log);
        }
    }

    @Test
    void itsFolderSocketLockAndLogAreItsUsersAloneWhateverTheUmask() throws Exception {
        Map<String, String> env = new HashMap<>(Map.of("XDG_RUNTIME_DIR", runtime.toString(),
                "T", prefix.resolve("bin/tenantdesk").toString()));
        Run first = run(home, env, Path.of("/dev/null"), "bash", "-c", "umask 000 && exec \"$T\" --version");
        assertThat(first.exitCode()).as(first.err()).isZero();
        awaitTheDaemon();

        assertThat(mode(folder())).isEqualTo("rwx------");
        try (Stream<Path> files = Files.list(folder())) {
            List<Path> all = files.toList();
            assertThat(all).extracting(f -> f.getFileName().toString())
                    .anyMatch(name -> name.endsWith(".sock")).anyMatch(name -> name.endsWith(".lock"))
                    .anyMatch(name -> name.endsWith(".log")).noneMatch(name -> name.endsWith(".options"));
            for (Path file : all) {
                assertThat(mode(file)).as(file.toString()).isEqualTo("rw-------");
            }
        }
    }

    @Test
    void noSecretOfTheClientThatStartedItStaysInItsEnvironmentOrCommandLine() throws Exception {
        Map<String, String> first = Map.of("TENANTDESK_SMTP_PASSWORD", "hemmelig-smtp",
                "TENANTDESK_JAVA_OPTS", "-Djavax.net.ssl.trustStorePassword=hemmelig-trust -Xlog:gc:file="
                        + home.resolve("gc-%p.log"));
        Run started = tenantdesk(first, "--version");
        assertThat(started.exitCode()).as(started.err()).isZero();
        await("the daemon", () -> daemon().isPresent() && socketsExist());
        ProcessHandle daemon = daemon().orElseThrow();

        String environment = Files.readString(Path.of("/proc", String.valueOf(daemon.pid()), "environ"),
                StandardCharsets.UTF_8);
        String commandLine = Files.readString(Path.of("/proc", String.valueOf(daemon.pid()), "cmdline"),
                StandardCharsets.UTF_8);
        assertThat(environment).doesNotContain("hemmelig").doesNotContain("TENANTDESK_");
        assertThat(commandLine).doesNotContain("hemmelig").doesNotContain("trustStorePassword");
        // The options are in effect all the same: the daemon wrote its own GC log.
        await("the daemon's GC log", () -> Files.exists(home.resolve("gc-" + daemon.pid() + ".log")));
        try (Stream<Path> files = Files.list(folder())) {
            assertThat(files).noneMatch(f -> f.toString().endsWith(".options"));
        }
        // The client's own JVM does not show them either: they came through an argument file on a pipe.
        Run shown = tenantdesk(first, "inquiry", "list");
        assertThat(shown.exitCode()).as(shown.err()).isZero();
    }

    boolean socketsExist() {
        try {
            return !sockets().isEmpty();
        } catch (IOException e) {
            return false;
        }
    }

    @Test
    void aClientThatSendsNoRequestIsCutOff() throws Exception {
        startTheDaemon();
        Path socket = sockets().get(0);
        long start = System.nanoTime();
        try (SocketChannel stuck = SocketChannel.open(UnixDomainSocketAddress.of(socket))) {
            assertThat(stuck.read(ByteBuffer.allocate(16))).isEqualTo(-1);
        }
        assertThat(TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start)).isBetween(4L, 30L);
        assertThat(daemonLog()).contains("cut off a client that sent no whole request within 5 s");
        assertThat(tenantdesk("inquiry", "list").exitCode()).isZero();
    }

    @Test
    void anotherUserWhoReachesTheSocketIsRefusedAndLogged() throws Exception {
        assumeTrue(Files.getAttribute(Path.of("/proc/self"), "unix:uid").equals(0), "needs root to be another user");
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/setpriv")), "needs setpriv (util-linux)");
        startTheDaemon();
        Path socket = sockets().get(0);
        // Only SO_PEERCRED stands in the way: the folders let nobody through, the socket lets anyone write.
        for (Path p = socket.getParent(); p.startsWith(home.getParent()) && !p.equals(home.getParent());
                p = p.getParent()) {
            Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwx--x--x"));
        }
        Files.setPosixFilePermissions(socket, PosixFilePermissions.fromString("rw-rw-rw-"));
        Path probeFolder = Files.createTempDirectory("tenantdesk-probe");
        try {
            Files.setPosixFilePermissions(probeFolder, PosixFilePermissions.fromString("rwxr-xr-x"));
            Path probe = Files.writeString(probeFolder.resolve("Probe.java"), String.join("\n",
                    "import java.net.UnixDomainSocketAddress;",
                    "import java.nio.ByteBuffer;",
                    "import java.nio.channels.SocketChannel;",
                    "public class Probe {",
                    "    public static void main(String[] args) throws Exception {",
                    "        try (SocketChannel c = SocketChannel.open(UnixDomainSocketAddress.of(args[0]))) {",
                    "            long start = System.nanoTime();",
                    "            int read = c.read(ByteBuffer.allocate(16));",
                    "            long millis = (System.nanoTime() - start) / 1000000;",
                    "            System.out.println(\"read \" + read + \" after \" + millis);",
                    "        }",
                    "    }",
                    "}", ""));
            Files.setPosixFilePermissions(probe, PosixFilePermissions.fromString("rw-r--r--"));
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();

            Run asNobody = run(probeFolder, Map.of(), Path.of("/dev/null"), "/usr/bin/setpriv", "--reuid=65534",
                    "--regid=65534", "--clear-groups", java, probe.toString(), socket.toString());

            assertThat(asNobody.exitCode()).as(asNobody.err()).isZero();
            assertThat(asNobody.out()).startsWith("read -1 after ");
            int millis = Integer.parseInt(asNobody.out().strip().replaceFirst(".* after ", ""));
            assertThat(millis).as("closed at once, not after the request timeout").isLessThan(3000);
            assertThat(daemonLog()).containsPattern("refused a connection from user (nobody|65534): this daemon"
                    + " serves root only");
            assertThat(tenantdesk("inquiry", "list").exitCode()).isZero();
        } finally {
            try (Stream<Path> files = Files.walk(probeFolder)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
    }

    @Test
    void aDaemonStartedInAFolderOthersMayEnterDoesNotServe() throws Exception {
        Path open = Files.createDirectory(runtime.resolve("tenantdesk"),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();

        Run daemon = run(home, Map.of(), Path.of("/dev/null"), java, "-cp",
                prefix.resolve("share/tenantdesk/tenantdesk.jar").toString(), DAEMON_CLASS,
                open.resolve("daemon-test.sock").toString(), "1");

        assertThat(daemon.exitCode()).isZero();
        assertThat(daemon.out()).contains("not started: others may enter " + open);
        assertThat(open.resolve("daemon-test.sock")).doesNotExist();
    }
}
