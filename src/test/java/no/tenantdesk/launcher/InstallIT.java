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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** scripts/install into a temporary prefix, then the installed program and man pages used from another folder. */
class InstallIT {

    private static final Path INSTALL = Path.of("scripts/install").toAbsolutePath();
    private static final Path LAUNCHER = Path.of("scripts/tenantdesk").toAbsolutePath();

    @TempDir
    Path prefix;

    @TempDir
    Path elsewhere;

    record Run(int exitCode, String out, String err) {}

    Run run(Map<String, String> extra, String... command) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).directory(elsewhere.toFile());
        Map<String, String> env = builder.environment();
        env.keySet().removeIf(k -> k.startsWith("TENANTDESK_") || k.startsWith("XDG_") || k.equals("MANPATH"));
        env.put("HOME", elsewhere.toString());
        // Its daemon in a folder of its own, which stops when the test's folder is removed.
        env.put("XDG_RUNTIME_DIR", elsewhere.toString());
        env.put("LANG", "C.UTF-8");
        env.put("MANPAGER", "cat");
        env.put("MANWIDTH", "80");
        env.put("TENANTDESK_DB", elsewhere.resolve("tenantdesk.db").toString());
        env.putAll(extra);
        Path out = elsewhere.resolve("stdout");
        Path err = elsewhere.resolve("stderr");
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
        try (Stream<Path> files = Files.walk(prefix)) {
            return files.filter(Files::isRegularFile).map(p -> prefix.relativize(p).toString()).sorted().toList();
        }
    }

    @Test
    void installsAProgramThatRunsFromAnywhereWithItsManPagesAndCompletions() throws Exception {
        Run installed = run(INSTALL.toString(), "--prefix", prefix.toString());
        assertThat(installed.exitCode()).as(installed.err()).isZero();

        assertThat(installedFiles()).contains("bin/tenantdesk", "share/tenantdesk/tenantdesk.jar",
                "share/man/man1/tenantdesk.1", "share/man/man1/tenantdesk-inquiry-create.1",
                "share/bash-completion/completions/tenantdesk", "share/zsh/site-functions/_tenantdesk");

        Run version = run(prefix.resolve("bin/tenantdesk").toString(), "--version");
        assertThat(version.exitCode()).as(version.err()).isZero();
        assertThat(version.out()).startsWith("tenantdesk ");

        Run created = run(Map.of("LANG", "C", "LC_ALL", "C"), prefix.resolve("bin/tenantdesk").toString(),
                "inquiry", "create", "--title", "Trekk fra vinduet på kjøkkenet");
        assertThat(created.exitCode()).as(created.err()).isZero();
        Run listed = run(prefix.resolve("bin/tenantdesk").toString(), "inquiry", "list");
        assertThat(listed.out()).contains("Trekk fra vinduet på kjøkkenet");

        Run man = run("man", "-M", prefix.resolve("share/man").toString(), "tenantdesk");
        assertThat(man.exitCode()).as(man.err()).isZero();
        assertThat(man.out()).contains("tenantdesk - The tenant-inquiry desk", "EXIT STATUS", "ENVIRONMENT");
        Run subpage = run("man", "-M", prefix.resolve("share/man").toString(), "tenantdesk-inquiry-create");
        assertThat(subpage.out()).contains("--title TEXT");
    }

    @Test
    void manFindsThePagesThroughPath() throws Exception {
        assertThat(run(INSTALL.toString(), "--prefix", prefix.toString()).exitCode()).isZero();

        Run man = run(Map.of("PATH", prefix.resolve("bin") + ":" + System.getenv("PATH")), "man", "tenantdesk-status");

        assertThat(man.exitCode()).as(man.err()).isZero();
        assertThat(man.out()).contains("tenantdesk-status - Move an inquiry");
    }

    @Test
    void theInstalledLauncherNeverBuildsAndRunsJavaAsTheProjectLauncherDoes() throws Exception {
        assertThat(run(INSTALL.toString(), "--prefix", prefix.toString()).exitCode()).isZero();

        String installed = Files.readString(prefix.resolve("bin/tenantdesk"));
        String project = Files.readString(LAUNCHER);
        assertThat(installed).doesNotContain("mvn", "target/");
        assertThat(installed).contains(javaLine(project), "export LC_ALL=C.UTF-8", "COLUMNS=");
        assertThat(installed).contains(prefix.resolve("share/tenantdesk/tenantdesk.jar").toString());
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
