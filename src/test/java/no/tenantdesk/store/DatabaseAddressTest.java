package no.tenantdesk.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import no.tenantdesk.domain.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What --db takes: a file, or a PostgreSQL URL as libpq and the JDBC driver write them; nothing else. */
class DatabaseAddressTest {

    private static DatabaseAddress parse(String text) {
        return DatabaseAddress.parse(text, name -> Path.of("/home/kari").resolve(name));
    }

    @Test
    void aPathIsAFileRelativeToTheUsersFolder() {
        assertThat(parse("data/tenantdesk.db")).isEqualTo(new DatabaseAddress.SqliteFile(
                Path.of("/home/kari/data/tenantdesk.db")));
        assertThat(parse("jdbc:sqlite:/srv/t.db")).isEqualTo(new DatabaseAddress.SqliteFile(Path.of("/srv/t.db")));
    }

    @Test
    void aUrlNamesUserHostPortDatabaseAndTheSettingsTenantdeskPassesOn() {
        PostgresServer server = (PostgresServer) parse(
                "postgresql://kari@db.eiendom.example:6543/tenantdesk?sslmode=verify-full&sslrootcert=/etc/ca.pem");

        assertThat(server.user()).isEqualTo("kari");
        assertThat(server.host()).isEqualTo("db.eiendom.example");
        assertThat(server.port()).isEqualTo(6543);
        assertThat(server.database()).isEqualTo("tenantdesk");
        assertThat(server.sslMode()).isEqualTo("verify-full");
        assertThat(server.settings()).isEqualTo(Map.of("sslmode", "verify-full", "sslrootcert", "/etc/ca.pem"));
        assertThat(server.password()).isNull();
    }

    @Test
    void theOtherSpellingsAndDefaults() {
        PostgresServer jdbc = (PostgresServer) parse("jdbc:postgresql://db:5433/tenantdesk?user=kari");
        PostgresServer bare = (PostgresServer) parse("postgres://db");
        PostgresServer v6 = (PostgresServer) parse("postgresql://kari@[::1]:5544/t");
        PostgresServer local = (PostgresServer) parse("jdbc:postgresql:tenantdesk");

        assertThat(List.of(jdbc.user(), jdbc.host(), String.valueOf(jdbc.port()), jdbc.database()))
                .containsExactly("kari", "db", "5433", "tenantdesk");
        assertThat(bare.port()).isEqualTo(5432);
        assertThat(bare.user()).isNull();
        assertThat(bare.sslMode()).isEqualTo("prefer");
        assertThat(bare.withUser("ola").databaseOrUser()).isEqualTo("ola");
        assertThat(v6.host()).isEqualTo("::1");
        assertThat(v6.describe()).isEqualTo("postgresql://kari@[::1]:5544/t");
        assertThat(local.host()).isEqualTo("localhost");
        assertThat(local.database()).isEqualTo("tenantdesk");
    }

    @Test
    void aPasswordInTheUrlIsKeptButNeverShown() {
        PostgresServer server = (PostgresServer) parse("postgresql://kari:s%3Acret@db/tenantdesk");

        assertThat(server.password()).isEqualTo("s:cret");
        assertThat(server.toString()).isEqualTo("postgresql://kari@db:5432/tenantdesk").doesNotContain("cret");
        assertThat(PostgresServer.withoutPassword("postgresql://kari:s3cret@db/t?password=x&sslmode=require"))
                .isEqualTo("postgresql://kari:***@db/t?password=***&sslmode=require");
    }

    @ParameterizedTest
    @ValueSource(strings = {"mysql://db/tenantdesk", "http://db/x", "jdbc:mysql://db/x", "sqlite://x.db"})
    void anyOtherSchemeIsAnErrorNeverAFileName(String text) {
        assertThatThrownBy(() -> parse(text)).isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("unsupported database URL");
    }

    @Test
    void aMistakeInTheUrlIsNamedWithoutThePassword() {
        assertThatThrownBy(() -> parse("postgresql://kari:hemmelig@db/t?sslmod=require"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("unknown parameter 'sslmod'").hasMessageNotContaining("hemmelig");
        assertThatThrownBy(() -> parse("postgresql://db:99999/t")).hasMessageContaining("port must be a number");
        assertThatThrownBy(() -> parse("postgresql://db/t?sslmode=sometimes")).hasMessageContaining("sslmode must be");
        assertThatThrownBy(() -> parse("postgresql://a,b/t")).hasMessageContaining("several hosts");
    }

    @Test
    void pgpassLinesMatchAsLibpqMatchesThem() {
        List<String> lines = List.of("# comment", "other:5432:*:kari:no", "db:*:tenantdesk:kari:first\\:part",
                "*:*:*:*:fallback");

        assertThat(PgPass.match(lines, "db", "5432", "tenantdesk", "kari")).isEqualTo("first:part");
        assertThat(PgPass.match(lines, "db", "5432", "other", "kari")).isEqualTo("fallback");
        assertThat(PgPass.match(List.of("db:5432:t:kari:x"), "db", "5433", "t", "kari")).isNull();
    }
}
