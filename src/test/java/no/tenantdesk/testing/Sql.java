package no.tenantdesk.testing;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** Plain SQL on a database file, beside the program: to set up what no command makes, and to look behind it. */
public final class Sql {

    private Sql() {}

    public static void execute(Path file, String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
                Statement statement = connection.createStatement()) {
            statement.executeUpdate(sql);
        }
    }

    /**
     * Makes SQLite refuse to insert the rows of {@code table} that match {@code when} (about NEW), with the error
     * "refused by the test": a real failure inside the database, for the rows chosen, as a full disk or a bug would
     * cause. {@code DROP TRIGGER refuse} ends it.
     */
    public static void refuseInserts(Path file, String table, String when) throws SQLException {
        execute(file, "CREATE TRIGGER refuse BEFORE INSERT ON " + table + " WHEN " + when
                + " BEGIN SELECT RAISE(ABORT, 'refused by the test'); END");
    }

    /** The first column of every row the query returns, as text. */
    public static List<String> column(Path file, String query) throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
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
