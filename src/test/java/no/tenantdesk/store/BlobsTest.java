package no.tenantdesk.store;

import static no.tenantdesk.store.Blobs.CHUNK_SIZE;
import static no.tenantdesk.testing.Sql.column;
import static no.tenantdesk.testing.Sql.execute;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A file's bytes go into the database a piece at a time and come back exactly, once per content (V010). */
class BlobsTest {

    @TempDir
    Path folder;

    Path file;
    Database database;

    /** As in QueryIndexUpgradeTest: the driver's library as the program loads it, before any plain connection. */
    @BeforeAll
    static void loadTheDriverAsTheProgramDoes() {
        NativeLibrary.useKeptCopy();
    }

    @BeforeEach
    void open() {
        file = folder.resolve("tenantdesk.db");
        database = Database.open(file, Duration.ofSeconds(10));
    }

    /** Bytes without a period of a piece's length: a piece written twice or out of order would show. */
    private static byte[] bytes(int size, long seed) {
        byte[] data = new byte[size];
        new Random(seed).nextBytes(data);
        return data;
    }

    private static String sha256(byte[] data) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
    }

    private boolean put(String sha256, long size, InputStream in) {
        return database.write(tx -> {
            try {
                return new Blobs(tx).put(sha256, size, in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    private byte[] read(String sha256) {
        return database.read(tx -> {
            try (InputStream in = new Blobs(tx).open(sha256)) {
                return in.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    private byte[] copied(String sha256) {
        return database.read(tx -> {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try {
                assertThat(new Blobs(tx).copy(sha256, out)).isEqualTo(out.size());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return out.toByteArray();
        });
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, CHUNK_SIZE - 1, CHUNK_SIZE, CHUNK_SIZE + 1, 3 * CHUNK_SIZE + 17})
    void aFileOfAnySizeAroundAPieceComesBackByteForByte(int size) throws Exception {
        byte[] data = bytes(size, size);
        String sha = sha256(data);

        assertThat(put(sha, size, new ByteArrayInputStream(data))).isTrue();

        assertThat(read(sha)).isEqualTo(data);
        assertThat(copied(sha)).isEqualTo(data);
        int pieces = (size + CHUNK_SIZE - 1) / CHUNK_SIZE;
        assertThat(column(file, "SELECT size || ' ' || length(data) FROM blob"))
                .containsExactly(size + " " + Math.min(size, CHUNK_SIZE));
        List<String> after = new ArrayList<>(); // the first piece is in the blob row
        for (int seq = 1; seq < pieces; seq++) {
            after.add(seq + " " + Math.min(CHUNK_SIZE, size - seq * CHUNK_SIZE));
        }
        assertThat(column(file, "SELECT seq || ' ' || length(data) FROM blob_chunk ORDER BY seq"))
                .containsExactlyElementsOf(after);
    }

    @Test
    void theSameBytesAreStoredOnceAndTheSecondCopyIsNotReadPastItsFirstPiece() throws Exception {
        byte[] data = bytes(2 * CHUNK_SIZE + 5, 7);
        String sha = sha256(data);
        assertThat(put(sha, data.length, new ByteArrayInputStream(data))).isTrue();
        CountingStream again = new CountingStream(new ByteArrayInputStream(data));

        assertThat(put(sha, data.length, again)).isFalse();

        assertThat(again.count).isEqualTo(CHUNK_SIZE);
        assertThat(column(file, "SELECT count(*) FROM blob")).containsExactly("1");
        assertThat(column(file, "SELECT count(*) FROM blob_chunk")).containsExactly("2");
        assertThat(read(sha)).isEqualTo(data);
    }

    @Test
    void aStreamShorterOrLongerThanItsSizeFailsAndLeavesNoPieceBehind() throws Exception {
        byte[] data = bytes(2 * CHUNK_SIZE + 5, 8);
        String sha = sha256(data);

        assertThatThrownBy(() -> put(sha, data.length + 1L, new ByteArrayInputStream(data)))
                .hasRootCauseMessage("the content ended after " + data.length + " of its " + (data.length + 1)
                        + " bytes");
        assertThatThrownBy(() -> put(sha, data.length - 1L, new ByteArrayInputStream(data)))
                .hasRootCauseMessage("the content is longer than the " + (data.length - 1)
                        + " bytes it was said to have");

        assertThat(column(file, "SELECT count(*) FROM blob")).containsExactly("0");
        assertThat(column(file, "SELECT count(*) FROM blob_chunk")).containsExactly("0");
        assertThat(put(sha, data.length, new ByteArrayInputStream(data))).isTrue(); // not mistaken for stored
        assertThat(read(sha)).isEqualTo(data);
    }

    /**
     * The proof that a file is not held whole: when the stream is asked for the bytes of a piece, the piece before
     * the last one read is in the database already, and no read asks for more than a piece.
     */
    @Test
    void eachPieceIsWrittenBeforeTheNextIsRead() throws Exception {
        byte[] data = bytes(5 * CHUNK_SIZE, 9);
        String sha = sha256(data);
        List<String> seen = new ArrayList<>();

        database.write(tx -> {
            AttachmentMapper mapper = tx.mapper(AttachmentMapper.class);
            InputStream watched = new CountingStream(new ByteArrayInputStream(data)) {
                @Override
                public int read(byte[] into, int offset, int length) throws IOException {
                    assertThat(length).isLessThanOrEqualTo(CHUNK_SIZE);
                    long piece = count / CHUNK_SIZE; // the piece this read is for
                    if (piece >= 2) {
                        boolean written = mapper.chunk(sha, piece - 1) != null;
                        seen.add(piece + ":" + written);
                    }
                    return super.read(into, offset, length);
                }
            };
            try {
                return new Blobs(tx).put(sha, data.length, watched);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });

        assertThat(seen).contains("2:true", "3:true", "4:true").doesNotContain("2:false", "3:false", "4:false");
        assertThat(read(sha)).isEqualTo(data);
    }

    @Test
    void aMissingPieceIsAnErrorNotAShorterFile() throws Exception {
        byte[] data = bytes(3 * CHUNK_SIZE, 10);
        String sha = sha256(data);
        put(sha, data.length, new ByteArrayInputStream(data));
        execute(file, "DELETE FROM blob_chunk WHERE seq = 2");

        assertThatThrownBy(() -> read(sha)).hasRootCauseMessage("the stored content " + sha + " has no piece 2 ("
                + 2 * CHUNK_SIZE + " of " + 3 * CHUNK_SIZE + " bytes)");
    }

    @Test
    void contentThatIsNotStoredCannotBeOpened() {
        assertThatThrownBy(() -> read("00".repeat(32))).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no stored content");
    }

    /**
     * A file of schema version 9 kept each file as one BLOB value; V010 cuts them into pieces in SQL, and they read
     * back the same, as do the files stored after the upgrade.
     */
    @Test
    void filesStoredWholeBeforeTheUpgradeReadTheSameAfterIt() throws Exception {
        Path old = folder.resolve("version9.db");
        List<byte[]> files = List.of(new byte[0], bytes(3, 1), bytes(CHUNK_SIZE, 2), bytes(2 * CHUNK_SIZE + 5, 3));
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + old)) {
            Migrators.sqlite(connection).migrateTo(9); // as the release before V010 left it
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO blob (sha256, size, data) VALUES (?, ?, ?)")) {
                for (byte[] data : files) {
                    insert.setString(1, sha256(data));
                    insert.setLong(2, data.length);
                    insert.setBytes(3, data);
                    insert.executeUpdate();
                }
            }
            connection.commit(); // the migrator left auto-commit off
        }

        database = Database.open(old, Duration.ofSeconds(10));

        for (byte[] data : files) {
            assertThat(read(sha256(data))).isEqualTo(data);
        }
        assertThat(column(old, "SELECT max(length(data)) FROM blob")).containsExactly(String.valueOf(CHUNK_SIZE));
        assertThat(column(old, "SELECT size || ' ' || seq || ' ' || length(blob_chunk.data) FROM blob_chunk"
                + " JOIN blob USING (sha256) ORDER BY seq")).containsExactly(
                        2 * CHUNK_SIZE + 5 + " 1 " + CHUNK_SIZE, 2 * CHUNK_SIZE + 5 + " 2 5");
        byte[] again = files.get(3);
        assertThat(putInto(database, sha256(again), again)).isFalse(); // known by its hash, as before
        byte[] added = bytes(CHUNK_SIZE + 1, 4);
        assertThat(putInto(database, sha256(added), added)).isTrue();
        assertThat(read(sha256(added))).isEqualTo(added);
    }

    private static boolean putInto(Database database, String sha256, byte[] data) {
        return database.write(tx -> new Blobs(tx).put(sha256, data));
    }

    /** Counts what was read. */
    private static class CountingStream extends InputStream {
        private final InputStream in;
        long count;

        CountingStream(InputStream in) {
            this.in = in;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            count += b < 0 ? 0 : 1;
            return b;
        }

        @Override
        public int read(byte[] into, int offset, int length) throws IOException {
            int n = in.read(into, offset, length);
            count += Math.max(0, n);
            return n;
        }
    }
}
