package no.tenantdesk.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher's class-data-sharing archive, on an installed copy of its own so that the project's jar is left
 * alone: made beside the jar, made again when the jar changes, and never a reason for a command to fail or to print
 * anything more.
 */
class ClassDataSharingIT {

    private static final Path INSTALL = Path.of("scripts/install").toAbsolutePath();

    @TempDir
    static Path prefix;

    @TempDir
    Path elsewhere;

    record Run(int exitCode, String out, String err) {}

    /** A copy of the installer's archive, with its times, to put back where a test spoilt it. */
    private static Path good;

    @BeforeAll
    static void install() throws Exception {
        Path home = Files.createTempDirectory(prefix, "home");
        Run installed = run(home, Map.of(), INSTALL.toString(), "--prefix", prefix.toString());
        assertThat(installed.exitCode()).as(installed.err()).isZero();
        // Made by the installer, while the prefix was writable.
        good = Files.copy(archive(), prefix.resolve("good.jsa"), StandardCopyOption.COPY_ATTRIBUTES);
    }

    /** Whatever the test before left, a good archive: the first run makes it when it is missing or stale. */
    @BeforeEach
    void firstRun() throws Exception {
        Run version = tenantdesk("--version");
        assertThat(version.exitCode()).as(version.err()).isZero();
    }

    static Run run(Path folder, Map<String, String> extra, String... command)
            throws IOException, InterruptedException {
        return run(folder, extra, Path.of("/dev/null"), command);
    }

    static Run run(Path folder, Map<String, String> extra, Path stdin, String... command)
            throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).directory(folder.toFile());
        Map<String, String> env = builder.environment();
        env.keySet().removeIf(k -> k.startsWith("TENANTDESK_") || k.startsWith("XDG_") || k.equals("COLUMNS"));
        env.put("HOME", folder.toString());
        // Its daemon in a folder of its own, which stops when the test's folder is removed.
        env.put("XDG_RUNTIME_DIR", folder.toString());
        env.put("LANG", "C.UTF-8");
        env.put("TENANTDESK_DB", folder.resolve("tenantdesk.db").toString());
        env.put("TENANTDESK_USER", "ola");
        env.putAll(DaemonTestBase.NO_WARM_UP);
        env.putAll(extra);
        Path out = Files.createTempFile(folder, "stdout", "");
        Path err = Files.createTempFile(folder, "stderr", "");
        Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(stdin.toFile())).start();
        if (!process.waitFor(300, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("did not finish: " + List.of(command));
        }
        Run run = new Run(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
        Files.delete(out);
        Files.delete(err);
        return run;
    }

    Run tenantdesk(Map<String, String> extra, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(prefix.resolve("bin/tenantdesk").toString()));
        command.addAll(List.of(args));
        return run(elsewhere, extra, command.toArray(String[]::new));
    }

    Run tenantdesk(String... args) throws IOException, InterruptedException {
        return tenantdesk(Map.of(), args);
    }

    static Path jar() {
        return prefix.resolve("share/tenantdesk/tenantdesk.jar");
    }

    /** The archives beside the jar; anything half-made (".partial") would show here too. */
    static List<Path> besideTheJar() throws IOException {
        try (Stream<Path> files = Files.list(jar().getParent())) {
            return files.filter(p -> !p.equals(jar()) && !p.getFileName().toString().equals("tenantdesk-native"))
                    .sorted().toList();
        }
    }

    static Path archive() throws IOException {
        List<Path> archives = besideTheJar();
        assertThat(archives).hasSize(1);
        assertThat(archives.get(0).getFileName().toString()).startsWith("tenantdesk-").endsWith(".jsa");
        return archives.get(0);
    }

    /** With -Xshare:on the JVM refuses to start unless it can use the archive the launcher names. */
    void assertTheArchiveIsUsed() throws Exception {
        Run strict = tenantdesk(Map.of("TENANTDESK_JAVA_OPTS", "-Xshare:on"), "--version");
        assertThat(strict.exitCode()).as(strict.err()).isZero();
        assertThat(strict.err()).isEmpty();
    }

    @Test
    void commandsUseTheArchiveWithoutAWord() throws Exception {
        Run created = tenantdesk("inquiry", "create", "--title", "Lekkasje i kjelleren");
        Run listed = tenantdesk("inquiry", "list");

        assertThat(created.exitCode()).as(created.err()).isZero();
        assertThat(listed.exitCode()).as(listed.err()).isZero();
        assertThat(listed.out()).contains("Lekkasje i kjelleren");
        assertThat(listed.err()).isEmpty();
        assertTheArchiveIsUsed();
        try (Stream<Path> left = Files.list(elsewhere)) {
            assertThat(left.map(p -> p.getFileName().toString())).noneMatch(name -> name.startsWith("hs_err"));
        }
    }

    @Test
    void aNewerJarGetsANewArchiveOnItsFirstRun() throws Exception {
        Path archive = archive();
        archive.toFile().setWritable(true);
        Files.setLastModifiedTime(archive, FileTime.fromMillis(Files.getLastModifiedTime(jar()).toMillis() - 60_000));

        Run version = tenantdesk("--version");

        assertThat(version.exitCode()).as(version.err()).isZero();
        assertThat(version.out()).startsWith("tenantdesk ");
        assertThat(version.err()).isEmpty();
        assertThat(Files.getLastModifiedTime(archive())).isGreaterThanOrEqualTo(Files.getLastModifiedTime(jar()));
        assertTheArchiveIsUsed();
    }

    @Test
    void aMissingArchiveIsMadeAgain() throws Exception {
        Files.delete(archive());

        Run listed = tenantdesk("inquiry", "list");

        assertThat(listed.exitCode()).as(listed.err()).isZero();
        assertThat(listed.out()).isEmpty();
        assertThat(listed.err()).isEqualTo("No open inquiries.\n");
        archive();
        assertTheArchiveIsUsed();
    }

    @Test
    void anArchiveTheJvmCannotUseIsIgnoredQuietly() throws Exception {
        Path archive = archive();
        archive.toFile().setWritable(true);
        Files.writeString(archive, "not a class data archive\n"); // and newer than the jar: not made again
        try {
            Run created = tenantdesk("inquiry", "create", "--title", "Trekk fra vinduet", "--json");
            Run listed = tenantdesk("inquiry", "list");

            assertThat(created.exitCode()).as(created.err()).isZero();
            assertThat(created.out()).startsWith("{");
            assertThat(created.err()).isEmpty();
            assertThat(listed.exitCode()).as(listed.err()).isZero();
            assertThat(listed.out()).contains("Trekk fra vinduet");
            assertThat(listed.err()).isEmpty();
        } finally {
            // Not made again by the next test's first run: that is half a minute, and aMissingArchiveIsMadeAgain.
            Files.copy(good, archive, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
        }
    }
}
