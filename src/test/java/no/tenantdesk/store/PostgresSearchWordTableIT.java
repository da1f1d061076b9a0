package no.tenantdesk.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import no.tenantdesk.testing.Postgres;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The words of the done inquiries' stories kept apart (postgresql/V024) are, after every kind of write, exactly the
 * words of each story not open, and none of an open one; and a search of words asked for there, with the open
 * stories' matches beside them, finds exactly the stories its query matches.
 */
class PostgresSearchWordTableIT {

    /** The rows the words table lacks or has too many of, against the own words of the stories not open. */
    private static final String DIFFERENCE = "SELECT count(*) FROM ("
            + "(SELECT word, inquiry_id FROM inquiry_search, unnest(tsvector_to_array(story)) AS word WHERE NOT open"
            + " EXCEPT SELECT word, inquiry_id FROM inquiry_search_word)"
            + " UNION ALL (SELECT word, inquiry_id FROM inquiry_search_word"
            + " EXCEPT SELECT word, inquiry_id FROM inquiry_search, unnest(tsvector_to_array(story)) AS word"
            + " WHERE NOT open)) d";
    private static final String WORDS = "SELECT count(*) FROM inquiry_search_word";

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
    void holdsEachStorysWordsAfterEveryKindOfWrite() throws SQLException {
        add(3, "Lekkasje på badet", "Vannet renner fra taket");
        execute("INSERT INTO comment (inquiry_id, kind, author, body, created_at)"
                + " SELECT id, 'incoming', 'kari', 'Kakerlakk i kjøkkenet, ÆRLIG talt', now() FROM inquiry");
        execute("INSERT INTO task (inquiry_id, kind, title, status, priority, created_by, created_at, updated_at)"
                + " SELECT id, 'task', 'Rørlegger bestilt', 'todo', 'normal', 'ola', now(), now() FROM inquiry");
        assertThat(number(WORDS)).as("an open story's words: none (an import writes nothing here)").isZero();

        execute("UPDATE inquiry SET status = 'done' WHERE true");
        assertKept("inquiries done");

        execute("UPDATE comment SET body = 'Mus i boden' WHERE inquiry_id = (SELECT min(id) FROM inquiry)");
        execute("UPDATE inquiry SET title = 'Tett avløp', description = '' WHERE id = (SELECT max(id) FROM inquiry)");
        execute("UPDATE task SET completion_note = 'Ferdig skiftet pakning' WHERE true");
        assertKept("texts of done inquiries changed");

        execute("UPDATE inquiry SET status = 'in-progress' WHERE id = (SELECT max(id) FROM inquiry)");
        assertKept("an inquiry opened again");
        assertThat(number(WORDS + " WHERE inquiry_id = (SELECT max(id) FROM inquiry)")).as("its words").isZero();
        execute("UPDATE inquiry SET status = 'done' WHERE true");
        assertKept("done again");

        execute("DELETE FROM task WHERE inquiry_id = (SELECT min(id) FROM inquiry)");
        execute("DELETE FROM comment WHERE inquiry_id = (SELECT max(id) FROM inquiry)");
        assertKept("comments and tasks removed");

        execute("INSERT INTO search_rewrite SELECT id FROM inquiry");
        execute("UPDATE comment SET body = '[fjernet]' WHERE true");
        execute("UPDATE inquiry_search SET story = search_story(inquiry_id)"
                + " WHERE inquiry_id IN (SELECT inquiry_id FROM search_rewrite)");
        execute("DELETE FROM search_rewrite");
        assertKept("texts rewritten as contact forget does");

        execute("DELETE FROM task WHERE true");
        execute("DELETE FROM comment WHERE true");
        execute("DELETE FROM inquiry WHERE id = (SELECT min(id) FROM inquiry)");
        assertKept("an inquiry removed");
        assertThat(number(WORDS + " WHERE inquiry_id NOT IN (SELECT id FROM inquiry)"))
                .as("words of the inquiry removed").isZero();

        execute("TRUNCATE inquiry_search");
        assertThat(number(WORDS)).as("emptied with the stories").isZero();
    }

    @Test
    void aWordTypedIsTheIndexsWordOnlyWhenItsQueryIsThatWordsBeginning() throws SQLException {
        assertThat(word("Lekkasje")).isEqualTo("lekkasje");
        assertThat(word("ÆRLIG")).isEqualTo("ærlig");
        assertThat(word("lekk.")).isEqualTo("lekk");
        assertThat(word("«Rør»")).isEqualTo("rør");
        assertThat(word("e-post")).as("a phrase needs the positions").isNull();
        assertThat(word("*")).as("no word at all").isNull();
    }

    /**
     * Random stories, half of them done, and random words typed: the words table and the open stories together find
     * the very stories the GIN index finds (as InquiryMapper.rank asks them).
     */
    @Test
    void findsWhatTheStoriesQueryFinds() throws SQLException {
        String[] words = {"lekkasje", "lekkasjen", "lekk", "bad", "badet", "baderom", "Ærlig", "ærligheten", "øst",
            "Østre", "åpen", "å", "aa", "rør", "rørlegger", "12b", "12", "e", "post", "epost", "kakerlakk",
            "ÅSE"};
        Random random = new Random(20261207);
        for (int n = 0; n < 200; n++) {
            StringBuilder title = new StringBuilder();
            for (int i = random.nextInt(6); i >= 0; i--) {
                title.append(words[random.nextInt(words.length)]).append(random.nextBoolean() ? " " : ", ");
            }
            add(1, title.toString(), random.nextBoolean() ? "" : words[random.nextInt(words.length)] + "-post");
        }
        execute("UPDATE inquiry SET status = 'done' WHERE id % 2 = 0");
        List<String> disagreements = new ArrayList<>();
        try (PreparedStatement byStory = connection.prepareStatement(
                "SELECT count(*) FROM inquiry_search WHERE story @@ (search_prefix(?) && search_prefix(?))");
                PreparedStatement byWord = connection.prepareStatement("SELECT count(*) FROM ("
                        + "SELECT inquiry_id FROM inquiry_search_word WHERE word >= search_word(?)"
                        + " AND word < search_word(?) || chr(1114111)"
                        + " INTERSECT SELECT inquiry_id FROM inquiry_search_word WHERE word >= search_word(?)"
                        + " AND word < search_word(?) || chr(1114111)"
                        + " UNION ALL SELECT inquiry_id FROM inquiry_search"
                        + " WHERE open AND story @@ (search_prefix(?) && search_prefix(?))) h")) {
            for (String first : words) {
                for (String typed : List.of(first, first.toUpperCase(Locale.ROOT), first.substring(0, 1))) {
                    String second = words[random.nextInt(words.length)];
                    long stories = count(byStory, typed, second);
                    long found = count(byWord, typed, typed, second, second, typed, second);
                    if (stories != found) {
                        disagreements.add(typed + " " + second + ": " + stories + " stories, " + found + " by word");
                    }
                }
            }
        }
        assertThat(disagreements).isEmpty();
    }

    private void add(int count, String title, String description) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO inquiry (title, description, status,"
                + " priority, source, created_at, updated_at) SELECT ?, ?, 'todo', 'normal', 'email', now(), now()"
                + " FROM generate_series(1, ?)")) {
            insert.setString(1, title);
            insert.setString(2, description);
            insert.setInt(3, count);
            insert.executeUpdate();
        }
    }

    private void assertKept(String after) throws SQLException {
        assertThat(number(WORDS)).as("words after " + after).isPositive();
        assertThat(number(DIFFERENCE)).as("words missing or left over after " + after).isZero();
    }

    private String word(String typed) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT search_word(?)")) {
            query.setString(1, typed);
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return row.getString(1);
            }
        }
    }

    private static long count(PreparedStatement query, String... values) throws SQLException {
        for (int i = 0; i < values.length; i++) {
            query.setString(i + 1, values[i]);
        }
        try (ResultSet row = query.executeQuery()) {
            row.next();
            return row.getLong(1);
        }
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
