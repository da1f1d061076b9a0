package no.tenantdesk.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import no.tenantdesk.store.PostgresServer;

/**
 * Plain SQL on a database beside the program, a SQLite file or a database of the test server ({@link Postgres}):
 * to set up what no command makes, and to look behind it. {@code database} is what TENANTDESK_DB says
 * ({@link Cli#database}).
 */
public final class Sql {

    private Sql() {}

    public static Connection connect(String database) throws SQLException {
        if (!database.startsWith("postgresql://")) {
            return DriverManager.getConnection("jdbc:sqlite:" + database);
        }
        PostgresServer server = Postgres.server(database);
        Properties properties = new Properties();
        properties.setProperty("user", server.user());
        properties.setProperty("password", server.password());
        return DriverManager.getConnection("jdbc:postgresql://" + server.host() + ":" + server.port() + "/"
                + server.database(), properties);
    }

    public static void execute(String database, String sql) throws SQLException {
        try (Connection connection = connect(database); Statement statement = connection.createStatement()) {
            statement.executeUpdate(sql);
        }
    }

    /**
     * Makes the database refuse to insert the rows of {@code table} that match {@code when} (about NEW, in SQL both
     * databases read alike), with the error "refused by the test": a real failure inside the database, for the rows
     * chosen, as a full disk or a bug would cause. {@link #allowInserts} ends it.
     */
    public static void refuseInserts(String database, String table, String when) throws SQLException {
        if (database.startsWith("postgresql://")) {
            execute(database, "CREATE OR REPLACE FUNCTION refuse() RETURNS trigger LANGUAGE plpgsql AS"
                    + " $$ BEGIN RAISE EXCEPTION 'refused by the test'; END $$");
            execute(database, "CREATE TRIGGER refuse BEFORE INSERT ON " + table + " FOR EACH ROW WHEN (" + when
                    + ") EXECUTE FUNCTION refuse()");
        } else {
            execute(database, "CREATE TRIGGER refuse BEFORE INSERT ON " + table + " WHEN " + when
                    + " BEGIN SELECT RAISE(ABORT, 'refused by the test'); END");
        }
    }

    public static void allowInserts(String database, String table) throws SQLException {
        execute(database, database.startsWith("postgresql://") ? "DROP TRIGGER refuse ON " + table
                : "DROP TRIGGER refuse");
    }

    /** On a SQLite file. */
    public static void execute(java.nio.file.Path file, String sql) throws SQLException {
        execute(file.toString(), sql);
    }

    /** On a SQLite file. */
    public static List<String> column(java.nio.file.Path file, String query) throws SQLException {
        return column(file.toString(), query);
    }

    /** The first column of every row the query returns, as text. */
    public static List<String> column(String database, String query) throws SQLException {
        try (Connection connection = connect(database);
                Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery(query)) {
            List<String> values = new ArrayList<>();
            while (rs.next()) {
                values.add(rs.getString(1));
            }
            return values;
        }
    }
}
