package no.tenantdesk.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * scripts/install into a temporary prefix, then the installed program and man pages used from another folder. The
 * tests that only use what was installed share one installation (each costs the class-data archive's training runs);
 * installing again and uninstalling have a prefix of their own.
 */
class InstallIT {

    private static final Path INSTALL = Path.of("scripts/install").toAbsolutePath();
    private static final Path LAUNCHER = Path.of("scripts/tenantdesk").toAbsolutePath();

    /** Where {@link #installOnce} installed: bin, share/tenantdesk, share/man, share/…/completions. */
    @TempDir
    static Path installed;

    /** The installer's home and working folder (and its first run's daemon's, which stops when it is removed). */
    @TempDir
    static Path installerHome;

    @TempDir
    Path prefix;

    @TempDir
    Path elsewhere;

    record Run(int exitCode, String out, String err) {}

    @BeforeAll
    static void installOnce() throws Exception {
        Run installation = run(installerHome, Map.of(), INSTALL.toString(), "--prefix", installed.toString());
        assertThat(installation.exitCode()).as(installation.err()).isZero();
    }

    Run run(Map<String, String> extra, String... command) throws IOException, InterruptedException {
        return run(elsewhere, extra, command);
    }

    static Run run(Path folder, Map<String, String> extra, String... command)
            throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).directory(folder.toFile());
        Map<String, String> env = builder.environment();
        env.keySet().removeIf(k -> k.startsWith("TENANTDESK_") || k.startsWith("XDG_") || k.equals("MANPATH"));
        env.put("HOME", folder.toString());
        // Its daemon in a folder of its own, which stops when the test's folder is removed.
        env.put("XDG_RUNTIME_DIR", folder.toString());
        env.put("LANG", "C.UTF-8");
        env.put("MANPAGER", "cat");
        env.put("MANWIDTH", "80");
        env.put("TENANTDESK_DB", folder.resolve("tenantdesk.db").toString());
        env.putAll(DaemonTestBase.NO_WARM_UP);
        env.putAll(extra);
        Path out = folder.resolve("stdout");
        Path err = folder.resolve("stderr");
        Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile())).start();
        if (!process.waitFor(300, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("did not finish: " + List.of(command));
        }
        return new Run(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    Run run(String... command) throws IOException, InterruptedException {
        return run(Map.of(), command);
    }

    List<String> installedFiles() throws IOException {
        return installedFiles(prefix);
    }

    static List<String> installedFiles(Path prefix) throws IOException {
        try (Stream<Path> files = Files.walk(prefix)) {
            return files.filter(Files::isRegularFile).map(p -> prefix.relativize(p).toString()).sorted().toList();
        }
    }

    @Test
    void installsAProgramThatRunsFromAnywhereWithItsManPagesAndCompletions() throws Exception {
        assertThat(installedFiles(installed)).contains("bin/tenantdesk", "share/tenantdesk/tenantdesk.jar",
                "share/man/man1/tenantdesk.1", "share/man/man1/tenantdesk-inquiry-create.1",
                "share/bash-completion/completions/tenantdesk", "share/zsh/site-functions/_tenantdesk");

        Run version = run(installed.resolve("bin/tenantdesk").toString(), "--version");
        assertThat(version.exitCode()).as(version.err()).isZero();
        assertThat(version.out()).startsWith("tenantdesk ");

        Run created = run(Map.of("LANG", "C", "LC_ALL", "C"), installed.resolve("bin/tenantdesk").toString(),
                "inquiry", "create", "--title", "Trekk fra vinduet på kjøkkenet");
        assertThat(created.exitCode()).as(created.err()).isZero();
        Run listed = run(installed.resolve("bin/tenantdesk").toString(), "inquiry", "list");
        assertThat(listed.out()).contains("Trekk fra vinduet på kjøkkenet");

        Run man = run("man", "-M", installed.resolve("share/man").toString(), "tenantdesk");
        assertThat(man.exitCode()).as(man.err()).isZero();
        assertThat(man.out()).contains("tenantdesk - The tenant-inquiry desk", "EXIT STATUS", "ENVIRONMENT");
        Run subpage = run("man", "-M", installed.resolve("share/man").toString(), "tenantdesk-inquiry-create");
        assertThat(subpage.out()).contains("--title TEXT");
    }

    @Test
    void manFindsThePagesThroughPath() throws Exception {
        Run man = run(Map.of("PATH", installed.resolve("bin") + ":" + System.getenv("PATH")), "man",
                "tenantdesk-status");

        assertThat(man.exitCode()).as(man.err()).isZero();
        assertThat(man.out()).contains("tenantdesk-status - Move an inquiry");
    }

    @Test
    void theInstalledLauncherNeverBuildsAndRunsJavaAsTheProjectLauncherDoes() throws Exception {
        String launcher = Files.readString(installed.resolve("bin/tenantdesk"));
        String project = Files.readString(LAUNCHER);
        assertThat(launcher).doesNotContain("mvn", "target/");
        assertThat(launcher).contains(javaLine(project), "export LC_ALL=C.UTF-8", "COLUMNS=");
        assertThat(launcher).contains(installed.resolve("share/tenantdesk/tenantdesk.jar").toString());
    }

    private static String javaLine(String launcher) {
        return launcher.lines().filter(l -> l.startsWith("exec java")).findFirst().orElseThrow();
    }

    @Test
    void installingAgainChangesNothingAndUninstallRemovesEverything() throws Exception {
        assertThat(run(INSTALL.toString(), "--prefix", prefix.toString()).exitCode()).isZero();
        List<String> first = installedFiles();

        Run again = run(INSTALL.toString(), "--prefix", prefix.toString());
        assertThat(again.exitCode()).as(again.err()).isZero();
        assertThat(installedFiles()).isEqualTo(first);

        Files.createDirectories(prefix.resolve("share/man/man1"));
        Files.writeString(prefix.resolve("share/man/man1/other.1"), ".TH OTHER 1\n");
        Run removed = run(INSTALL.toString(), "--uninstall", "--prefix", prefix.toString());
        assertThat(removed.exitCode()).as(removed.err()).isZero();
        assertThat(installedFiles()).containsExactly("share/man/man1/other.1");
    }

    @Test
    void anUnknownArgumentIsAUsageError() throws Exception {
        List<String> command = new ArrayList<>(List.of(INSTALL.toString(), "--prefx", prefix.toString()));

        Run run = run(command.toArray(String[]::new));

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("unknown argument '--prefx'");
    }
}
