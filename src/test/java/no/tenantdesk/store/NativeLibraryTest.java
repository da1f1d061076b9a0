package no.tenantdesk.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class NativeLibraryTest {

    @Test
    void theDriverLoadsItsLibraryFromACopyKeptBesideTheClassesNotFromAFreshOneInTmp() {
        NativeLibrary.useKeptCopy();

        Path folder = Path.of(System.getProperty("org.sqlite.lib.path"));
        assertThat(folder.resolve(System.getProperty("org.sqlite.lib.name"))).isRegularFile();
        assertThat(folder).startsWith(Path.of("target/tenantdesk-native").toAbsolutePath());
    }
}
