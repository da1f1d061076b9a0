package no.tenantdesk.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;
import no.tenantdesk.launcher.ClassDataSharingIT.Run;

/**
 * The program installed by scripts/install once per test JVM, for the daemon's tests (DaemonTestBase): installing
 * makes the class-data archive with its training runs, half a minute or more of a busy machine, and what each class
 * needs is the same installed copy. A test that changes it puts it back (DaemonIT's newer jar gets its new archive on
 * the next run). Removed when the JVM exits.
 */
final class InstalledCopy {

    private static final Path INSTALL = Path.of("scripts/install").toAbsolutePath();

    private InstalledCopy() {}

    /** The prefix the program is installed under: bin/tenantdesk, share/tenantdesk/tenantdesk.jar. */
    static Path prefix() {
        return Holder.install();
    }

    private static final class Holder {

        private static Path prefix;

        static synchronized Path install() {
            if (prefix == null) {
                try {
                    Path folder = Files.createTempDirectory("tenantdesk-installed-");
                    Runtime.getRuntime().addShutdownHook(new Thread(() -> remove(folder), "tenantdesk-installed"));
                    Path home = Files.createDirectory(folder.resolve("home"));
                    Path installed = folder.resolve("prefix");
                    Run run = ClassDataSharingIT.run(home, Map.of(), Path.of("/dev/null"), INSTALL.toString(),
                            "--prefix", installed.toString());
                    assertThat(run.exitCode()).as(run.err()).isZero();
                    // The first use makes the class-data archive when the installer could not: not in a test's time.
                    Run first = ClassDataSharingIT.run(home, Map.of("TENANTDESK_DAEMON", "off"), Path.of("/dev/null"),
                            installed.resolve("bin/tenantdesk").toString(), "--version");
                    assertThat(first.exitCode()).as(first.err()).isZero();
                    prefix = installed;
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
            }
            return prefix;
        }
    }

    /** Deletes the folder; its daemon, if the installer's first run started one, stops when its socket goes. */
    private static void remove(Path folder) {
        try (Stream<Path> files = Files.walk(folder)) {
            files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException e) {
            // Left in the temporary folder: nothing of a user's.
        }
    }
}
