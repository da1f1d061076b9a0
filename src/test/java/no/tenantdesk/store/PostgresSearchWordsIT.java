package no.tenantdesk.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Random;
import no.tenantdesk.testing.Postgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The words the program makes for PostgreSQL's search index are the server's own (search_words, postgresql/V002):
 * for every text it makes them for, the same tsvector, in its text form and in its binary one; and a text it cannot
 * vouch for is left to the server.
 */
class PostgresSearchWordsIT {

    private static Connection connection;
    private static PreparedStatement compare;

    @BeforeAll
    static void connect() throws SQLException {
        Postgres cluster = Postgres.cluster();
        String url = cluster.newDatabase();
        // As PostgresDialect connects: the binary form of a tsvector[] is sent only when the driver is told so.
        Properties binary = new Properties();
        binary.setProperty("binaryTransferEnable", String.valueOf(TsvectorArray.OID));
        connection = cluster.connect(url.substring(url.lastIndexOf('/') + 1), Postgres.USER, binary);
        compare = connection.prepareStatement(
                "SELECT CAST(? AS tsvector)::text, (CAST(? AS tsvector[]))[1]::text, search_words(?)::text");
    }

    @AfterAll
    static void close() throws SQLException {
        if (connection != null) {
            connection.close();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "", " ", "Lekkasje", "Lekkasje fra taket på badet, 3. etg.", "ÆRLIG talt: vannet renner!",
        "e-post: kari.nordmann@example.no, tlf. +47 912 34 567", "Døren i oppgang B (nr. 12B) lukker ikke",
        "Straße, Ærø, ÅSE, Øyvind — «sitat» … “anførsel” ‘enkle’ – €150,- § 3",
        "2nd 1e5 0x1F 3.14 v1.2.3 1,5 12:30 2026-12-06", "word word word WORD Word", "C:\\temp\\fil.txt <b>html</b>",
        "linje1\nlinje2\r\nlinje3\ttab", "éèêë àáâãäå çñ ìíîï òóôõö ùúûü ýÿ þð ÀÁÂÃÄÅ ÇÈÉÊË ÌÍÎÏ ÐÑ ÒÓÔÕÖ ØÙÚÛÜ ÝÞ"
    })
    void makesTheServersWordsForPlainText(String text) throws SQLException {
        String words = SearchWords.of(text);

        assertThat(words).as("made by the program").isNotNull();
        List<String> all = server(words, text);
        assertThat(all.get(0)).as("the program's words, as the server reads them").isEqualTo(all.get(2));
        assertThat(all.get(1)).as("the program's words in binary form, as the server reads them")
                .isEqualTo(all.get(2));
    }

    @ParameterizedTest
    @ValueSource(strings = {"日本語のテキスト", "Ελληνικά", "ﬁne ligature", "µ and ª", "x² + y³", "😀 emoji", "e\u0301 combining"})
    void leavesOtherScriptsToTheServer(String text) {
        assertThat(SearchWords.of(text)).isNull();
        assertThat(SearchWords.binary(text)).isNull();
    }

    @Test
    void leavesLongTextsAndWordsAndRepeatsToTheServer() {
        assertThat(SearchWords.of("a ".repeat(SearchWords.MAX_CHARS / 2 + 1))).isNull();
        assertThat(SearchWords.of("x".repeat(2047))).isNull();
        assertThat(SearchWords.of("ja ".repeat(256))).isNull();
        assertThat(SearchWords.of("ja ".repeat(255))).isNotNull();
    }

    /** Random texts of the characters it handles and a few it does not: every one it makes words for agrees. */
    @Test
    void agreesWithTheServerOnRandomText() throws SQLException {
        String alphabet = "abcxyzABCXYZ0189æøåÆØÅéüßÿÞ×÷ .,-_'\"\\:;!?()[]{}@#$%&*+/<=>|~^`\n\t\u00a0«»–—…€§°µ²日";
        Random random = new Random(20261206);
        int made = 0;
        List<String> disagreements = new ArrayList<>();
        for (int n = 0; n < 2000; n++) {
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(200);
            for (int i = 0; i < length; i++) {
                text.append(alphabet.charAt(random.nextInt(alphabet.length() - (n % 2 == 0 ? 3 : 0))));
            }
            String words = SearchWords.of(text.toString());
            if (words != null) {
                made++;
                List<String> all = server(words, text.toString());
                if (!all.get(0).equals(all.get(2)) || !all.get(1).equals(all.get(2))) {
                    disagreements.add(text + " -> " + all);
                }
            }
        }
        assertThat(disagreements).isEmpty();
        assertThat(made).as("texts the program made words for").isGreaterThan(900);
    }

    /** The words from their text form, from their binary form (in an array, as the import sends them), the server's. */
    private static List<String> server(String words, String text) throws SQLException {
        compare.setString(1, words);
        compare.setObject(2, new TsvectorArray(new byte[][] {SearchWords.binary(text)}));
        compare.setString(3, text);
        try (ResultSet row = compare.executeQuery()) {
            row.next();
            return List.of(row.getString(1), row.getString(2), row.getString(3));
        }
    }
}
