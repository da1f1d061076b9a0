package no.tenantdesk.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import no.tenantdesk.store.Database;
import no.tenantdesk.store.DatabaseAddress;
import no.tenantdesk.store.PostgresServer;
import org.junit.jupiter.api.Assumptions;

/**
 * A real PostgreSQL server from Debian's packages, a throwaway cluster on a free loopback port, started once per test
 * JVM and stopped when it exits. Each test gets a database of its own, copied from a template that tenantdesk has
 * migrated once (CREATE DATABASE … TEMPLATE: some milliseconds, where migrating took a second). Passwords are
 * checked (scram-sha-256), so a test can give a wrong one.
 *
 * <p>PostgreSQL refuses to run as root, and CI runs as root: then the cluster runs as the postgres user, through
 * runuser. Without the server installed the tests that need it are skipped, unless TENANTDESK_REQUIRE_POSTGRES=1
 * (as .ci/run sets it), where they fail.
 *
 * <p>Which database the command-line and mail tests run on is the system property tenantdesk.test.database
 * ("postgresql", as the pom's second test pass sets it; else SQLite): see {@link Cli}.
 */
public final class Postgres {

    public static final String REQUIRE_ENV = "TENANTDESK_REQUIRE_POSTGRES";
    public static final String PROPERTY = "tenantdesk.test.database";
    public static final String USER = "tenantdesk";
    public static final String PASSWORD = "tenantdesk-test-password";
    private static final String TEMPLATE = "tenantdesk_template";
    /** Databases kept before the oldest is dropped: tests run one after another, each with one or two. */
    private static final int KEPT = 8;

    private final Path folder;
    private final Path bin;
    private final int port;
    private final boolean asPostgresUser;
    private final AtomicInteger databases = new AtomicInteger();
    private final List<String> made = new ArrayList<>();
    private final java.util.Map<Path, String> byFolder = new java.util.HashMap<>();

    private Postgres(Path folder, Path bin, int port, boolean asPostgresUser) {
        this.folder = folder;
        this.bin = bin;
        this.port = port;
        this.asPostgresUser = asPostgresUser;
    }

    /** Whether this test JVM runs the command-line and mail tests on PostgreSQL. */
    public static boolean selected() {
        return "postgresql".equals(System.getProperty(PROPERTY));
    }

    /** The cluster of this JVM, started on first use; skips (or fails, when required) where there is no server. */
    public static Postgres cluster() {
        return Holder.start();
    }

    /** One per JVM: the server costs seconds to make, a database of it milliseconds. */
    private static final class Holder {

        private static Postgres cluster;
        private static RuntimeException failure;

        static synchronized Postgres start() {
            if (binaries() == null) {
                unavailable("no PostgreSQL server installed (apt-get install postgresql)");
            }
            if (failure != null) {
                throw new IllegalStateException("the test server did not start", failure);
            }
            if (cluster == null) {
                try {
                    cluster = Postgres.make();
                } catch (RuntimeException e) {
                    failure = e; // a server that is there but fails is a failure, in every test that needs it
                    throw e;
                }
            }
            return cluster;
        }
    }

    private static void unavailable(String message) {
        if ("1".equals(System.getenv(REQUIRE_ENV))) {
            throw new IllegalStateException(message + "; " + REQUIRE_ENV + "=1 says these tests must run");
        }
        Assumptions.assumeTrue(false, message);
    }

    private static Postgres make() {
        Path bin = binaries();
        boolean root = "root".equals(System.getProperty("user.name"));
        try {
            Path folder = Files.createTempDirectory("tenantdesk-postgres-");
            if (root) {
                UserPrincipal postgres = folder.getFileSystem().getUserPrincipalLookupService()
                        .lookupPrincipalByName("postgres");
                Files.setOwner(folder, postgres);
            }
            Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwx------"));
            Postgres cluster = new Postgres(folder, bin, freePort(), root);
            cluster.initialise();
            Runtime.getRuntime().addShutdownHook(new Thread(cluster::stop, "tenantdesk-postgres-stop"));
            cluster.makeTemplate();
            return cluster;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The newest server under /usr/lib/postgresql, as Debian installs it. */
    private static Path binaries() {
        Path versions = Path.of("/usr/lib/postgresql");
        if (!Files.isDirectory(versions)) {
            return null;
        }
        try (Stream<Path> list = Files.list(versions)) {
            return list.map(v -> v.resolve("bin"))
                    .filter(b -> Files.isExecutable(b.resolve("postgres")) && Files.isExecutable(b.resolve("initdb")))
                    .max(Comparator.comparing(b -> Integer.parseInt(b.getParent().getFileName().toString()
                            .replaceAll("\\D", "0"))))
                    .orElse(null);
        } catch (IOException e) {
            return null;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private void initialise() throws IOException {
        Path passwordFile = folder.resolve("superuser.password");
        Files.writeString(passwordFile, PASSWORD + "\n");
        own(passwordFile);
        run(bin.resolve("initdb").toString(), "-D", folder.resolve("data").toString(), "-U", "postgres",
                "--pwfile=" + passwordFile, "--auth-local=trust", "--auth-host=scram-sha-256", "-E", "UTF8",
                "--locale=C.UTF-8", "--no-sync");
        start();
        try (Connection admin = connect("postgres", "postgres"); Statement sql = admin.createStatement()) {
            sql.execute("CREATE ROLE " + USER + " LOGIN CREATEDB PASSWORD '" + PASSWORD + "'");
            sql.execute("CREATE DATABASE " + TEMPLATE + " OWNER " + USER);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot set up the test server: " + e.getMessage(), e);
        }
    }

    /** The template, migrated by tenantdesk itself; no connection may stay on it for it to be copied. */
    private void makeTemplate() {
        try (Database database = Database.open(server(url(TEMPLATE)), Duration.ofSeconds(10))) {
            database.read(tx -> null);
        }
    }

    /**
     * The database of a test's folder: a new one the first time, the same one for every {@link Cli} of that folder
     * after it (as they share the SQLite file in it).
     */
    public synchronized String databaseFor(Path folder) {
        Path key = folder.toAbsolutePath().normalize();
        String url = byFolder.get(key);
        if (url == null) {
            url = newDatabase();
            byFolder.put(key, url);
        }
        return url;
    }

    /** A new database with tenantdesk's schema, as a --db URL (the password: {@link #PASSWORD}, as PGPASSWORD). */
    public synchronized String newDatabase() {
        String name = "test_" + databases.incrementAndGet();
        try (Connection admin = connect("postgres", "postgres"); Statement sql = admin.createStatement()) {
            sql.execute("CREATE DATABASE " + name + " TEMPLATE " + TEMPLATE + " OWNER " + USER);
            made.add(name);
            while (made.size() > KEPT) {
                String old = made.remove(0);
                byFolder.values().remove(url(old));
                sql.execute("DROP DATABASE IF EXISTS " + old + " WITH (FORCE)");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot make a test database: " + e.getMessage(), e);
        }
        return url(name);
    }

    /** A new database with nothing in it, not even tenantdesk's tables. */
    public synchronized String emptyDatabase() {
        String name = "empty_" + databases.incrementAndGet();
        try (Connection admin = connect("postgres", "postgres"); Statement sql = admin.createStatement()) {
            sql.execute("CREATE DATABASE " + name + " OWNER " + USER);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot make a test database: " + e.getMessage(), e);
        }
        return url(name);
    }

    /** A --db URL of this cluster as the program has it, with its password. */
    public static PostgresServer server(String url) {
        return ((PostgresServer) DatabaseAddress.parse(url, Path::of)).withPassword(PASSWORD, "the test");
    }

    public String url(String database) {
        return "postgresql://" + USER + "@127.0.0.1:" + port + "/" + database;
    }

    public int port() {
        return port;
    }

    /** Plain JDBC on a database of the cluster, as its owner or as the superuser. */
    public Connection connect(String database, String user) throws SQLException {
        return connect(database, user, new Properties());
    }

    /** The same, with the driver's {@code more} settings. */
    public Connection connect(String database, String user, Properties more) throws SQLException {
        Properties properties = new Properties();
        properties.putAll(more);
        properties.setProperty("user", user);
        properties.setProperty("password", PASSWORD);
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/" + database, properties);
    }

    /** Stops the server (as a crash or a restart would), and {@link #start} brings it back. */
    public void stopServer() {
        run(bin.resolve("pg_ctl").toString(), "-D", folder.resolve("data").toString(), "-w", "-m", "fast", "stop");
    }

    public void start() {
        // Throwaway data: no syncs, a few connections more than ten processes and the tests' own need.
        run(bin.resolve("pg_ctl").toString(), "-D", folder.resolve("data").toString(), "-w", "-t", "60",
                "-l", folder.resolve("server.log").toString(), "-o",
                "-c listen_addresses=127.0.0.1 -c port=" + port + " -c unix_socket_directories=" + folder
                        + " -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300"
                        + " -c shared_buffers=64MB",
                "start");
    }

    private void stop() {
        try {
            run(bin.resolve("pg_ctl").toString(), "-D", folder.resolve("data").toString(), "-m", "immediate", "stop");
        } catch (RuntimeException e) {
            // Stopped already, or never started: the folder goes anyway.
        }
        try (Stream<Path> files = Files.walk(folder)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // A leftover in the temporary folder; the next boot clears it.
        }
    }

    private void own(Path file) throws IOException {
        if (asPostgresUser) {
            Files.setOwner(file, file.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("postgres"));
        }
    }

    /** A server program, as the postgres user when this JVM is root's. */
    private void run(String... command) {
        List<String> line = new ArrayList<>();
        if (asPostgresUser) {
            line.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        line.addAll(List.of(command));
        try {
            Process process = new ProcessBuilder(line).redirectErrorStream(true)
                    .redirectOutput(folder.resolve("commands.log").toFile().exists()
                            ? ProcessBuilder.Redirect.appendTo(folder.resolve("commands.log").toFile())
                            : ProcessBuilder.Redirect.to(folder.resolve("commands.log").toFile()))
                    .directory(folder.toFile())
                    .start();
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(command[0] + " did not finish in two minutes");
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException(Path.of(command[0]).getFileName() + " failed (exit "
                        + process.exitValue() + "): " + tail(folder.resolve("commands.log")));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join(" | ", lines.subList(Math.max(0, lines.size() - 5), lines.size()));
        } catch (IOException e) {
            return "(no log)";
        }
    }
}
