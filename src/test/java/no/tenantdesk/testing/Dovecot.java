package no.tenantdesk.testing;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.net.ssl.SSLSocketFactory;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real Dovecot IMAP server (Debian's dovecot-imapd; POP3 too, from dovecot-pop3d, and SMTP submission, from
 * dovecot-submissiond, when asked) on 127.0.0.1, for integration tests. Everything it needs or writes (configuration,
 * users, mail, sockets, state, log) is in one temporary folder, so several can run at once and nothing touches /etc or
 * /var. One user with a password; plain login, and by default no TLS.
 *
 * <pre>
 * &#64;RegisterExtension static final Dovecot dovecot = new Dovecot();   // one server for the class
 * &#64;RegisterExtension final Dovecot dovecot = new Dovecot();          // a fresh server for each test
 *
 * dovecot.deliver(message);                  // into INBOX (the Maildir's new/)
 * dovecot.uri("INBOX")                       // imap://kari@127.0.0.1:PORT/INBOX, with dovecot.password()
 *
 * new Dovecot().withTls()                    // STARTTLS offered on port(), IMAPS on imapsPort(); trust sslSockets()
 * new Dovecot().withPop3()                   // POP3 too (Debian's dovecot-pop3d), on pop3Port() (and pop3sPort())
 * new Dovecot().withSubmission(relayPort)    // SMTP submission on submissionPort(), relayed to 127.0.0.1:relayPort
 * new Dovecot().onNetworkAddress()           // on an address of this machine that is not loopback: host()
 * new Dovecot().withOAuth2(server, "xoauth2 oauthbearer")   // logins by token, checked by the server's introspection
 * </pre>
 *
 * <p>Without /usr/sbin/dovecot (or, for POP3, /usr/lib/dovecot/pop3; for submission, /usr/lib/dovecot/submission) the
 * tests are skipped, unless TENANTDESK_REQUIRE_DOVECOT=1 (as CI sets it), where they fail. Runs as root (mail then
 * belongs to "nobody", since Dovecot refuses mail access as root) or as a normal user (everything runs as that user).
 */
public final class Dovecot implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback {

    public static final Path EXECUTABLE = Path.of("/usr/sbin/dovecot");
    public static final String REQUIRE_ENV = "TENANTDESK_REQUIRE_DOVECOT";

    private static final Path POP3_EXECUTABLE = Path.of("/usr/lib/dovecot/pop3");
    private static final Path SUBMISSION_EXECUTABLE = Path.of("/usr/lib/dovecot/submission");
    private static final String LOOPBACK = "127.0.0.1";
    private static final String USER = "kari";
    private static final String GREETING = "tenantdesk test dovecot ready.";
    private static final int NOBODY = 65534;
    /** What Dovecot 2.3 offers after a login, less IDLE (imap_capability replaces the whole list). */
    private static final String CAPABILITIES_BUT_IDLE = "IMAP4rev1 SASL-IR LOGIN-REFERRALS ID ENABLE SORT"
            + " SORT=DISPLAY THREAD=REFERENCES THREAD=REFS THREAD=ORDEREDSUBJECT MULTIAPPEND URL-PARTIAL CATENATE"
            + " UNSELECT CHILDREN NAMESPACE UIDPLUS LIST-EXTENDED I18NLEVEL=1 CONDSTORE QRESYNC ESEARCH ESORT SEARCHRES"
            + " WITHIN CONTEXT=SEARCH LIST-STATUS BINARY MOVE SNIPPET=FUZZY PREVIEW=FUZZY PREVIEW STATUS=SIZE SAVEDATE"
            + " LITERAL+ NOTIFY";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(20);

    /** By the names they are for: keytool takes a second or two, and each test may start its own server. */
    private static final Map<String, TestCertificate> CERTIFICATES = new ConcurrentHashMap<>();

    private final String password = "pw-" + UUID.randomUUID();
    private boolean tls;
    private boolean pop3;
    private int relayPort;
    private boolean network;
    private boolean withoutIdle;
    private AuthorizationServer oauth2;
    private String oauth2Mechanisms;
    private String host = LOOPBACK;
    private Path dir;
    private TestCertificate certificate;
    private Process process;
    private Thread shutdownHook;
    private int port;
    private int imapsPort;
    private int pop3Port;
    private int pop3sPort;
    private int submissionPort;
    private boolean perClass;
    private int mailUid = -1;
    private int mailGid = -1;
    private long lastStamp;
    private int delivered;

    /**
     * Offers TLS: STARTTLS on the IMAP (and POP3) port, and IMAPS (and POP3S) on ports of their own, with a
     * certificate for "localhost" (not 127.0.0.1), or for the address of {@link #onNetworkAddress()}.
     */
    public Dovecot withTls() {
        tls = true;
        return this;
    }

    /** Serves POP3 as well, from the same mailbox. */
    public Dovecot withPop3() {
        pop3 = true;
        return this;
    }

    /**
     * Serves SMTP submission (RFC 6409) as well: users log in (after STARTTLS, when {@link #withTls()}), and what
     * they send Dovecot relays, without TLS or login, to the SMTP server on 127.0.0.1:{@code relayPort} (a GreenMail
     * the test started), answering the client only once that server has answered.
     */
    public Dovecot withSubmission(int relayPort) {
        this.relayPort = relayPort;
        return this;
    }

    /**
     * Listens on an IPv4 address of this machine that is not loopback (clients connecting to it count as across a
     * network) instead of 127.0.0.1. On a machine with none the test is skipped.
     */
    public Dovecot onNetworkAddress() {
        network = true;
        return this;
    }

    /**
     * Logs users in by OAuth 2.0 tokens instead of passwords, with the SASL mechanisms given ("xoauth2 oauthbearer",
     * or one of them): its oauth2 passdb asks {@code server}'s introspection endpoint (RFC 7662) over HTTPS whether a
     * token is active and whose it is. The server must be started before this Dovecot, as a JUnit extension
     * registered earlier.
     */
    public Dovecot withOAuth2(AuthorizationServer server, String mechanisms) {
        oauth2 = server;
        oauth2Mechanisms = mechanisms;
        return this;
    }

    /**
     * Does not offer IDLE (RFC 2177), as some providers' servers do not: Dovecot's own capabilities, less IDLE.
     */
    public Dovecot withoutIdle() {
        withoutIdle = true;
        return this;
    }

    /** The address it listens on: 127.0.0.1 unless {@link #onNetworkAddress()}. */
    public String host() {
        return host;
    }

    /** IMAP, with STARTTLS offered when {@link #withTls()}. */
    public int port() {
        return port;
    }

    public int imapsPort() {
        return requireEnabled(tls, "withTls()", imapsPort);
    }

    /** POP3, with STLS offered when {@link #withTls()}. */
    public int pop3Port() {
        return requireEnabled(pop3, "withPop3()", pop3Port);
    }

    public int pop3sPort() {
        return requireEnabled(tls && pop3, "withTls().withPop3()", pop3sPort);
    }

    /** SMTP submission, with STARTTLS offered when {@link #withTls()}. */
    public int submissionPort() {
        return requireEnabled(relayPort > 0, "withSubmission(relayPort)", submissionPort);
    }

    /** The certificate it presents, for a JVM of its own to trust ({@link TestCertificate#trustStore}). */
    public TestCertificate certificate() {
        requireEnabled(tls, "withTls()", 0);
        return certificate;
    }

    /** Sockets that trust this server's certificate and nothing else, for {@code SourceSpec.sslSockets}. */
    public SSLSocketFactory sslSockets() {
        requireEnabled(tls, "withTls()", 0);
        return certificate.trustingSockets();
    }

    private static int requireEnabled(boolean enabled, String how, int value) {
        if (!enabled) {
            throw new IllegalStateException("this Dovecot was not started with " + how);
        }
        return value;
    }

    public String user() {
        return USER;
    }

    public String password() {
        return password;
    }

    /** imap://USER@HOST:PORT/FOLDER, as fetch-mail takes it. */
    public String uri(String folder) {
        return "imap://" + USER + "@" + host + ":" + port + "/" + folder;
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

    /**
     * The log's lines that contain {@code fragment}, once there are {@code count} of them or a few seconds have
     * passed: Dovecot's log process writes a line a moment after what it tells of. A login reads
     * "imap-login: Info: Login: user=&lt;kari&gt;, method=PLAIN, rip=…, lip=…, mpid=…, TLS, session=&lt;…&gt;",
     * where ", TLS," says the password came over TLS (", secured," only that Dovecot trusts the connection, as it
     * does any from loopback).
     */
    public List<String> awaitLog(String fragment, int count) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(5);
        while (true) {
            List<String> lines = log().lines().filter(line -> line.contains(fragment)).toList();
            if (lines.size() >= count || Instant.now().isAfter(deadline)) {
                return lines;
            }
            Thread.sleep(20);
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
        requireInstalled(EXECUTABLE, "dovecot-imapd");
        if (pop3) {
            requireInstalled(POP3_EXECUTABLE, "dovecot-pop3d");
        }
        if (relayPort > 0) {
            requireInstalled(SUBMISSION_EXECUTABLE, "dovecot-submissiond");
        }
        if (network) {
            Optional<InetAddress> address = networkAddress();
            Assumptions.assumeTrue(address.isPresent(), "this machine has no IPv4 address that is not loopback");
            host = address.get().getHostAddress();
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
        if (oauth2 != null) {
            Files.writeString(dir.resolve("oauth2.conf.ext"), String.join("\n",
                    "introspection_mode = post",
                    "introspection_url = " + oauth2.introspectionUrl(),
                    "tls_ca_cert_file = " + oauth2.writeCertificate(dir.resolve("oauth2-ca.pem")),
                    "username_attribute = username",
                    "active_attribute = active",
                    "active_value = true",
                    ""));
        }
        if (tls) {
            // On loopback for "localhost" only, so that a test reaching it as 127.0.0.1 sees host names checked;
            // a network address has no name to use.
            certificate = CERTIFICATES.computeIfAbsent(
                    "dns:localhost" + (network ? ",ip:" + host : ""), TestCertificate::create);
            certificate.writePem(dir.resolve("cert.pem"), dir.resolve("key.pem"));
        }

        IOException lastFailure = null;
        for (int attempt = 0; attempt < 3; attempt++) {
            int[] ports = freePorts(5);
            port = ports[0];
            imapsPort = tls ? ports[1] : 0;
            pop3Port = pop3 ? ports[2] : 0;
            pop3sPort = pop3 && tls ? ports[3] : 0;
            submissionPort = relayPort > 0 ? ports[4] : 0;
            Path conf = dir.resolve("dovecot.conf");
            Files.writeString(conf, config(root, self, users));
            process = new ProcessBuilder(EXECUTABLE.toString(), "-F", "-c", conf.toString())
                    .redirectErrorStream(true)
                    .redirectOutput(dir.resolve("dovecot.out").toFile())
                    .start();
            shutdownHook = new Thread(this::kill, "stop dovecot " + port);
            Runtime.getRuntime().addShutdownHook(shutdownHook);
            try {
                // The master binds every listener before it starts a login process, or exits: once one port
                // greets, the others are bound too, and greet as soon as their login process is up.
                awaitGreeting(port);
                if (pop3) {
                    awaitGreeting(pop3Port);
                }
                if (relayPort > 0) {
                    awaitGreeting(submissionPort);
                }
                return;
            } catch (IOException e) {
                // Most likely another process took the port between freePorts() and Dovecot's bind: try another.
                lastFailure = e;
                stopProcess();
            }
        }
        String log = log();
        deleteDir();
        throw new IllegalStateException("Dovecot did not start: " + lastFailure.getMessage() + "\n" + log,
                lastFailure);
    }

    private static void requireInstalled(Path executable, String debianPackage) {
        if (!Files.isExecutable(executable)) {
            String message = executable + " is missing: install Debian's " + debianPackage
                    + " (apt-get install " + debianPackage + ")";
            if ("1".equals(System.getenv(REQUIRE_ENV))) {
                throw new IllegalStateException(message + "; " + REQUIRE_ENV + "=1 says these tests must run");
            }
            Assumptions.assumeTrue(false, message);
        }
    }

    private static Optional<InetAddress> networkAddress() throws SocketException {
        return NetworkInterface.networkInterfaces()
                .filter(Dovecot::isUpAndNotLoopback)
                .flatMap(NetworkInterface::inetAddresses)
                .filter(a -> a instanceof Inet4Address && !a.isLoopbackAddress() && !a.isLinkLocalAddress())
                .findFirst();
    }

    private static boolean isUpAndNotLoopback(NetworkInterface network) {
        try {
            return network.isUp() && !network.isLoopback();
        } catch (SocketException e) {
            return false;
        }
    }

    private String config(boolean root, PosixFileAttributes self, Path users) {
        String privileges = root
                ? ""
                // Without root Dovecot cannot switch users: every process runs as the one starting it.
                : "default_internal_user = " + self.owner().getName() + "\n"
                        + "default_internal_group = " + self.group().getName() + "\n"
                        + "default_login_user = " + self.owner().getName() + "\n";
        String ssl = tls
                ? "ssl = yes\nssl_cert = <" + dir.resolve("cert.pem") + "\nssl_key = <" + dir.resolve("key.pem")
                : "ssl = no";
        return """
                # Written by no.tenantdesk.testing.Dovecot for one test run.
                protocols = imap%7$s
                listen = %1$s
                base_dir = %2$s/run
                state_dir = %2$s/state
                instance_name = tenantdesk-dovecot-%3$d
                log_path = %2$s/dovecot.log
                login_greeting = %4$s
                %8$s
                disable_plaintext_auth = no
                auth_mechanisms = %10$s
                # Tests of a wrong password need no brute-force protection.
                auth_failure_delay = 0
                first_valid_uid = 1
                first_valid_gid = 1
                mail_location = maildir:~/Maildir
                %5$s
                %11$s
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
                    address = %1$s
                    port = %9$d
                    ssl = yes
                  }
                }
                """.formatted(host, dir, port, GREETING, privileges, users,
                        (pop3 ? " pop3" : "") + (relayPort > 0 ? " submission" : ""), ssl, imapsPort,
                        oauth2 == null ? "plain login" : oauth2Mechanisms, passdb(users))
                + (withoutIdle ? "imap_capability = " + CAPABILITIES_BUT_IDLE + "\n" : "")
                + (pop3 ? pop3Config() : "")
                + (relayPort > 0 ? submissionConfig() : "");
    }

    private String passdb(Path users) {
        return oauth2 == null
                ? "passdb {\n  driver = passwd-file\n  args = scheme=PLAIN username_format=%u " + users + "\n}"
                : "passdb {\n  driver = oauth2\n  mechanisms = " + oauth2Mechanisms + "\n  args = "
                        + dir.resolve("oauth2.conf.ext") + "\n}";
    }

    private String pop3Config() {
        return """
                service pop3-login {
                  chroot =
                  inet_listener pop3 {
                    address = %1$s
                    port = %2$d
                  }
                  inet_listener pop3s {
                    address = %1$s
                    port = %3$d
                    ssl = yes
                  }
                }
                """.formatted(host, pop3Port, pop3sPort);
    }

    private String submissionConfig() {
        return """
                # Dovecot greets, and names itself in its Received line, with this name.
                hostname = localhost
                postmaster_address = postmaster@localhost
                submission_relay_host = 127.0.0.1
                submission_relay_port = %2$d
                submission_relay_ssl = no
                submission_relay_trusted = no
                service submission-login {
                  chroot =
                  inet_listener submission {
                    address = %1$s
                    port = %3$d
                  }
                }
                """.formatted(host, relayPort, submissionPort);
    }

    /** The port answers with our greeting once the login process is up; until then nothing can log in. */
    private void awaitGreeting(int port) throws IOException, InterruptedException {
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        while (true) {
            if (!process.isAlive()) {
                throw new IOException("dovecot exited with " + process.exitValue());
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(host, port), 500);
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
        certificate = null;
        host = LOOPBACK;
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

    /** Distinct ports: all are held open until all are found. */
    private int[] freePorts(int count) throws IOException {
        List<ServerSocket> sockets = new ArrayList<>();
        try {
            for (int i = 0; i < count; i++) {
                sockets.add(new ServerSocket(0, 1, InetAddress.getByName(host)));
            }
            return sockets.stream().mapToInt(ServerSocket::getLocalPort).toArray();
        } finally {
            for (ServerSocket socket : sockets) {
                socket.close();
            }
        }
    }
}
