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
 * Every inquiry on PostgreSQL has exactly one search row, however it came in (postgresql/V025, a statement trigger):
 * rows of a statement that writes none (db copy, psql), of one that writes its own (the import, {@code inquiry add}),
 * of one that writes some of them, in one statement or several of a transaction; a row the trigger writes holds the
 * inquiry's texts and is open as its status says, and the row a statement wrote itself is kept as it wrote it.
 */
class PostgresSearchRowIT {

    /** Inquiries without a search row or with more than one. */
    private static final String NOT_ONE = "SELECT count(*) FROM inquiry i"
            + " WHERE (SELECT count(*) FROM inquiry_search s WHERE s.inquiry_id = i.id) <> 1";
    /** Search rows the trigger wrote that differ from their inquiry's texts or status. */
    private static final String WRONG = "SELECT count(*) FROM inquiry i JOIN inquiry_search s ON s.inquiry_id = i.id"
            + " WHERE i.title NOT LIKE 'own%' AND (s.story <> setweight(search_words(i.title), 'A')"
            + " || setweight(search_words(i.description), 'B') OR s.open <> (i.status <> 'done'))";
    /** Inquiries whose statement wrote their search row ('own' in the title), with a row other than that one. */
    private static final String OWN_REPLACED = "SELECT count(*) FROM inquiry i JOIN inquiry_search s"
            + " ON s.inquiry_id = i.id WHERE i.title LIKE 'own%' AND s.story <> CAST('eget' AS tsvector)";

    private Connection connection;

    @BeforeEach
    void connect() throws SQLException {
        Postgres cluster = Postgres.cluster();
        String url = cluster.newDatabase();
        connection = cluster.connect(url.substring(url.lastIndexOf('/') + 1), Postgres.USER);
    }

    @AfterEach
    void close() throws SQLException {
        if (connection != null) {
            connection.close();
        }
    }

    @Test
    void everyInquiryHasExactlyOneSearchRowHoweverItCameIn() throws SQLException {
        execute("INSERT INTO inquiry (title, description, status, priority, source, created_at, updated_at)"
                + " SELECT 'Lekkasje ' || n, 'Vann på badet', CASE WHEN n % 3 = 0 THEN 'done' ELSE 'todo' END,"
                + " 'normal', 'email', now(), now() FROM generate_series(1, 7) n");
        assertOneEach("rows of a statement that writes no search row (db copy, psql)", 7);

        execute(writingTheirOwn("true", 5));
        assertOneEach("rows of a statement that writes their search rows itself (the import)", 12);

        execute(writingTheirOwn("n % 2 = 0", 6));
        assertOneEach("rows of a statement that writes some of their search rows", 18);

        connection.setAutoCommit(false);
        execute(writingTheirOwn("true", 2));
        execute("INSERT INTO inquiry (title, description, status, priority, source, created_at, updated_at)"
                + " VALUES ('Mus i kjelleren', '', 'in-progress', 'high', 'phone', now(), now())");
        execute("INSERT INTO inquiry (title, description, status, priority, source, created_at, updated_at)"
                + " SELECT 'Kopi av ' || title, description, status, priority, source, now(), now() FROM inquiry");
        connection.commit();
        assertOneEach("rows of several statements of one transaction, one copying the others", 42);
    }

    /**
     * A statement shaped as the import's (InquiryMapper.insertAll): new inquiries, and in the same statement the
     * search rows of those for which {@code writes} holds, with a story of their own ('eget').
     */
    private static String writingTheirOwn(String writes, int count) {
        return "WITH held AS (SELECT nextval(pg_get_serial_sequence('inquiry', 'id')) AS id, n"
                + " FROM generate_series(1, " + count + ") n),"
                + " new AS (INSERT INTO inquiry (id, title, description, status, priority, source, created_at,"
                + " updated_at) SELECT id, CASE WHEN " + writes + " THEN 'own ' ELSE 'Kakerlakk ' END || n,"
                + " 'Rør', 'todo', 'normal', 'email', now(), now() FROM held)"
                + " INSERT INTO inquiry_search (inquiry_id, story) SELECT id, CAST('eget' AS tsvector) FROM held"
                + " WHERE " + writes;
    }

    private void assertOneEach(String after, long inquiries) throws SQLException {
        assertThat(number("SELECT count(*) FROM inquiry")).as("inquiries after " + after).isEqualTo(inquiries);
        assertThat(number(NOT_ONE)).as("inquiries without exactly one search row after " + after).isZero();
        assertThat(number(WRONG)).as("search rows not of their inquiry's texts and status after " + after).isZero();
        assertThat(number(OWN_REPLACED)).as("search rows written by the statement, replaced, after " + after).isZero();
    }

    private long number(String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet row = statement.executeQuery(sql)) {
            row.next();
            return row.getLong(1);
        }
    }

    private void execute(String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
