package no.tenantdesk.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import no.tenantdesk.testing.Postgres;
import org.junit.jupiter.api.Test;

/**
 * A raw mail or a file's piece large enough for PostgreSQL to compress is compressed with LZ4 (postgresql/V022), the
 * cheaper of the server's two methods for fetch-mail, and reads back byte for byte.
 */
class PostgresBlobCompressionIT {

    @Test
    void aSmallMailsRawBytesAreCompressedWithLz4() throws SQLException {
        Postgres cluster = Postgres.cluster();
        String url = cluster.newDatabase();
        byte[] mail = "Subject: Lekkasje på badet\r\n\r\nDet drypper fra taket.\r\n".repeat(60)
                .getBytes(StandardCharsets.UTF_8);
        try (Connection connection = cluster.connect(url.substring(url.lastIndexOf('/') + 1), Postgres.USER)) {
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO blob (sha256, size, data) VALUES (repeat('a', 64), ?, ?)")) {
                insert.setLong(1, mail.length);
                insert.setBytes(2, mail);
                insert.executeUpdate();
            }
            try (PreparedStatement read = connection.prepareStatement(
                            "SELECT pg_column_compression(data), data FROM blob");
                    ResultSet rs = read.executeQuery()) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo("lz4");
                assertThat(rs.getBytes(2)).isEqualTo(mail);
            }
        }
    }
}
