package no.tenantdesk.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import no.tenantdesk.testing.Postgres;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The tally of inquiries on PostgreSQL (postgresql/V017) is, in every transaction's view, the count of the inquiries
 * that view holds: with writers open at the same time, one rolled back, rows removed and the table emptied; and a
 * writer never waits for another's open transaction to add to it.
 */
class PostgresInquiryTallyIT {

    private Connection importer;
    private Connection operator;

    @BeforeEach
    void connect() throws SQLException {
        Postgres cluster = Postgres.cluster();
        String url = cluster.newDatabase();
        String name = url.substring(url.lastIndexOf('/') + 1);
        importer = cluster.connect(name, Postgres.USER);
        operator = cluster.connect(name, Postgres.USER);
        // A writer that had to wait for the other's open transaction fails the test instead of hanging it.
        for (Connection connection : new Connection[] {importer, operator}) {
            execute(connection, "SET lock_timeout = '2s'");
        }
    }

    @AfterEach
    void close() throws SQLException {
        for (Connection connection : new Connection[] {importer, operator}) {
            if (connection != null) {
                connection.close();
            }
        }
    }

    @Test
    void countsWhatEachTransactionSees() throws SQLException {
        importer.setAutoCommit(false);
        add(importer, 3);
        add(importer, 2);
        add(operator, 1); // committed while the importer's batch is open: neither waits for the other
        assertTallied(importer, 5 + 1);
        assertTallied(operator, 1);

        importer.commit();
        assertTallied(operator, 6);

        add(importer, 4);
        importer.rollback();
        assertTallied(operator, 6);
        assertTallied(importer, 6);

        operator.setAutoCommit(false);
        execute(operator, "DELETE FROM inquiry WHERE id IN (SELECT id FROM inquiry ORDER BY id LIMIT 2)");
        add(importer, 1);
        importer.commit();
        assertTallied(operator, 6 - 2 + 1);
        operator.commit();
        assertTallied(importer, 5);
        assertThat(number(importer, "SELECT count(*) FROM inquiry_tally")).as("rows of the tally, folded")
                .isLessThanOrEqualTo(2);
    }

    @Test
    void emptiesWithTheTable() throws SQLException {
        add(operator, 3);
        execute(operator, "TRUNCATE inquiry CASCADE");
        assertTallied(operator, 0);
        add(operator, 2);
        assertTallied(operator, 2);
    }

    private static void add(Connection connection, int count) throws SQLException {
        execute(connection, "INSERT INTO inquiry (title, status, priority, source, created_at, updated_at)"
                + " SELECT 'Lekkasje ' || n, 'todo', 'normal', 'email', now(), now() FROM generate_series(1, " + count
                + ") n");
    }

    private static void assertTallied(Connection connection, long expected) throws SQLException {
        assertThat(number(connection, "SELECT count(*) FROM inquiry")).as("inquiries").isEqualTo(expected);
        assertThat(number(connection, "SELECT sum(n) FROM inquiry_tally")).as("the tally").isEqualTo(expected);
    }

    private static long number(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet row = statement.executeQuery(sql)) {
            row.next();
            return row.getLong(1);
        }
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
