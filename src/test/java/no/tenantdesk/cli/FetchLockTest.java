package no.tenantdesk.cli;

import static no.tenantdesk.testing.CommandResultAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import no.tenantdesk.store.Database;
import no.tenantdesk.store.DatabaseAddress;
import no.tenantdesk.store.RunLock;
import no.tenantdesk.testing.Cli;
import no.tenantdesk.testing.CommandResult;
import no.tenantdesk.testing.Maildir;
import no.tenantdesk.testing.Postgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One import per database, wherever it runs: a lock file beside a SQLite file, an advisory lock on a PostgreSQL
 * server. A second fetch-mail, started while one holds it, leaves at once and quietly, and files nothing.
 */
class FetchLockTest {

    @TempDir
    Path folder;

    @Test
    void aSecondImportWhileOneRunsLeavesQuietlyAndTheNextOneImports() {
        Cli cli = new Cli(folder);
        Maildir inbox = new Maildir(folder.resolve("Maildir"));
        inbox.deliverFixture("threading/leak-in-office-204.eml");
        assertThat(cli.run("inquiry", "list")).succeeded();
        DatabaseAddress address = Postgres.selected() ? Postgres.server(cli.database())
                : new DatabaseAddress.SqliteFile(Path.of(cli.database()));

        try (Database other = Database.open(address, Duration.ofSeconds(10))) {
            Optional<RunLock> held = other.tryLock("fetch");
            assertThat(held).isPresent();
            RunLock lock = held.get();
            try {
                CommandResult busy = cli.run("fetch-mail", "--source", inbox.uri(), "--json");

                assertThat(busy).succeeded();
                assertThat(busy.json().get("busy").asBoolean()).isTrue();
                assertThat(busy.err()).isEmpty();
                assertThat(other.tryLock("fetch")).isEmpty();
            } finally {
                lock.close();
            }
        }

        CommandResult next = cli.run("fetch-mail", "--source", inbox.uri(), "--json");
        assertThat(next).succeeded();
        assertThat(next.json().get("created").asInt()).isEqualTo(1);
    }
}
