package no.tenantdesk.mail;

import static no.tenantdesk.testing.CommandResultAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
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
 * Many writers on one PostgreSQL database at once, as an office has them: ten operators' processes (each a shell
 * reading its commands) change the status and priority of the same five inquiries, comment on them and add files,
 * while fetch-mail imports mail, some of it tenants' answers that reopen those inquiries. Afterwards every status and
 * priority event chain runs from → to without a gap or a repeat, ending at what the inquiry says, and every write
 * that a command confirmed is there once: no comment, file, event or mail lost or doubled.
 */
class PostgresConcurrencyIT {

    private static final Path JAR = Path.of("target/tenantdesk.jar").toAbsolutePath();
    private static final int OPERATORS = 10;
    private static final int ROUNDS = 8;
    private static final int INQUIRIES = 5;
    private static final int NEW_MAILS = 1200;
    private static final int ANSWERS = 100;

    @TempDir
    Path folder;

    @Test
    void tenOperatorsAndTheImporterWriteTheSameInquiriesAndNothingIsLostOrSkipped() throws Exception {
        String database = Postgres.cluster().newDatabase();
        Cli cli = new Cli(folder).env("TENANTDESK_DB", database).env("PGPASSWORD", Postgres.PASSWORD);
        for (int k = 1; k <= INQUIRIES; k++) {
            assertThat(cli.run("inquiry", "create", "--title", "Sak " + k, "--tenant", "leietaker" + k
                    + "@tenant.example")).succeeded();
        }
        Maildir inbox = new Maildir(folder.resolve("Maildir"));
        for (int i = 0; i < NEW_MAILS; i++) {
            inbox.deliver(mail("ny" + i + "@tenant.example", "ny-" + i, "Ny henvendelse " + i));
        }
        for (int i = 0; i < ANSWERS; i++) {
            int k = i % INQUIRIES + 1;
            inbox.deliver(mail("leietaker" + k + "@tenant.example", "svar-" + i, "Re: [#" + k + "] Sak " + k));
        }

        List<Process> operators = new ArrayList<>();
        Process importer = start(database, "importer", List.of("fetch-mail", "--source", inbox.uri()), null);
        for (int p = 0; p < OPERATORS; p++) {
            operators.add(start(database, "p" + p, List.of("shell"), script(p)));
        }
        for (Process operator : operators) {
            assertThat(operator.waitFor(5, TimeUnit.MINUTES)).isTrue();
        }
        assertThat(importer.waitFor(5, TimeUnit.MINUTES)).isTrue();

        for (int p = 0; p < OPERATORS; p++) {
            String err = Files.readString(folder.resolve("p" + p + ".err"));
            assertThat(err).as("operator p" + p + " said").isEmpty();
            String out = Files.readString(folder.resolve("p" + p + ".out"));
            assertThat(out.split("Commented on inquiry", -1)).as(out).hasSize(ROUNDS + 1);
            assertThat(out.split("Attached ", -1)).as(out).hasSize(ROUNDS + 1);
        }
        assertThat(importer.exitValue()).as(Files.readString(folder.resolve("importer.err"))).isZero();

        try (Connection db = Sql.connect(database); Statement sql = db.createStatement()) {
            for (int k = 1; k <= INQUIRIES; k++) {
                assertChain(sql, k, "status", "todo", "SELECT status FROM inquiry WHERE id = " + k);
                assertChain(sql, k, "priority", "normal", "SELECT priority FROM inquiry WHERE id = " + k);
            }
            // Every comment an operator's command confirmed, once; every answer a tenant sent, once.
            assertThat(count(sql, "SELECT count(*) FROM comment WHERE kind = 'internal'"))
                    .isEqualTo(OPERATORS * ROUNDS);
            assertThat(count(sql, "SELECT count(DISTINCT body) FROM comment WHERE kind = 'internal'"))
                    .isEqualTo(OPERATORS * ROUNDS);
            assertThat(count(sql, "SELECT count(*) FROM comment WHERE kind = 'incoming'")).isEqualTo(ANSWERS);
            assertThat(count(sql, "SELECT count(*) FROM attachment")).isEqualTo(OPERATORS * ROUNDS);
            assertThat(count(sql, "SELECT count(DISTINCT sha256) FROM attachment")).isEqualTo(OPERATORS * ROUNDS);
            assertThat(count(sql, "SELECT count(*) FROM mail_message")).isEqualTo(NEW_MAILS + ANSWERS);
            assertThat(count(sql, "SELECT count(*) FROM inquiry")).isEqualTo(INQUIRIES + NEW_MAILS);
            // They did write at the same time: the importer's first and last mail lie around operators' comments.
            assertThat(count(sql, "SELECT count(*) FROM comment WHERE kind = 'internal' AND created_at"
                    + " BETWEEN (SELECT min(created_at) FROM mail_message) AND (SELECT max(created_at) FROM mail_message)"))
                    .isPositive();
            // The search index saw every story's comments too.
            assertThat(count(sql, "SELECT count(*) FROM inquiry_search WHERE story @@ search_prefix('operator')"))
                    .isEqualTo(INQUIRIES);
        }
        assertThat(inbox.files("new")).isEmpty();
    }

    /** A field's events on an inquiry: each "from" is the "to" before it, and the last "to" is the value now. */
    private static void assertChain(Statement sql, long inquiry, String field, String first, String now)
            throws SQLException {
        List<String[]> moves = new ArrayList<>();
        try (ResultSet rs = sql.executeQuery("SELECT old_value, new_value FROM event WHERE inquiry_id = " + inquiry
                + " AND field = '" + field + "' ORDER BY id")) {
            while (rs.next()) {
                moves.add(new String[] {rs.getString(1), rs.getString(2)});
            }
        }
        String value = first;
        for (String[] move : moves) {
            assertThat(move[0]).as(field + " of inquiry " + inquiry + ": a move from what it was").isEqualTo(value);
            assertThat(move[1]).as(field + " of inquiry " + inquiry + ": a move to something else").isNotEqualTo(value);
            value = move[1];
        }
        try (ResultSet rs = sql.executeQuery(now)) {
            rs.next();
            assertThat(rs.getString(1)).as(field + " of inquiry " + inquiry + " now").isEqualTo(value);
        }
        assertThat(moves).as(field + " moves of inquiry " + inquiry).isNotEmpty();
    }

    /** An operator's session: rounds over the five inquiries, each a few writes that read before they write. */
    private String script(int p) throws IOException {
        StringBuilder lines = new StringBuilder();
        String[] statuses = {"in-progress", "done", "todo"};
        String[] priorities = {"high", "urgent", "low", "normal"};
        for (int r = 0; r < ROUNDS; r++) {
            int k = (p + r) % INQUIRIES + 1;
            Path file = Files.writeString(folder.resolve("p" + p + "-" + r + ".txt"), "operator p" + p + " round " + r);
            lines.append("status ").append(k).append(' ').append(statuses[(p + r) % 3]).append('\n')
                    .append("comment ").append(k).append(" -m 'operator p").append(p).append(" round ").append(r)
                    .append("'\n")
                    .append("attachment add ").append(k).append(' ').append(file).append('\n')
                    .append("inquiry update ").append(k).append(" --priority ").append(priorities[(p * 3 + r) % 4])
                    .append('\n')
                    .append("status ").append(k % INQUIRIES + 1).append(' ').append(statuses[(p + r + 1) % 3])
                    .append('\n');
        }
        return lines.toString();
    }

    private static String mail(String from, String id, String subject) {
        return "From: " + from + "\r\nTo: drift@eiendom.example\r\nSubject: " + subject + "\r\nMessage-ID: <" + id
                + "@tenant.example>\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nHei, dette gjelder " + subject
                + ".\r\n";
    }

    private Process start(String database, String name, List<String> command, String stdin) throws IOException {
        List<String> line = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Djava.io.tmpdir=" + folder, "-jar", JAR.toString()));
        line.addAll(command);
        ProcessBuilder builder = new ProcessBuilder(line);
        builder.environment().keySet().removeIf(k -> k.startsWith("TENANTDESK_") || k.startsWith("PG"));
        builder.environment().put("TENANTDESK_DB", database);
        builder.environment().put("TENANTDESK_USER", name);
        builder.environment().put("TENANTDESK_DAEMON", "off");
        // Eleven JVMs on two cores: an import batch that threads answers into these inquiries can hold their rows
        // past the default 10 s, and an operator is then told "busy; try again" (exit 75, as documented). What is
        // tested here is that nothing is lost or skipped, so every writer waits as long as it takes.
        builder.environment().put("TENANTDESK_BUSY_TIMEOUT", "120000");
        builder.environment().put("PGPASSWORD", Postgres.PASSWORD);
        builder.environment().put("HOME", folder.toString());
        builder.environment().put("XDG_STATE_HOME", folder.resolve("state-" + name).toString());
        builder.redirectOutput(folder.resolve(name + ".out").toFile())
                .redirectError(folder.resolve(name + ".err").toFile());
        Path input = Files.writeString(folder.resolve(name + ".in"), stdin == null ? "" : stdin,
                StandardCharsets.UTF_8);
        builder.redirectInput(input.toFile());
        return builder.start();
    }

    private static long count(Statement sql, String query) throws SQLException {
        try (ResultSet rows = sql.executeQuery(query)) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
