package no.tenantdesk.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import no.tenantdesk.domain.ContactRole;
import no.tenantdesk.domain.TemporaryFailureException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One write connection for many transactions (fetch-mail's batches): each is whole or nothing, as a command's. */
class WriterTest {

    private static final Instant NOW = Instant.parse("2026-11-27T08:00:00Z");

    @TempDir
    Path folder;

    Database database;

    @BeforeEach
    void open() {
        // A short busy timeout: a writer that kept the file locked between its transactions would fail the test.
        database = Database.open(folder.resolve("tenantdesk.db"), Duration.ofMillis(500));
    }

    private static long add(Tx tx, String name) {
        return tx.mapper(ContactMapper.class).insert(new ContactMapper.NewContact(name, name.toLowerCase(Locale.ROOT),
                name + "@tenant.example", name.toLowerCase(Locale.ROOT) + "@tenant.example", null, ContactRole.TENANT, null, null,
                NOW));
    }

    private List<String> names() {
        return database.read(tx -> tx.mapper(ContactMapper.class).list(null)).stream().map(ContactRow::name).toList();
    }

    @Test
    void eachTransactionCommitsOnItsOwnAndOthersWriteBetweenThem() {
        try (Writer writer = database.writer()) {
            writer.write(tx -> add(tx, "Kari"));
            assertThat(names()).containsExactly("Kari");

            database.write(tx -> add(tx, "Ola")); // not locked out by the writer's open connection

            writer.write(tx -> add(tx, "Per"));
        }
        assertThat(names()).containsExactly("Kari", "Ola", "Per");
    }

    @Test
    void aFailedTransactionLeavesNothingAndTheNextOneWorks() {
        try (Writer writer = database.writer()) {
            assertThatThrownBy(() -> writer.write(tx -> {
                add(tx, "Kari");
                throw new IllegalStateException("the batch failed");
            })).hasMessage("the batch failed");
            assertThat(names()).isEmpty();
            database.write(tx -> add(tx, "Ola")); // the failed transaction holds no lock either

            writer.write(tx -> add(tx, "Per"));
        }
        assertThat(names()).containsExactly("Ola", "Per");
    }

    @Test
    void aTrialWritesNothing() {
        try (Writer writer = database.writer()) {
            long id = writer.trial(tx -> add(tx, "Kari"));
            assertThat(id).isPositive();
        }
        assertThat(names()).isEmpty();
    }

    @Test
    void aWriterWaitsForAnotherOnlyAsLongAsTheBusyTimeout() {
        try (Writer writer = database.writer(); Writer other = database.writer()) {
            assertThatThrownBy(() -> writer.write(tx -> other.write(inner -> add(inner, "Kari"))))
                    .isInstanceOf(TemporaryFailureException.class);
            writer.write(tx -> add(tx, "Per"));
        }
        assertThat(names()).containsExactly("Per");
    }
}
