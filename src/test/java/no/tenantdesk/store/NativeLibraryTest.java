package no.tenantdesk.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class NativeLibraryTest {

    private static final Path MAPS = Path.of("/proc/self/maps");

    @Test
    void theDriverLoadsItsLibraryFromACopyKeptBesideTheClassesNotFromAFreshOneInTmp() {
        NativeLibrary.useKeptCopy();

        Path folder = Path.of(System.getProperty("org.sqlite.lib.path"));
        assertThat(folder.resolve(System.getProperty("org.sqlite.lib.name"))).isRegularFile();
        assertThat(folder).startsWith(Path.of("target/tenantdesk-native").toAbsolutePath());
    }

    @Test
    void aDriverThatLoadedItsOwnCopyFirstKeepsItAndTheProcessHoldsOneCopyOfTheLibrary()
            throws IOException, SQLException {
        assumeTrue(Files.isReadable(MAPS), "needs Linux's /proc");
        // As a test's own SQL helper does: the driver loads before tenantdesk has chosen the kept copy.
        try (Connection first = DriverManager.getConnection("jdbc:sqlite::memory:")) {
            assertThat(first.isValid(1)).isTrue();
            NativeLibrary.useKeptCopy();
            try (Connection second = DriverManager.getConnection("jdbc:sqlite::memory:")) {
                UnicodeLower.register(second);
                assertThat(second.isValid(1)).isTrue();
            }
        }

        assertThat(librariesMapped()).hasSize(1);
    }

    private static Set<String> librariesMapped() throws IOException {
        try (var lines = Files.lines(MAPS)) {
            return lines.filter(line -> line.contains("sqlitejdbc"))
                    .map(line -> line.substring(line.indexOf('/')))
                    .collect(Collectors.toSet());
        }
    }
}
