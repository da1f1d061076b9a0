package no.tenantdesk.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Tenants' data is for the user who keeps it: the database, its journal files, the folders made for them and the
 * shell's history are created 0600 and 0700 under the most permissive umask, by real processes of the installed
 * launcher, in a command's own JVM and in the daemon alike.
 */
class PrivateFilesIT extends DaemonTestBase {

    static String mode(Path file) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(file));
    }

    /** The launcher under umask 000, with the default places for the data ($HOME/.local/…). */
    Run underUmask000(Map<String, String> extra, Path stdin, String arguments) throws Exception {
        Map<String, String> env = new java.util.HashMap<>(Map.of("XDG_RUNTIME_DIR", runtime.toString(),
                "T", prefix.resolve("bin/tenantdesk").toString(), "TENANTDESK_DB", ""));
        env.putAll(extra);
        return run(home, env, stdin, "bash", "-c", "umask 000 && exec \"$T\" " + arguments);
    }

    @Test
    void theDatabaseItsJournalAndItsFoldersAreTheUsersAlone() throws Exception {
        Run created = underUmask000(Map.of("TENANTDESK_DAEMON", "off"), Path.of("/dev/null"),
                "inquiry create --title Lekkasje --tenant kari@example.no");
        assertThat(created.exitCode()).as(created.err()).isZero();
        assertThat(created.err()).isEmpty();

        Path data = home.resolve(".local/share/tenantdesk");
        assertThat(mode(home.resolve(".local"))).isEqualTo("rwx------");
        assertThat(mode(home.resolve(".local/share"))).isEqualTo("rwx------");
        assertThat(mode(data)).isEqualTo("rwx------");
        assertThat(mode(data.resolve("tenantdesk.db"))).isEqualTo("rw-------");
        // WAL and shared memory stay while a connection is open: a reader holds them during the next command.
        try (var connection = java.sql.DriverManager.getConnection("jdbc:sqlite:" + data.resolve("tenantdesk.db"))) {
            connection.createStatement().execute("SELECT count(*) FROM inquiry");
            Run listed = underUmask000(Map.of(), Path.of("/dev/null"), "inquiry list");
            assertThat(listed.exitCode()).as(listed.err()).isZero();
            for (String journal : new String[] {"tenantdesk.db-wal", "tenantdesk.db-shm"}) {
                assertThat(mode(data.resolve(journal))).as(journal).isEqualTo("rw-------");
            }
        }
    }

    @Test
    void theShellsHistoryIsTheUsersAlone() throws Exception {
        Path input = Files.writeString(home.resolve("input"), "inquiry list\nexit\n");

        Run shell = underUmask000(Map.of(), input, "shell");

        assertThat(shell.exitCode()).as(shell.err()).isZero();
        assertThat(mode(home.resolve(".local/state/tenantdesk"))).isEqualTo("rwx------");
        assertThat(mode(home.resolve(".local/state/tenantdesk/history"))).isEqualTo("rw-------");
    }

    /**
     * A message piped in holds fetch-mail in the middle of its run, with its spools open: the folder of the run's
     * files (in the program's own scratch folder), the message read so far, and the --json spool.
     */
    @Test
    void theSpoolsOfARunAreTheUsersAlone() throws Exception {
        Path tmp = Files.createDirectory(home.resolve("tmp"));
        Path fifo = home.resolve("stdin");
        assertThat(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor()).isZero();
        ProcessBuilder builder = new ProcessBuilder("bash", "-c", "umask 000 && exec \"$T\" fetch-mail --source -"
                + " --json <\"$FIFO\" >/dev/null").directory(home.toFile());
        builder.environment().putAll(Map.of("T", prefix.resolve("bin/tenantdesk").toString(), "FIFO", fifo.toString(),
                "HOME", home.toString(), "TENANTDESK_DB", home.resolve("tenantdesk.db").toString(),
                "TENANTDESK_JAVA_OPTS", "-Djava.io.tmpdir=" + tmp, "LANG", "C.UTF-8"));
        Process fetch = builder.redirectErrorStream(true).start();
        try (var stdin = Files.newOutputStream(fifo)) {
            stdin.write("From: Kari <kari@example.no>\r\nSubject: Heisen\r\n\r\n".getBytes(StandardCharsets.UTF_8));
            stdin.flush();
            Path scratch = home.resolve(".cache/tenantdesk/tmp");
            await("the run's spools", () -> spools(scratch).stream()
                    .anyMatch(f -> f.getFileName().toString().startsWith("messages-")) && spools(scratch).size() >= 5);
            assertThat(mode(scratch)).isEqualTo("rwx------");
            for (Path spool : spools(scratch)) {
                // The files themselves may have the umask's modes: their folders are the user's alone.
                assertThat(mode(spool.getFileName().toString().startsWith("fetch-") ? spool : spool.getParent()))
                        .as(spool.toString()).isIn("rw-------", "rwx------");
            }
            assertThat(spools(tmp)).as("nothing of the run in Java's temporary folder").isEmpty();
            stdin.write("Heisen står.\r\n".getBytes(StandardCharsets.UTF_8));
        }
        assertThat(fetch.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(fetch.exitValue()).as(new String(fetch.getInputStream().readAllBytes(), StandardCharsets.UTF_8))
                .isZero();
        assertThat(spools(home.resolve(".cache/tenantdesk/tmp"))).as("what the run left").isEmpty();
    }

    /** The run's folders, their locks, its messages and the --json spool, in the scratch folder (or anywhere). */
    static List<Path> spools(Path folder) {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(f -> !f.equals(folder) && (f.getFileName().toString().startsWith("tenantdesk-")
                    || f.getFileName().toString().startsWith("fetch-")
                    || f.getFileName().toString().startsWith("msg-")
                    || f.getFileName().toString().startsWith("messages-"))).toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    @Test
    void aDatabaseEveryoneCanReadIsLeftAsItIsWithOneWarning() throws Exception {
        Path database = home.resolve("delt.db");
        Map<String, String> env = Map.of("TENANTDESK_DB", database.toString(), "TENANTDESK_DAEMON", "off");
        assertThat(underUmask000(env, Path.of("/dev/null"), "inquiry list").exitCode()).isZero();
        Files.setPosixFilePermissions(database, PosixFilePermissions.fromString("rw-r--r--"));

        Run listed = underUmask000(env, Path.of("/dev/null"), "inquiry list");

        assertThat(listed.exitCode()).as(listed.err()).isZero();
        assertThat(listed.err()).startsWith("tenantdesk: warning: every user of this machine can read the database "
                + database + " (0644); chmod 600 it to keep tenants' data private, or see README, Security, to share"
                + " it with a group\n").containsOnlyOnce("warning");
        assertThat(mode(database)).isEqualTo("rw-r--r--");
        Files.setPosixFilePermissions(database, PosixFilePermissions.fromString("rw-rw----"));
        assertThat(underUmask000(env, Path.of("/dev/null"), "inquiry list").err())
                .as("shared with a group on purpose").doesNotContain("warning");
    }
}
