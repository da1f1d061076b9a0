package no.tenantdesk.mail;

import static no.tenantdesk.testing.CommandResultAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import no.tenantdesk.testing.Cli;
import no.tenantdesk.testing.Maildir;
import no.tenantdesk.testing.Postgres;
import no.tenantdesk.testing.Sql;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * `db backup` while fetch-mail, a real process, imports thousands of mails: each copy opens, holds whole messages
 * only (an inquiry with its mail, its mail with its raw bytes: no torn rows), and counts that grow from copy to copy,
 * as the database had them at one moment. On PostgreSQL the copy is pg_dump's, read back with pg_restore.
 */
class BackupDuringImportIT {

    private static final Path JAR = Path.of("target/tenantdesk.jar").toAbsolutePath();
    private static final int MESSAGES = 3000;

    @TempDir
    Path folder;

    @Test
    void backupsTakenDuringAnImportAreEachAWholeMomentOfIt() throws Exception {
        Maildir inbox = new Maildir(folder.resolve("Maildir"));
        String template = new String(Maildir.fixture("threading/leak-in-office-204.eml"), StandardCharsets.UTF_8);
        for (int i = 0; i < MESSAGES; i++) {
            inbox.deliver(template.replace("lekkasje-204@", "message-" + i + "@")
                    .replace("Lekkasje i taket på kontor 204", "Melding " + i));
        }
        Cli cli = new Cli(folder);
        String database = cli.database();
        cli.run("db", "info"); // the schema, before the import and the backups race to make it

        Process run = fetch(database, inbox);
        List<Long> seen = new ArrayList<>();
        int taken = 0;
        while (run.isAlive() || taken == 0) {
            Path backup = folder.resolve("backup-" + taken + ".db");
            assertThat(cli.run("db", "backup", backup.toString())).succeeded();
            seen.add(wholeMessages(backup));
            taken++;
        }
        assertThat(run.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(run.exitValue()).as(Files.readString(folder.resolve("err"))).isZero();

        assertThat(seen).as("each copy later than the one before").isSorted();
        assertThat(seen).as("some copy was taken in the middle of the import")
                .anyMatch(n -> n > 0 && n < MESSAGES);
        Path last = folder.resolve("last.db");
        assertThat(cli.run("db", "backup", last.toString())).succeeded();
        assertThat(wholeMessages(last)).isEqualTo(MESSAGES);
    }

    /** The copy's mails, after checking that each is whole: its inquiry, its raw bytes, its search entry. */
    private static long wholeMessages(Path backup) throws Exception {
        String copy = backup.toString();
        if (Postgres.selected()) {
            copy = Postgres.cluster().emptyDatabase();
            ProcessBuilder builder = new ProcessBuilder("pg_restore", "--no-owner", "-d", copy, backup.toString());
            builder.environment().put("PGPASSWORD", Postgres.PASSWORD);
            Process restore = builder.redirectErrorStream(true).start();
            String said = new String(restore.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(restore.waitFor()).as(said).isZero();
        }
        try (Connection db = Sql.connect(copy); Statement sql = db.createStatement()) {
            long mails = count(sql, "SELECT count(*) FROM mail_message");
            assertThat(count(sql, "SELECT count(*) FROM inquiry")).isEqualTo(mails);
            assertThat(count(sql, "SELECT count(*) FROM mail_message m WHERE NOT EXISTS (SELECT 1 FROM inquiry i"
                    + " WHERE i.id = m.inquiry_id)")).isZero();
            assertThat(count(sql, "SELECT count(*) FROM mail_message m WHERE NOT EXISTS (SELECT 1 FROM blob b"
                    + " WHERE b.sha256 = m.raw_sha256)")).isZero();
            assertThat(count(sql, "SELECT count(*) FROM event WHERE inquiry_id NOT IN (SELECT id FROM inquiry)"))
                    .isZero();
            if (!Postgres.selected()) {
                try (ResultSet check = sql.executeQuery("PRAGMA integrity_check")) {
                    check.next();
                    assertThat(check.getString(1)).isEqualTo("ok");
                }
            }
            return mails;
        }
    }

    private Process fetch(String database, Maildir inbox) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-jar", JAR.toString(), "--db", database, "fetch-mail", "--source", inbox.uri()));
        builder.environment().keySet().removeIf(k -> k.startsWith("TENANTDESK_"));
        builder.environment().put("PGPASSWORD", Postgres.PASSWORD);
        builder.environment().put("HOME", folder.toString());
        builder.environment().put("XDG_CACHE_HOME", folder.resolve("cache").toString());
        return builder.redirectOutput(folder.resolve("out").toFile()).redirectError(folder.resolve("err").toFile())
                .start();
    }

    private static long count(Statement sql, String query) throws SQLException {
        try (ResultSet rows = sql.executeQuery(query)) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
