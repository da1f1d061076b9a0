package no.tenantdesk.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import no.tenantdesk.launcher.ClassDataSharingIT.Run;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * With Java 25 or later first on PATH, the launcher keeps an AOT cache instead of a class-data-sharing archive. Runs
 * only where such a JDK is installed under /usr/lib/jvm (the build itself needs only Java 17).
 */
class AheadOfTimeCacheIT {

    private static final Path INSTALL = Path.of("scripts/install").toAbsolutePath();

    @TempDir
    static Path prefix;

    @TempDir
    Path elsewhere;

    private static Map<String, String> path;

    @BeforeAll
    static void install() throws Exception {
        Optional<Path> java = javaAtLeast(25);
        assumeTrue(java.isPresent(), "no Java 25 or later under /usr/lib/jvm");
        path = Map.of("PATH", java.get() + ":" + System.getenv("PATH"));
        Path home = Files.createTempDirectory(prefix, "home");
        Run installed = ClassDataSharingIT.run(home, path, INSTALL.toString(), "--prefix", prefix.toString());
        assertThat(installed.exitCode()).as(installed.err()).isZero();
    }

    /** The bin folder of an installed JDK of at least this major version, by its release file. */
    static Optional<Path> javaAtLeast(int major) throws IOException {
        Path jvms = Path.of("/usr/lib/jvm");
        if (!Files.isDirectory(jvms)) {
            return Optional.empty();
        }
        try (Stream<Path> homes = Files.list(jvms)) {
            for (Path home : homes.sorted().toList()) {
                Path release = home.resolve("release");
                if (!Files.isExecutable(home.resolve("bin/java")) || !Files.isReadable(release)) {
                    continue;
                }
                for (String line : Files.readAllLines(release)) {
                    if (line.startsWith("JAVA_VERSION=")) {
                        String version = line.substring("JAVA_VERSION=".length()).replace("\"", "");
                        String first = version.split("[.+-]")[0];
                        if (first.matches("\\d+") && Integer.parseInt(first) >= major) {
                            return Optional.of(home.resolve("bin"));
                        }
                    }
                }
            }
        }
        return Optional.empty();
    }

    Run tenantdesk(Map<String, String> extra, String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of(prefix.resolve("bin/tenantdesk").toString()));
        command.addAll(List.of(args));
        Map<String, String> env = new java.util.HashMap<>(path);
        env.putAll(extra);
        return ClassDataSharingIT.run(elsewhere, env, command.toArray(String[]::new));
    }

    @Test
    void theInstallerMakesAnAotCacheThatCommandsUseWithoutAWord() throws Exception {
        Path jar = prefix.resolve("share/tenantdesk/tenantdesk.jar");
        List<String> beside;
        try (Stream<Path> files = Files.list(jar.getParent())) {
            beside = files.map(p -> p.getFileName().toString()).sorted().toList();
        }
        assertThat(beside).anyMatch(name -> name.startsWith("tenantdesk-") && name.endsWith(".aot"))
                .noneMatch(name -> name.endsWith(".jsa") || name.endsWith(".partial"));

        Run created = tenantdesk(Map.of(), "inquiry", "create", "--title", "Lekkasje i kjelleren");
        Run listed = tenantdesk(Map.of(), "inquiry", "list");
        // AOTMode=on: the JVM refuses to start unless it can use the cache the launcher names.
        Run strict = tenantdesk(Map.of("TENANTDESK_JAVA_OPTS", "-XX:AOTMode=on"), "inquiry", "list");

        assertThat(created.exitCode()).as(created.err()).isZero();
        assertThat(created.err()).isEmpty();
        assertThat(listed.out()).contains("Lekkasje i kjelleren");
        assertThat(listed.err()).isEmpty();
        assertThat(strict.exitCode()).as(strict.err()).isZero();
        assertThat(strict.out()).contains("Lekkasje i kjelleren");
        assertThat(strict.err()).isEmpty();
    }
}
