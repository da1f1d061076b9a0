package no.tenantdesk.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import no.tenantdesk.testing.Dovecot;
import no.tenantdesk.testing.LatencyProxy;
import no.tenantdesk.testing.Maildir;
import no.tenantdesk.testing.Postgres;
import no.tenantdesk.testing.Sql;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * fetch-mail --watch as a real process against a real Dovecot (IMAP IDLE) through a proxy that can take the network
 * down: a message delivered while it waits becomes an inquiry within seconds; after an outage it reconnects and files
 * what came meanwhile; SIGTERM ends it cleanly (exit 0, nothing on stderr but the outage's lines). A Maildir is
 * watched the same way, by its new/ folder.
 */
class WatchProcessIT {

    private static final Path JAR = Path.of("target/tenantdesk.jar").toAbsolutePath();

    @RegisterExtension
    final Dovecot dovecot = new Dovecot();

    @TempDir
    Path folder;

    LatencyProxy proxy;
    String database;
    Process watch;

    @BeforeEach
    void setUp() throws Exception {
        proxy = new LatencyProxy(dovecot.host(), dovecot.port());
        database = Postgres.selected() ? Postgres.cluster().newDatabase() : folder.resolve("tenantdesk.db").toString();
        Files.writeString(folder.resolve("none.yaml"), "");
    }

    @AfterEach
    void tearDown() {
        if (watch != null) {
            watch.destroyForcibly();
        }
        proxy.close();
    }

    static String message(int n) {
        return "From: Leietaker " + n + " <leietaker" + n + "@example.no>\r\nTo: drift@example.no\r\n"
                + "Subject: Vann i taket " + n + "\r\nMessage-ID: <vann-" + n + "@example.no>\r\n\r\nDet renner.\r\n";
    }

    @Test
    void newMailIsFiledWithinSecondsAcrossAnOutageAndSigtermStopsCleanly() throws Exception {
        dovecot.deliver(message(1));
        watch = start();
        awaitInquiries(1, Duration.ofSeconds(60)); // what was waiting (JVM start-up included)

        dovecot.deliver(message(2));
        awaitInquiries(2, Duration.ofSeconds(5)); // IDLE: within seconds, not at the next poll

        proxy.down();
        // The outage is noticed (the waiting connection's loss is said) before the next mail comes.
        awaitErr("the connection that waits for new mail was lost", Duration.ofSeconds(60));
        dovecot.deliver(message(3));
        proxy.up();
        awaitInquiries(3, Duration.ofSeconds(60)); // reconnected with back-off, and the outage's mail filed

        watch.destroy(); // SIGTERM
        assertThat(watch.waitFor(30, TimeUnit.SECONDS)).as("stopped").isTrue();
        assertThat(watch.exitValue()).isZero();
        assertThat(Files.readString(folder.resolve("err"))).doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(inquiries()).isEqualTo(3);
    }

    @Test
    void aMaildirIsWatchedForDeliveriesNotPolled() throws Exception {
        Maildir inbox = new Maildir(folder.resolve("Maildir"));
        watch = start("--source", inbox.uri());
        awaitFirstRound();

        inbox.deliver(message(1));
        awaitInquiries(1, Duration.ofSeconds(5)); // the folder's word, not the minute's poll

        watch.destroy(); // SIGTERM
        assertThat(watch.waitFor(30, TimeUnit.SECONDS)).as("stopped").isTrue();
        assertThat(watch.exitValue()).isZero();
    }

    @Test
    void sigtermInTheMiddleOfAnImportAcknowledgesOnlyWhatItCommittedAndTheNextRunFilesTheRestOnce() throws Exception {
        int messages = 3000;
        Maildir inbox = new Maildir(folder.resolve("Maildir"));
        for (int n = 1; n <= messages; n++) {
            inbox.deliver(message(n));
        }
        watch = start("--source", inbox.uri());
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (inquiries() < 200) {
            assertThat(System.nanoTime() - deadline).as("importing").isNegative();
            Thread.sleep(5);
        }

        watch.destroy(); // SIGTERM, mid-import

        assertThat(watch.waitFor(60, TimeUnit.SECONDS)).as("stopped").isTrue();
        assertThat(watch.exitValue()).isZero();
        long filed = inquiries();
        assertThat(filed).as("stopped before the end").isLessThan(messages);
        // Acknowledged (moved to cur/) exactly what was committed, no more and no less.
        assertThat(inbox.files("cur")).hasSize((int) filed);
        watch = null;
        Process rest = start(false, "--source", inbox.uri());
        assertThat(rest.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(rest.exitValue()).isZero();
        assertThat(inquiries()).isEqualTo(messages);
        assertThat(inbox.files("new")).isEmpty();
    }

    private Process start() throws Exception {
        return start("--source", "imap://kari@127.0.0.1:" + proxy.port() + "/INBOX", "--tls", "none");
    }

    private Process start(String... source) throws Exception {
        return start(true, source);
    }

    private Process start(boolean watching, String... source) throws Exception {
        List<String> command = new ArrayList<>(List.of(javaBinary(), "-Djava.io.tmpdir=" + folder, "-jar",
                JAR.toString(), "--db", database, "-v", "fetch-mail"));
        if (watching) {
            command.add("--watch");
        }
        command.addAll(List.of(source));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().keySet().removeIf(k -> k.startsWith("TENANTDESK_"));
        builder.environment().put("TENANTDESK_MAIL_PASSWORD", dovecot.password());
        builder.environment().put("TENANTDESK_CONFIG", folder.resolve("none.yaml").toString());
        builder.environment().put("PGPASSWORD", Postgres.PASSWORD);
        builder.environment().put("HOME", folder.toString());
        return builder.redirectOutput(folder.resolve("out").toFile()).redirectError(folder.resolve("err").toFile())
                .start();
    }

    private void awaitInquiries(int count, Duration within) throws Exception {
        long deadline = System.nanoTime() + within.toNanos();
        while (inquiries() < count) {
            assertThat(watch.isAlive()).as("watch running; stderr: %s", Files.readString(folder.resolve("err")))
                    .isTrue();
            assertThat(System.nanoTime() - deadline).as("%d inquiries within %s", count, within).isNegative();
            Thread.sleep(50);
        }
    }

    private void awaitErr(String line, Duration within) throws Exception {
        long deadline = System.nanoTime() + within.toNanos();
        while (!Files.readString(folder.resolve("err")).contains(line)) {
            assertThat(watch.isAlive()).isTrue();
            assertThat(System.nanoTime() - deadline).as("'%s' on stderr within %s", line, within).isNegative();
            Thread.sleep(50);
        }
    }

    /** With -v, each round says what it fetched on stdout. */
    private void awaitFirstRound() throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!Files.readString(folder.resolve("out")).contains("Fetched")) {
            assertThat(watch.isAlive()).isTrue();
            assertThat(System.nanoTime() - deadline).as("a first round within a minute").isNegative();
            Thread.sleep(50);
        }
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private long inquiries() throws SQLException {
        if (!database.startsWith("postgresql:") && !Files.exists(Path.of(database))) {
            return 0;
        }
        try (Connection db = Sql.connect(database); Statement sql = db.createStatement()) {
            if (!database.startsWith("postgresql:")) {
                sql.execute("PRAGMA busy_timeout = 5000");
            }
            try (ResultSet rows = sql.executeQuery("SELECT count(*) FROM inquiry")) {
                rows.next();
                return rows.getLong(1);
            }
        } catch (SQLException e) {
            return 0; // the first round has not made the table yet
        }
    }
}
