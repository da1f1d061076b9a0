package no.tenantdesk.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import no.tenantdesk.domain.Status;
import no.tenantdesk.testing.Postgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Without an index of every story (postgresql/V026), every search finds what matching every story finds: the open
 * ones from their own index, the done ones from their words, and a phrase ("e-post") from the stories holding its
 * least common word, matched against it. Random stories, half of them done (one with its flag left open, as a row
 * written by hand may be), searched through the mapper as `search` and `inquiry list --search` ask, by every status
 * filter, against a brute-force match of every story.
 */
class PostgresStoryMatchesIT {

    private static final String[] WORDS = {"lekkasje", "lekkasjen", "bad", "badet", "Ærlig", "øst", "Østre", "å",
        "rør", "rørlegger", "12b", "12", "e", "post", "epost", "postkasse", "kakerlakk", "ÅSE", "se"};
    private static final String[] SEPARATORS = {" ", " ", "-", ", ", ".", "/"};
    private static final List<String> TYPED = List.of("e-post", "E-POST", "e-p", "post-e", "e.post.kasse", "12-b",
            "12b", "rør-legger", "rørlegger", "å-se", "øst-å", "Østre", "lekk", "lekkasje-bad", "bad-lekkasje",
            "se-se", "e", "ÆRLIG", "kakerlakk", "ingenting-her", "x-lekkasje");

    private static Connection connection;
    private static Database database;

    @BeforeAll
    static void stories() throws SQLException {
        Postgres cluster = Postgres.cluster();
        String url = cluster.newDatabase();
        connection = cluster.connect(url.substring(url.lastIndexOf('/') + 1), Postgres.USER);
        database = Database.open(Postgres.server(url), Duration.ofSeconds(10));
        Random random = new Random(20261207);
        try (PreparedStatement inquiry = connection.prepareStatement("INSERT INTO inquiry (title, description,"
                + " status, priority, source, created_at, updated_at) VALUES (?, ?, 'todo', 'normal', 'email', now(),"
                + " now()) RETURNING id");
                PreparedStatement comment = connection.prepareStatement("INSERT INTO comment (inquiry_id, kind,"
                        + " author, body, created_at) VALUES (?, 'incoming', 'kari', ?, now())")) {
            for (int n = 0; n < 300; n++) {
                inquiry.setString(1, text(random));
                inquiry.setString(2, random.nextBoolean() ? "" : text(random));
                long id;
                try (ResultSet row = inquiry.executeQuery()) {
                    row.next();
                    id = row.getLong(1);
                }
                if (random.nextInt(3) == 0) {
                    comment.setLong(1, id);
                    comment.setString(2, text(random));
                    comment.executeUpdate();
                }
            }
        }
        execute("UPDATE inquiry SET status = 'done' WHERE id % 2 = 0");
        execute("UPDATE inquiry_search SET open = true"
                + " WHERE inquiry_id = (SELECT max(id) FROM inquiry WHERE id % 2 = 0)");
        execute("ANALYZE");
    }

    @AfterAll
    static void close() throws SQLException {
        if (database != null) {
            database.close();
        }
        if (connection != null) {
            connection.close();
        }
    }

    @Test
    void everySearchFindsAndCountsWhatMatchingEveryStoryFinds() throws SQLException {
        List<List<Status>> filters = List.of(List.of(), List.of(Status.DONE), List.of(Status.TODO, Status.IN_PROGRESS),
                List.of(Status.TODO, Status.DONE));
        Random random = new Random(7);
        List<String> disagreements = new ArrayList<>();
        int found = 0;
        for (String typed : TYPED) {
            for (List<String> words : List.of(List.of(typed), List.of(typed, TYPED.get(random.nextInt(TYPED.size()))),
                    List.of(WORDS[random.nextInt(WORDS.length)].toUpperCase(Locale.ROOT), typed))) {
                for (List<Status> statuses : filters) {
                    Set<Long> expected = matching(words, statuses);
                    found += expected.size();
                    String asked = words + " " + statuses;
                    InquiryMapper.Filter byRelevance = filter(words, statuses, "relevance");
                    InquiryMapper.Filter byId = filter(words, statuses, "id");
                    List<InquiryMapper.Ranked> ranked = database.read(tx -> tx.mapper(InquiryMapper.class)
                            .rank(byRelevance));
                    Set<Long> rankedIds = new TreeSet<>(ranked.stream().map(InquiryMapper.Ranked::id).toList());
                    Set<Long> listed = new TreeSet<>(database.read(tx -> tx.mapper(InquiryMapper.class).find(byId))
                            .stream().map(InquiryRow::id).toList());
                    long counted = database.read(tx -> tx.mapper(InquiryMapper.class).count(byId));
                    long total = ranked.isEmpty() ? 0 : ranked.get(0).total();
                    if (!rankedIds.equals(expected) || total != expected.size()) {
                        disagreements.add("rank " + asked + ": " + rankedIds + " of " + total + ", not " + expected);
                    }
                    if (!listed.equals(expected) || counted != expected.size()) {
                        disagreements.add("find " + asked + ": " + listed + " of " + counted + ", not " + expected);
                    }
                }
            }
        }
        assertThat(disagreements).isEmpty();
        assertThat(found).as("matches among all the searches: they are not all empty").isGreaterThan(1000);
    }

    /**
     * A page sorted by when the inquiries came (or by priority, here all alike) is found by walking the inquiries in
     * that order when a search matches many (InquiryMapper.xml, manyMatches: with a page of 10 of 300 stories, 55
     * matches or more), by reading every match otherwise: either way the page is the oldest (or newest) matches.
     */
    @Test
    void aSortedPageIsTheSameWhetherTheInquiriesAreWalkedOrTheMatchesRead() throws SQLException {
        List<String> disagreements = new ArrayList<>();
        int many = 0;
        int few = 0;
        for (String typed : TYPED) {
            for (List<Status> statuses : List.of(List.<Status>of(), List.of(Status.DONE), List.of(Status.TODO))) {
                List<Long> expected = new ArrayList<>(matching(List.of(typed), statuses));
                if (expected.size() * expected.size() >= 10 * 300) {
                    many++;
                } else if (!expected.isEmpty()) {
                    few++;
                }
                for (String sort : List.of("created", "priority")) {
                    for (boolean descending : List.of(false, true)) {
                        List<Long> wanted = new ArrayList<>(expected);
                        if (descending && sort.equals("created")) {
                            Collections.reverse(wanted);
                        }
                        wanted = wanted.subList(0, Math.min(10, wanted.size()));
                        InquiryMapper.Filter page = new InquiryMapper.Filter(statuses, null, false, null, null, null,
                                null, List.of(InquiryMapper.SearchTerm.prefix(typed)), sort, descending, 10, 1000,
                                null);
                        List<Long> listed = database.read(tx -> tx.mapper(InquiryMapper.class).find(page))
                                .stream().map(InquiryRow::id).toList();
                        if (!listed.equals(wanted)) {
                            disagreements.add(typed + " " + statuses + " by " + (descending ? "-" : "") + sort + ": "
                                    + listed + ", not " + wanted);
                        }
                    }
                }
            }
        }
        assertThat(disagreements).isEmpty();
        assertThat(many).as("searches that walk the inquiries").isGreaterThan(3);
        assertThat(few).as("searches that read their few matches").isGreaterThan(3);
    }

    @Test
    void theStoriesOnlyFullTextIndexIsTheOpenOnes() throws SQLException {
        List<String> indexes = new ArrayList<>();
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT indexdef FROM pg_indexes"
                        + " WHERE tablename = 'inquiry_search' AND indexdef LIKE '%USING gin%'")) {
            while (rows.next()) {
                indexes.add(rows.getString(1));
            }
        }
        // A new inquiry is open: the import puts its words into this index only, none into an index of every story.
        assertThat(indexes).singleElement().asString().endsWith("WHERE open");
    }

    @Test
    void aPhrasesWordsAreItsQuerysWordsAsKeyRanges() throws SQLException {
        assertThat(keys("E-post")).containsExactly("e exactly", "post as a beginning");
        assertThat(keys("12b.Å")).containsExactly("12b exactly", "å as a beginning");
        assertThat(keys("lekk")).containsExactly("lekk as a beginning");
        assertThat(keys("*")).isEmpty();
    }

    private static InquiryMapper.Filter filter(List<String> words, List<Status> statuses, String sort) {
        return new InquiryMapper.Filter(statuses, null, false, null, null, null, null,
                words.stream().map(InquiryMapper.SearchTerm::prefix).toList(), sort, false, 1000, 1000, null);
    }

    /** The inquiries whose story matches every word, of these statuses (any when none), read from every story. */
    private static Set<Long> matching(List<String> words, List<Status> statuses) throws SQLException {
        Set<Long> ids = new TreeSet<>();
        try (PreparedStatement query = connection.prepareStatement("SELECT s.inquiry_id FROM inquiry_search s"
                + " JOIN inquiry i ON i.id = s.inquiry_id"
                + " WHERE (SELECT bool_and(s.story @@ search_prefix(w)) FROM unnest(?) AS w)"
                + " AND (cardinality(?) = 0 OR i.status = ANY (?))")) {
            Array typed = connection.createArrayOf("text", words.toArray());
            Array wanted = connection.createArrayOf("text", statuses.stream().map(Status::cli).toArray());
            query.setArray(1, typed);
            query.setArray(2, wanted);
            query.setArray(3, wanted);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    ids.add(rows.getLong(1));
                }
            }
        }
        return ids;
    }

    private static List<String> keys(String typed) throws SQLException {
        List<String> keys = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement("SELECT low, high = low || chr(1),"
                + " high = low || chr(1114111) FROM search_keys(?)")) {
            query.setString(1, typed);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    keys.add(rows.getString(1) + (rows.getBoolean(2) ? " exactly" : "")
                            + (rows.getBoolean(3) ? " as a beginning" : ""));
                }
            }
        }
        return keys;
    }

    private static String text(Random random) {
        StringBuilder text = new StringBuilder();
        for (int i = random.nextInt(7); i >= 0; i--) {
            text.append(WORDS[random.nextInt(WORDS.length)]).append(SEPARATORS[random.nextInt(SEPARATORS.length)]);
        }
        return text.toString();
    }

    private static void execute(String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
