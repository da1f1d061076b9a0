package no.tenantdesk.service;

import static no.tenantdesk.testing.Sql.column;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import no.tenantdesk.domain.InvalidInputException;
import no.tenantdesk.store.Blobs;
import no.tenantdesk.store.Database;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A user's file is read twice: up front for its size and SHA-256, then a piece at a time into the database. Bytes
 * that changed in between must not be stored under the hash of the old ones, where the next copy of the old file
 * would find them.
 */
class FileInputTest {

    @TempDir
    Path folder;

    @Test
    void aFileThatChangesAfterItWasCheckedIsRefusedAndNothingIsStored() throws Exception {
        Path database = folder.resolve("tenantdesk.db");
        Database db = Database.open(database, Duration.ofSeconds(10));
        Path photo = Files.write(folder.resolve("photo.jpg"), new byte[3 * Blobs.CHUNK_SIZE]);
        List<FileInput> files = FileInput.readAll(List.of(photo));
        byte[] changed = new byte[3 * Blobs.CHUNK_SIZE];
        changed[2 * Blobs.CHUNK_SIZE + 1] = 1; // in the last piece: the first two are stored by then
        Files.write(photo, changed);

        assertThatThrownBy(() -> db.write(tx -> {
            files.get(0).store(new Blobs(tx));
            return null;
        })).isInstanceOf(InvalidInputException.class)
                .hasMessage("cannot read file " + photo + ": it changed while it was being stored");

        assertThat(column(database, "SELECT count(*) FROM blob")).containsExactly("0");
        assertThat(column(database, "SELECT count(*) FROM blob_chunk")).containsExactly("0");
    }

    @Test
    void anUnchangedFileIsStoredUnderItsHash() throws Exception {
        Path database = folder.resolve("tenantdesk.db");
        Database db = Database.open(database, Duration.ofSeconds(10));
        Path photo = Files.write(folder.resolve("photo.jpg"), new byte[Blobs.CHUNK_SIZE + 1]);
        FileInput file = FileInput.readAll(List.of(photo)).get(0);

        db.write(tx -> {
            file.store(new Blobs(tx));
            return null;
        });

        assertThat(file.size()).isEqualTo(Blobs.CHUNK_SIZE + 1);
        assertThat(column(database, "SELECT sha256 || ' ' || size FROM blob"))
                .containsExactly(file.sha256() + " " + (Blobs.CHUNK_SIZE + 1));
        assertThat(column(database, "SELECT count(*) FROM blob_chunk")).containsExactly("1");
    }
}
