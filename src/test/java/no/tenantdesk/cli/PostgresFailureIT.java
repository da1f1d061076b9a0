package no.tenantdesk.cli;

import static no.tenantdesk.testing.CommandResultAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import no.tenantdesk.testing.Cli;
import no.tenantdesk.testing.CommandResult;
import no.tenantdesk.testing.Postgres;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What goes wrong with a server, each one line on stderr with its exit code, no password shown, nothing written: a
 * wrong password, an unknown database, a server that is down or not there, another program's database, a password
 * where others read it, a password file others may read.
 */
class PostgresFailureIT {

    @TempDir
    Path folder;

    Postgres server;
    Cli cli;

    @BeforeEach
    void setUp() {
        server = Postgres.cluster();
        cli = new Cli(folder).env("TENANTDESK_DB", null).env("PGPASSWORD", null);
    }

    private static void oneLine(CommandResult result) {
        assertThat(result.err().lines()).as(result.err()).hasSize(1);
        assertThat(result.err()).doesNotContain(Postgres.PASSWORD, "Exception", "\tat ");
    }

    @Test
    void aWrongPasswordExits1AndSaysWhereThePasswordCameFrom() {
        CommandResult result = cli.env("PGPASSWORD", "not-the-password")
                .run("--db", server.newDatabase(), "inquiry", "list");

        assertThat(result).failedWith(1, "refused user tenantdesk: wrong password (password from PGPASSWORD)");
        oneLine(result);
    }

    @Test
    void noPasswordAnywhereSaysWhereToPutOne() {
        CommandResult result = cli.run("--db", server.newDatabase(), "inquiry", "list");

        assertThat(result).failedWith(1, "asks user tenantdesk for a password").saidOnStderr("~/.pgpass");
        oneLine(result);
    }

    @Test
    void theUsersPgpassGivesThePasswordAndOneOthersMayReadIsIgnored() throws IOException {
        String url = server.newDatabase();
        Path pgpass = Files.writeString(folder.resolve(".pgpass"),
                "# host:port:database:user:password\nelsewhere:*:*:*:wrong\n127.0.0.1:" + server.port() + ":*:tenantdesk:"
                        + Postgres.PASSWORD + "\n");
        Files.setPosixFilePermissions(pgpass, PosixFilePermissions.fromString("rw-r--r--"));

        CommandResult ignored = cli.run("--db", url, "inquiry", "list");

        assertThat(ignored).failedWith(1, "was ignored: others may read it; chmod 600 it");
        Files.setPosixFilePermissions(pgpass, PosixFilePermissions.fromString("rw-------"));
        assertThat(cli.run("--db", url, "inquiry", "list")).succeeded();
        assertThat(cli.env("PGPASSFILE", pgpass.toString()).env("HOME", "/nonexistent")
                .run("--db", url, "inquiry", "list")).succeeded();
    }

    @Test
    void anUnknownDatabaseExits1() {
        CommandResult result = cli.env("PGPASSWORD", Postgres.PASSWORD)
                .run("--db", server.url("no_such_database"), "inquiry", "list");

        assertThat(result).failedWith(1, "database no_such_database on 127.0.0.1:" + server.port() + " does not exist");
        oneLine(result);
    }

    @Test
    void aServerThatIsNotThereExits75() throws IOException {
        int nobody;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            nobody = socket.getLocalPort();
        }
        CommandResult result = cli.env("PGPASSWORD", Postgres.PASSWORD)
                .run("--db", "postgresql://tenantdesk@127.0.0.1:" + nobody + "/tenantdesk", "inquiry", "list");

        assertThat(result).failedWith(75, "cannot reach the database server 127.0.0.1:" + nobody
                + " (connection refused: is it running?); try again");
        oneLine(result);
    }

    @Test
    void aServerThatStopsAndComesBackIsTemporary() {
        String url = server.newDatabase();
        cli.env("PGPASSWORD", Postgres.PASSWORD).env("TENANTDESK_DB", url);
        assertThat(cli.run("inquiry", "create", "--title", "Før")).succeeded();
        server.stopServer();
        CommandResult down;
        try {
            down = cli.run("inquiry", "create", "--title", "Mens");
        } finally {
            server.start();
        }

        assertThat(down).exitedWith(75).saidOnStderr("try again");
        oneLine(down);
        assertThat(cli.run("inquiry", "create", "--title", "Etter")).succeeded();
        assertThat(cli.run("inquiry", "list", "--json").json()).hasSize(2);
    }

    @Test
    void anotherProgramsDatabaseIsRefusedAndLeftAsItWas() throws SQLException {
        String url = server.emptyDatabase();
        String name = url.substring(url.lastIndexOf('/') + 1);
        try (Connection connection = server.connect(name, Postgres.USER);
                Statement sql = connection.createStatement()) {
            sql.execute("CREATE TABLE invoices (id bigint PRIMARY KEY, amount numeric)");
        }

        CommandResult result = cli.env("PGPASSWORD", Postgres.PASSWORD).run("--db", url, "inquiry", "list");

        assertThat(result).failedWith(1, "holds another program's tables (invoices); give tenantdesk a database of its own");
        oneLine(result);
        try (Connection connection = server.connect(name, Postgres.USER);
                Statement sql = connection.createStatement()) {
            assertThat(sql.executeQuery("SELECT count(*) FROM pg_tables WHERE schemaname = 'public'")).satisfies(rs -> {
                rs.next();
                assertThat(rs.getInt(1)).isEqualTo(1);
            });
        }
    }

    @Test
    void aDatabaseThatDoesNotKnowNorwegianLettersIsRefused() throws SQLException {
        try (Connection admin = server.connect("postgres", "postgres"); Statement sql = admin.createStatement()) {
            sql.execute("CREATE DATABASE c_locale OWNER tenantdesk TEMPLATE template0 ENCODING 'UTF8' LOCALE 'C'");
        }

        CommandResult result = cli.env("PGPASSWORD", Postgres.PASSWORD)
                .run("--db", server.url("c_locale"), "inquiry", "list");

        assertThat(result).failedWith(1, "does not know æøå; make it with: createdb -E UTF8 --locale=C.UTF-8");
    }

    @Test
    void aPasswordOnTheCommandLineIsRefusedUnshown() {
        CommandResult result = cli.run("--db", "postgresql://tenantdesk:" + Postgres.PASSWORD + "@127.0.0.1:"
                + server.port() + "/x", "inquiry", "list");

        assertThat(result).failedWith(2, "postgresql://tenantdesk:***@127.0.0.1:" + server.port()
                + "/x holds a password, which any user of this machine could read on the command line");
        oneLine(result);
    }

    @Test
    void aPasswordInTheEnvironmentsUrlIsTakenAndNeverShown() {
        String url = server.newDatabase().replace("tenantdesk@", "tenantdesk:" + Postgres.PASSWORD + "@");
        assertThat(cli.env("TENANTDESK_DB", url).run("inquiry", "create", "--title", "Lekkasje")).succeeded();

        CommandResult info = cli.run("db", "info");

        assertThat(info).succeeded();
        assertThat(info.out()).doesNotContain(Postgres.PASSWORD);
    }
}
