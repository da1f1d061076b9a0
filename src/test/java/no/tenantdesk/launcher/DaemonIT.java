package no.tenantdesk.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The daemon as users get it: the installed launcher run as real processes, each test with a runtime folder (and so
 * a daemon) of its own, on an installed copy of the program whose jar a test may replace.
 */
class DaemonIT extends DaemonTestBase {

    @Test
    void afterTheFirstCommandTheDaemonRunsThemWithTheSameResult() throws Exception {
        // The product's warm-up, not the tests' none (DaemonTestBase.NO_WARM_UP).
        startTheDaemon(Map.of("TENANTDESK_DAEMON_WARM_UP", ""));

        assertThat(classesLoadedBy("inquiry", "create", "--title", "Strøing på parkeringsplassen"))
                .contains("no.tenantdesk.daemon.Client").doesNotContain("picocli.CommandLine ");
        for (String[] args : List.of(new String[] {"inquiry", "list", "--json"}, new String[] {"inquiry", "list"},
                new String[] {"inquiry", "show", "4711"}, new String[] {"inquiry", "lst"},
                new String[] {"--version"})) {
            Run byDaemon = tenantdesk(args);
            Run ownProcess = tenantdesk(Map.of("TENANTDESK_DAEMON", "off"), args);
            assertThat(byDaemon).as(String.join(" ", args)).isEqualTo(ownProcess);
        }
        assertThat(tenantdesk("inquiry", "list").out()).contains("Strøing på parkeringsplassen");
        assertThat(tenantdesk("inquiry", "show", "4711").exitCode()).isEqualTo(3);
    }

    @Test
    void standardInputIsReadOnlyAsFarAsTheCommandReads() throws Exception {
        startTheDaemon();
        assertThat(tenantdesk("inquiry", "create", "--title", "Kaldt på kontoret").exitCode()).isZero();
        Path input = Files.writeString(home.resolve("input"), "Det er 15 grader\n");

        Run comment = tenantdesk(home, Map.of(), input, "comment", "1", "-m", "-");
        // A loop reading lines and running a command for each needs the rest of its input left alone.
        Run shell = run(home, Map.of("XDG_RUNTIME_DIR", runtime.toString(), "TENANTDESK_DB",
                home.resolve("tenantdesk.db").toString(), "T", prefix.resolve("bin/tenantdesk").toString()), input,
                "bash", "-c", "\"$T\" inquiry show 1 >/dev/null && cat");

        assertThat(comment.exitCode()).as(comment.err()).isZero();
        assertThat(shell.out()).isEqualTo("Det er 15 grader\n");
        assertThat(tenantdesk("inquiry", "show", "1").out()).contains("Det er 15 grader");
    }

    @Test
    void fileNamesAreRelativeToTheFolderTheCommandIsTypedIn() throws Exception {
        startTheDaemon();
        Path desk = Files.createDirectory(home.resolve("desk"));
        Files.writeString(desk.resolve("bilde.txt"), "a leak, photographed");
        assertThat(tenantdesk("inquiry", "create", "--title", "Lekkasje").exitCode()).isZero();

        Run attached = tenantdesk(desk, Map.of(), Path.of("/dev/null"), "attachment", "add", "1", "bilde.txt");
        Files.delete(desk.resolve("bilde.txt"));
        Run saved = tenantdesk(desk, Map.of(), Path.of("/dev/null"), "attachment", "get", "1");

        assertThat(attached.exitCode()).as(attached.err()).isZero();
        assertThat(saved.exitCode()).as(saved.err()).isZero();
        assertThat(desk.resolve("bilde.txt")).hasContent("a leak, photographed");
    }

    @Test
    void aNewJarStopsTheDaemonAndTheCommandRunsItself() throws Exception {
        startTheDaemon();
        ProcessHandle old = daemon().orElseThrow();
        Path jar = prefix.resolve("share/tenantdesk/tenantdesk.jar");
        Files.setLastModifiedTime(jar, FileTime.from(Instant.now()));

        Run run = tenantdesk("inquiry", "create", "--title", "Etter oppdateringen");

        assertThat(run.exitCode()).as(run.err()).isZero();
        await("the old daemon to stop", () -> !old.isAlive());
        assertThat(tenantdesk("inquiry", "list").out()).contains("Etter oppdateringen");
    }

    @Test
    void aKilledDaemonIsReplacedAndNoCommandFails() throws Exception {
        startTheDaemon();
        ProcessHandle killed = daemon().orElseThrow();
        killed.destroyForcibly();
        killed.onExit().get(30, TimeUnit.SECONDS);

        Run afterKill = tenantdesk("inquiry", "create", "--title", "Heisen står");
        awaitTheDaemon();

        assertThat(afterKill.exitCode()).as(afterKill.err()).isZero();
        assertThat(daemon()).isPresent().isNotEqualTo(Optional.of(killed));
        assertThat(tenantdesk("inquiry", "list").out()).contains("Heisen står");
    }

    @Test
    void otherJvmOptionsGetADaemonOfTheirOwnStartedWithThem() throws Exception {
        startTheDaemon();
        ProcessHandle plain = daemon().orElseThrow();
        Map<String, String> options = Map.of("TENANTDESK_JAVA_OPTS", "-Dtenantdesk.test=trust-store");

        Run first = tenantdesk(options, "inquiry", "create", "--title", "Med egne JVM-valg");
        await("a second daemon", () -> {
            try {
                return sockets().size() == 2;
            } catch (IOException e) {
                return false;
            }
        });

        assertThat(first.exitCode()).as(first.err()).isZero();
        assertThat(plain.isAlive()).isTrue();
        assertThat(daemons()).hasSize(2);
        // Given in an argument file, not on the command line (DaemonSecurityIT).
        assertThat(daemons()).noneMatch(d -> d.info().commandLine().orElse("").contains("trust-store"));
        assertThat(tenantdesk(options, "inquiry", "list").out()).contains("Med egne JVM-valg");
    }

    @Test
    void anIdleDaemonStopsByItself() throws Exception {
        // With the product's warm-up: without one, a daemon idle for a second may come and go while the command that
        // started it still runs on a busy machine, before this test can see it.
        Run first = tenantdesk(Map.of("TENANTDESK_DAEMON_IDLE", "1", "TENANTDESK_DAEMON_WARM_UP", ""), "--version");
        assertThat(first.exitCode()).isZero();
        await("the daemon", () -> daemon().isPresent());
        ProcessHandle daemon = daemon().orElseThrow();

        await("the idle daemon to stop", () -> !daemon.isAlive());
        assertThat(sockets()).isEmpty();
    }

    @Test
    void aRuntimeFolderOthersMayEnterIsNotUsed() throws Exception {
        Files.createDirectory(runtime.resolve("tenantdesk"),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));

        Run run = tenantdesk("inquiry", "create", "--title", "Søppeltømming");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertNoDaemonWasStarted();
    }

    @Test
    void fetchMailStartsNoDaemonButAFetchAfterOthersIsHandedBack() throws Exception {
        Path maildir = home.resolve("Maildir");
        for (String sub : List.of("new", "cur", "tmp")) {
            Files.createDirectories(maildir.resolve(sub));
        }
        Files.writeString(maildir.resolve("new/1.eml"), "From: Kari <kari@example.com>\r\nSubject: Heisen står\r\n"
                + "Message-ID: <heis@example.com>\r\n\r\nHeisen i bygg A står.\r\n");

        Run fetched = tenantdesk("fetch-mail", "--source", "maildir:" + maildir);

        assertThat(fetched.exitCode()).as(fetched.err()).isZero();
        assertNoDaemonWasStarted();

        startTheDaemon();
        // What assertNoDaemonWasStarted looks for is there when one was.
        assertThat(runtime.resolve("tenantdesk")).isDirectoryContaining("glob:**.log");
        Files.writeString(maildir.resolve("new/2.eml"), "From: Kari <kari@example.com>\r\nSubject: Kaldt\r\n"
                + "Message-ID: <kaldt@example.com>\r\n\r\nKaldt på kontoret.\r\n");
        assertThat(classesLoadedBy("fetch-mail", "--source", "maildir:" + maildir)).contains("picocli.CommandLine ");
        assertThat(tenantdesk("inquiry", "list").out()).contains("Heisen står", "Kaldt");
    }

    @Test
    void offRunsEveryCommandInItsOwnProcess() throws Exception {
        Run run = tenantdesk(Map.of("TENANTDESK_DAEMON", "off"), "inquiry", "list");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertNoDaemonWasStarted();
    }

    @Test
    void aDaemonVariableThatIsNotWhatItTakesIsRefusedAndNothingRuns() throws Exception {
        for (Map.Entry<String, String> bad : List.of(Map.entry("TENANTDESK_DAEMON_IDLE", "10m"),
                Map.entry("TENANTDESK_DAEMON_WARM_UP", "-1"), Map.entry("TENANTDESK_DAEMON", "of"))) {
            Run run = tenantdesk(Map.of(bad.getKey(), bad.getValue()), "inquiry", "create", "--title", "Kaldt");

            assertThat(run.exitCode()).as(run.err()).isEqualTo(2);
            assertThat(run.err()).startsWith("tenantdesk: " + bad.getKey() + " must be ").endsWith(", not '"
                    + bad.getValue() + "'\n");
            assertThat(run.out()).isEmpty();
        }
        assertNoDaemonWasStarted();
        assertThat(tenantdesk(Map.of("TENANTDESK_DAEMON", "off"), "inquiry", "list").out()).doesNotContain("Kaldt");
    }
}
