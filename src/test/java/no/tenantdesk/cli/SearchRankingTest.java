package no.tenantdesk.cli;

import static no.tenantdesk.testing.CommandResultAssert.assertThat;
import static no.tenantdesk.testing.Sql.execute;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import no.tenantdesk.service.InquiryQueries;
import no.tenantdesk.testing.Cli;
import no.tenantdesk.testing.CommandResult;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A search that more inquiries match than a ranking weighs (InquiryQueries.RANKED) ranks the newest of them: an older
 * one is left out however well it matches, unless --limit asks for more, and the note under the list says so.
 */
class SearchRankingTest {

    private static final String AT = "'2026-01-05T08:00:00.000Z'";

    @TempDir
    Path folder;

    Cli cli;
    long oldBest;
    long newBest;
    long newest;

    @BeforeEach
    void manyInquiriesMentionTheWord() throws SQLException {
        cli = new Cli(folder);
        // The best match there is (the word is the whole title), and the oldest inquiry.
        oldBest = cli.create("inquiry", "create", "--title", "Lekkasje");
        // Then as many newer ones as a ranking weighs, each mentioning it once in a long description, and a corpus
        // of inquiries that do not mention it, written as an import would (the triggers index them all).
        execute(cli.database(), "WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n WHERE x < 3000)"
                + " INSERT INTO inquiry (title, description, status, priority, source, created_at, updated_at)"
                + " SELECT CASE WHEN x % 3 = 0 THEN 'Fuktig vegg ' || x ELSE 'Knust vindu ' || x END,"
                + " CASE WHEN x % 3 = 0 THEN 'Trolig en lekkasje fra badet i etasjen over, sjekk rør og sluk'"
                + " ELSE 'Ruten er knust, må byttes' END, 'todo', 'normal', 'phone', " + AT + ", " + AT + " FROM n");
        // Among the newest, one that matches as well as the oldest: it is ranked, and comes first.
        newBest = cli.create("inquiry", "create", "--title", "Lekkasje");
        newest = cli.create("inquiry", "create", "--title", "Fuktig tak", "--description",
                "Trolig en lekkasje fra badet i etasjen over, sjekk rør og sluk");
    }

    private List<Long> ids(String... args) {
        CommandResult result = cli.run(args);
        assertThat(result).succeeded();
        List<Long> ids = new ArrayList<>();
        result.json().forEach(hit -> ids.add(hit.get("id").asLong()));
        return ids;
    }

    @Test
    void onlyTheNewestMatchingInquiriesAreRanked() {
        assertThat(InquiryQueries.RANKED).isEqualTo(1_000); // the help says 1,000

        List<Long> found = ids("search", "--json", "lekkasje");

        // 1,003 match; the oldest is not among the 1,000 newest, however well it matches.
        assertThat(found).hasSize(20).doesNotContain(oldBest);
        assertThat(found.get(0)).isEqualTo(newBest);
        // The rest match equally well: the newest first.
        assertThat(found.get(1)).isEqualTo(newest);
        assertThat(found.subList(1, 20)).isSortedAccordingTo((a, b) -> Long.compare(b, a));
    }

    @Test
    void theNoteSaysThatOnlyTheNewestWereRanked() {
        CommandResult result = cli.run("search", "lekkasje");

        assertThat(result).succeeded().saidOnStderr("Showing 20 of 1003",
                "Ranked by relevance among the 1000 newest of the 1003");
        assertThat(cli.run("inquiry", "list", "--search", "lekkasje")).succeeded()
                .saidOnStderr("Ranked by relevance among the 1000 newest of the 1003");
    }

    @Test
    void aLimitAboveTheRankedOnesRanksThatMany() {
        List<Long> found = ids("search", "--json", "lekkasje", "--limit", "1003");

        // Every one ranked: the two best first, equally good, the newer first.
        assertThat(found).hasSize(1003);
        assertThat(found.subList(0, 2)).containsExactly(newBest, oldBest);
        assertThat(cli.run("search", "lekkasje", "--limit", "1003").err()).doesNotContain("Ranked");
    }

    @Test
    void aFilterRanksTheNewestOfTheInquiriesItKeeps() {
        cli.run("status", String.valueOf(newBest), "done");

        // Open ones: still more than 1,000; the oldest is open, and left out.
        assertThat(ids("search", "--json", "lekkasje", "--status", "open")).doesNotContain(oldBest, newBest)
                .startsWith(newest);
        // Done ones: one, ranked.
        assertThat(ids("search", "--json", "lekkasje", "--status", "done")).containsExactly(newBest);
        assertThat(ids("inquiry", "list", "--json", "--search", "lekkasje", "--status", "open", "--limit", "5"))
                .doesNotContain(oldBest).startsWith(newest);
    }

    @Test
    void anotherSortListsEveryMatchInItsOrder() {
        // Only a ranking by relevance is bounded: sorted by id, the oldest is first.
        assertThat(ids("inquiry", "list", "--json", "--status", "all", "--search", "lekkasje", "--sort", "id",
                "--limit", "1")).containsExactly(oldBest);
    }
}
