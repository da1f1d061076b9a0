package no.tenantdesk.testing;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real Dovecot IMAP server (Debian's dovecot-imapd) on 127.0.0.1, for integration tests. Everything it needs or
 * writes (configuration, users, mail, sockets, state, log) is in one temporary folder, so several can run at once
 * and nothing touches /etc or /var. One user with a password; plain login, no TLS (loopback only).
 *
 * <pre>
 * &#64;RegisterExtension static final Dovecot dovecot = new Dovecot();   // one server for the class
 * &#64;RegisterExtension final Dovecot dovecot = new Dovecot();          // a fresh server for each test
 *
 * dovecot.deliver(message);                  // into INBOX (the Maildir's new/)
 * dovecot.uri("INBOX")                       // imap://kari@127.0.0.1:PORT/INBOX, with dovecot.password()
 * </pre>
 *
 * <p>Without /usr/sbin/dovecot the tests are skipped, unless TENANTDESK_REQUIRE_DOVECOT=1 (as CI sets it), where
 * they fail. Runs as root (mail then belongs to "nobody", since Dovecot refuses mail access as root) or as a normal
 * user (everything runs as that user).
 */
public final class Dovecot implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback {

    public static final Path EXECUTABLE = Path.of("/usr/sbin/dovecot");
    public static final String REQUIRE_ENV = "TENANTDESK_REQUIRE_DOVECOT";

    private static final String HOST = "127.0.0.1";
    private static final String USER = "kari";
    private static final String GREETING = "tenantdesk test dovecot ready.";
    private static final int NOBODY = 65534;
    private static final Duration START_TIMEOUT = Duration.ofSeconds(20);

    private final String password = "pw-" + UUID.randomUUID();
    private Path dir;
    private Process process;
    private Thread shutdownHook;
    private int port;
    private boolean perClass;
    private int mailUid = -1;
    private int mailGid = -1;
    private long lastStamp;
    private int delivered;

    public String host() {
        return HOST;
    }

    public int port() {
        return port;
    }

    public String user() {
        return USER;
    }

    public String password() {
        return password;
    }

    /** imap://USER@127.0.0.1:PORT/FOLDER, as fetch-mail takes it. */
    public String uri(String folder) {
        return "imap://" + USER + "@" + HOST + ":" + port + "/" + folder;
    }

    /** The user's Maildir, which is INBOX; other folders are its ".NAME" subfolders (Maildir++). */
    public Path maildir() {
        return dir.resolve("home").resolve(USER).resolve("Maildir");
    }

    /** The Maildir of one folder: INBOX or a folder made with {@link #createFolder}. */
    public Path folder(String name) {
        return name.equalsIgnoreCase("INBOX") ? maildir() : maildir().resolve("." + name);
    }

    /** Makes a folder, as a mail client would with CREATE. */
    public void createFolder(String name) {
        try {
            for (String sub : List.of("cur", "new", "tmp")) {
                mine(Files.createDirectories(folder(name).resolve(sub)));
            }
            mine(folder(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Delivers one message into INBOX as an MDA does: written into tmp/, then renamed into new/. */
    public void deliver(String message) {
        try {
            // Dovecot gives new messages their UIDs in the order of the time in their names ("SECONDS.MMICROS"):
            // a stamp that always grows keeps UIDs in delivery order, however fast the test delivers.
            Instant now = Instant.now();
            lastStamp = Math.max(lastStamp + 1, now.getEpochSecond() * 1_000_000 + now.getNano() / 1000);
            String unique = String.format(
                    "%d.M%06dP%dQ%d.tenantdesk-test", lastStamp / 1_000_000, lastStamp % 1_000_000,
                    ProcessHandle.current().pid(), ++delivered);
            Path tmp = maildir().resolve("tmp").resolve(unique);
            Files.writeString(tmp, message, UTF_8);
            mine(tmp);
            Files.move(tmp, maildir().resolve("new").resolve(unique), StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Dovecot's log, for a failing test's message. */
    public String log() {
        try {
            Path log = dir.resolve("dovecot.log");
            Path out = dir.resolve("dovecot.out");
            return (Files.exists(out) ? Files.readString(out) : "") + (Files.exists(log) ? Files.readString(log) : "");
        } catch (IOException e) {
            return "(log unreadable: " + e + ")";
        }
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        perClass = true;
        start();
    }

    @Override
    public void beforeEach(ExtensionContext context) throws Exception {
        if (!perClass) {
            start();
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        if (!perClass) {
            stop();
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        stop();
    }

    private void start() throws IOException, InterruptedException {
        if (!Files.isExecutable(EXECUTABLE)) {
            String message = EXECUTABLE + " is missing: install Debian's dovecot-imapd (apt-get install dovecot-imapd)";
            if ("1".equals(System.getenv(REQUIRE_ENV))) {
                throw new IllegalStateException(message + "; " + REQUIRE_ENV + "=1 says these tests must run");
            }
            Assumptions.assumeTrue(false, message);
        }
        dir = Files.createTempDirectory("tenantdesk-dovecot");
        // Dovecot's unprivileged processes (and, as root, the mail user) must reach the folders inside.
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        boolean root = (Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid") == 0;
        PosixFileAttributes self = Files.readAttributes(dir, PosixFileAttributes.class);
        if (root) {
            mailUid = NOBODY;
            mailGid = NOBODY;
        } else {
            mailUid = (Integer) Files.getAttribute(dir, "unix:uid");
            mailGid = (Integer) Files.getAttribute(dir, "unix:gid");
        }
        Path home = mine(Files.createDirectories(dir.resolve("home").resolve(USER)));
        mine(Files.createDirectories(maildir()));
        for (String sub : List.of("cur", "new", "tmp")) {
            mine(Files.createDirectories(maildir().resolve(sub)));
        }
        Files.createDirectories(dir.resolve("run"));
        Files.createDirectories(dir.resolve("state"));
        Path users = dir.resolve("users");
        Files.writeString(users, USER + ":{PLAIN}" + password + ":" + mailUid + ":" + mailGid + "::" + home + "::\n");

        IOException lastFailure = null;
        for (int attempt = 0; attempt < 3; attempt++) {
            port = freePort();
            Path conf = dir.resolve("dovecot.conf");
            Files.writeString(conf, config(root, self, users));
            process = new ProcessBuilder(EXECUTABLE.toString(), "-F", "-c", conf.toString())
                    .redirectErrorStream(true)
                    .redirectOutput(dir.resolve("dovecot.out").toFile())
                    .start();
            shutdownHook = new Thread(this::kill, "stop dovecot " + port);
            Runtime.getRuntime().addShutdownHook(shutdownHook);
            try {
                awaitGreeting();
                return;
            } catch (IOException e) {
                // Most likely another process took the port between freePort() and Dovecot's bind: try another.
                lastFailure = e;
                stopProcess();
            }
        }
        String log = log();
        deleteDir();
        throw new IllegalStateException("Dovecot did not start: " + lastFailure.getMessage() + "\n" + log,
                lastFailure);
    }

    private String config(boolean root, PosixFileAttributes self, Path users) {
        String privileges = root
                ? ""
                // Without root Dovecot cannot switch users: every process runs as the one starting it.
                : "default_internal_user = " + self.owner().getName() + "\n"
                        + "default_internal_group = " + self.group().getName() + "\n"
                        + "default_login_user = " + self.owner().getName() + "\n";
        return """
                # Written by no.tenantdesk.testing.Dovecot for one test run.
                protocols = imap
                listen = %1$s
                base_dir = %2$s/run
                state_dir = %2$s/state
                instance_name = tenantdesk-dovecot-%3$d
                log_path = %2$s/dovecot.log
                login_greeting = %4$s
                ssl = no
                disable_plaintext_auth = no
                auth_mechanisms = plain login
                # Tests of a wrong password need no brute-force protection.
                auth_failure_delay = 0
                first_valid_uid = 1
                first_valid_gid = 1
                mail_location = maildir:~/Maildir
                %5$s
                passdb {
                  driver = passwd-file
                  args = scheme=PLAIN username_format=%%u %6$s
                }
                userdb {
                  driver = passwd-file
                  args = username_format=%%u %6$s
                }
                namespace inbox {
                  inbox = yes
                  separator = /
                }
                # chroot needs root; a test server has nothing to protect by it.
                service anvil {
                  chroot =
                }
                service imap-login {
                  chroot =
                  inet_listener imap {
                    address = %1$s
                    port = %3$d
                  }
                  inet_listener imaps {
                    port = 0
                  }
                }
                """.formatted(HOST, dir, port, GREETING, privileges, users);
    }

    /** The port answers with our greeting once the login process is up; until then nothing can log in. */
    private void awaitGreeting() throws IOException, InterruptedException {
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        while (true) {
            if (!process.isAlive()) {
                throw new IOException("dovecot exited with " + process.exitValue());
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(HOST, port), 500);
                socket.setSoTimeout(2000);
                BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), UTF_8));
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    if (line.contains(GREETING)) {
                        return;
                    }
                }
            } catch (IOException e) {
                if (Instant.now().isAfter(deadline)) {
                    throw new IOException("no greeting on port " + port + " after " + START_TIMEOUT.toSeconds()
                            + " s (" + e.getMessage() + ")", e);
                }
            }
            Thread.sleep(50);
        }
    }

    private void stop() {
        if (process == null) {
            return;
        }
        stopProcess();
        deleteDir();
    }

    private void stopProcess() {
        kill();
        if (shutdownHook != null) {
            try {
                Runtime.getRuntime().removeShutdownHook(shutdownHook);
            } catch (IllegalStateException e) {
                // The JVM is already shutting down, and the hook is running or ran.
            }
            shutdownHook = null;
        }
        process = null;
    }

    /** SIGTERM to the master, which stops its children; whatever is left after a few seconds is killed. */
    private void kill() {
        Process p = process;
        if (p == null) {
            return;
        }
        List<ProcessHandle> tree = p.descendants().toList();
        p.destroy();
        try {
            if (!p.waitFor(5, TimeUnit.SECONDS)) {
                p.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        for (ProcessHandle child : tree) {
            if (child.isAlive()) {
                child.destroyForcibly();
            }
        }
    }

    private void deleteDir() {
        if (dir == null) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // A temporary folder left behind is harmless.
        }
        dir = null;
    }

    /** As root, mail belongs to the mail user Dovecot switches to; as a normal user, it is ours already. */
    private Path mine(Path path) throws IOException {
        if (mailUid >= 0 && (Integer) Files.getAttribute(path, "unix:uid") != mailUid) {
            Files.setAttribute(path, "unix:uid", mailUid);
            Files.setAttribute(path, "unix:gid", mailGid);
        }
        return path;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getByName(HOST))) {
            return socket.getLocalPort();
        }
    }
}
