package no.tenantdesk.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import no.tenantdesk.domain.TenantdeskException;
import no.tenantdesk.store.Database;
import no.tenantdesk.store.DatabaseAddress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResourcesTest {

    @TempDir
    Path folder;

    final Resources resources = new Resources();

    private static DatabaseAddress file(Path path) {
        return new DatabaseAddress.SqliteFile(path);
    }

    @Test
    void theSameFileIsOpenedOnce() {
        Database first = resources.database(file(folder.resolve("a.db")), Duration.ofSeconds(1), warning -> {});

        assertThat(resources.database(file(folder.resolve("x/../a.db")), Duration.ofSeconds(1), warning -> {})).isSameAs(first);
        assertThat(resources.database(file(folder.resolve("b.db")), Duration.ofSeconds(1), warning -> {})).isNotSameAs(first);
    }

    @Test
    void aFailedOpenIsTriedAgain() throws IOException {
        Path blocked = folder.resolve("blocked");
        Files.writeString(blocked, "a file where a folder should be");

        assertThatThrownBy(() -> resources.database(file(blocked.resolve("t.db")), Duration.ofSeconds(1), warning -> {}))
                .isInstanceOf(TenantdeskException.class);
        Files.delete(blocked);

        assertThat(resources.database(file(blocked.resolve("t.db")), Duration.ofSeconds(1), warning -> {}).address())
                .isEqualTo(file(blocked.resolve("t.db")));
    }
}
