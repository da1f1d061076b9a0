package no.tenantdesk.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import no.tenantdesk.testing.Maildir;
import no.tenantdesk.testing.Postgres;
import no.tenantdesk.testing.Sql;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * fetch-mail as a real process, killed with SIGKILL in the middle of an import and run again: every message must end
 * up stored exactly once, whatever the moment of the kill (between a commit and its acknowledgement included).
 */
class KilledImportIT {

    private static final Path JAR = Path.of("target/tenantdesk.jar").toAbsolutePath();
    private static final int MESSAGES = 4000;

    @TempDir
    Path folder;

    @Test
    void anImportKilledMidwayAndRunAgainStoresEveryMessageExactlyOnce() throws Exception {
        Maildir inbox = new Maildir(folder.resolve("Maildir"));
        String template = new String(Maildir.fixture("threading/leak-in-office-204.eml"), StandardCharsets.UTF_8);
        for (int i = 0; i < MESSAGES; i++) {
            inbox.deliver(template.replace("lekkasje-204@", "message-" + i + "@")
                    .replace("Lekkasje i taket på kontor 204", "Melding " + i));
        }
        String database = Postgres.selected() ? Postgres.cluster().newDatabase()
                : folder.resolve("tenantdesk.db").toString();

        for (int kills = 0; kills < 3; kills++) {
            Process run = fetch(database, inbox);
            long target = stored(database) + 300;
            while (run.isAlive() && stored(database) < target) {
                Thread.sleep(5);
            }
            if (!run.isAlive()) {
                break; // it finished first: the rerun below still has to leave everything exactly once
            }
            run.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
        assertThat(stored(database)).as("killed before the end").isLessThan(MESSAGES);
        assertThat(leftovers()).as("the killed runs' spool folders").isNotEmpty();

        Process rerun = fetch(database, inbox);
        assertThat(rerun.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(rerun.exitValue()).as(Files.readString(folder.resolve("err"))).isZero();

        try (Connection db = Sql.connect(database); Statement sql = db.createStatement()) {
            assertThat(count(sql, "SELECT count(*) FROM inquiry")).isEqualTo(MESSAGES);
            assertThat(count(sql, "SELECT count(DISTINCT title) FROM inquiry")).isEqualTo(MESSAGES);
            assertThat(count(sql, "SELECT count(*) FROM mail_message")).isEqualTo(MESSAGES);
            assertThat(count(sql, "SELECT count(*) FROM mail_message WHERE reason = 'duplicate'")).isZero();
        }
        assertThat(leftovers()).as("the rerun removed the killed runs' spool folders, and its own").isEmpty();
        assertThat(inbox.files("new")).isEmpty();
        assertThat(inbox.files("cur")).hasSize(MESSAGES);
    }

    private List<Path> leftovers() throws IOException {
        Path scratch = folder.resolve("cache/tenantdesk/tmp");
        if (!Files.isDirectory(scratch)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(scratch)) {
            return files.toList();
        }
    }

    private Process fetch(String database, Maildir inbox) throws Exception {
        // Its spool goes in the test's folder (the program's own, under the cache folder): a killed run cannot clean
        // up after itself, the next run does.
        ProcessBuilder builder = new ProcessBuilder(List.of(javaBinary(), "-Djava.io.tmpdir=" + folder, "-jar",
                JAR.toString(), "--db",
                database, "fetch-mail", "--source", inbox.uri()));
        builder.environment().keySet().removeIf(k -> k.startsWith("TENANTDESK_"));
        builder.environment().put("PGPASSWORD", Postgres.PASSWORD);
        builder.environment().put("HOME", folder.toString());
        builder.environment().put("XDG_CACHE_HOME", folder.resolve("cache").toString());
        return builder.redirectOutput(folder.resolve("out").toFile()).redirectError(folder.resolve("err").toFile())
                .start();
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** Messages committed so far, read beside the running import (SQLite's WAL lets a reader in). */
    private static long stored(String database) throws SQLException {
        if (!database.startsWith("postgresql:") && !Files.exists(Path.of(database))) {
            return 0;
        }
        try (Connection db = Sql.connect(database); Statement sql = db.createStatement()) {
            if (!database.startsWith("postgresql:")) {
                sql.execute("PRAGMA busy_timeout = 5000");
            }
            return count(sql, "SELECT count(*) FROM mail_message");
        } catch (SQLException e) {
            return 0; // the first run has not made the table yet
        }
    }

    private static long count(Statement sql, String query) throws SQLException {
        try (ResultSet rows = sql.executeQuery(query)) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
