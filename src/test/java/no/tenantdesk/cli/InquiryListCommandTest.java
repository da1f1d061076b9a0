package no.tenantdesk.cli;

import static no.tenantdesk.testing.CommandResultAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import no.tenantdesk.testing.Cli;
import no.tenantdesk.testing.CommandResult;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class InquiryListCommandTest {

    @TempDir
    Path folder;

    Cli cli;

    @BeforeEach
    void setUp() {
        cli = new Cli(folder);
    }

    /** An inquiry created at the given minute of the day, so that "oldest" has a meaning. */
    private long inquiry(String minute, String title, String... options) {
        cli.at("2026-11-27T08:" + minute + ":00Z");
        List<String> args = new ArrayList<>(List.of("inquiry", "create", "--title", title));
        args.addAll(List.of(options));
        return cli.create(args.toArray(String[]::new));
    }

    private List<String> titles(String... options) {
        List<String> args = new ArrayList<>(List.of("inquiry", "list", "--json"));
        args.addAll(List.of(options));
        CommandResult result = cli.run(args.toArray(String[]::new));
        assertThat(result).succeeded();
        List<String> titles = new ArrayList<>();
        result.json().forEach(i -> titles.add(i.get("title").asText()));
        return titles;
    }

    @Test
    void listsOpenInquiriesMostUrgentFirstThenOldest() {
        inquiry("00", "Normal old");
        inquiry("01", "Urgent older", "--priority", "urgent");
        inquiry("02", "Normal new");
        inquiry("03", "Urgent newer", "--priority", "urgent");
        long done = inquiry("04", "Finished", "--priority", "urgent");
        cli.run("status", String.valueOf(done), "done");
        inquiry("05", "Low", "--priority", "low");
        inquiry("06", "High", "--priority", "high");

        assertThat(titles()).containsExactly(
                "Urgent older", "Urgent newer", "High", "Normal old", "Normal new", "Low");
    }

    @Test
    void statusFilterSelectsTodoInProgressDoneOpenOrAll() {
        inquiry("00", "Todo");
        long started = inquiry("01", "Started");
        long done = inquiry("02", "Done");
        cli.run("status", String.valueOf(started), "in-progress");
        cli.run("status", String.valueOf(done), "done");

        assertThat(titles("--status", "todo")).containsExactly("Todo");
        assertThat(titles("--status", "in-progress")).containsExactly("Started");
        assertThat(titles("--status", "done")).containsExactly("Done");
        assertThat(titles("--status", "open")).containsExactly("Todo", "Started");
        assertThat(titles("--status", "all")).containsExactly("Todo", "Started", "Done");
    }

    @Test
    void unknownStatusIsAUsageErrorNamingTheValidOnes() {
        assertThat(cli.run("inquiry", "list", "--status", "closed"))
                .failedWith(2, "unknown status 'closed' (valid: todo, in-progress, done, open, all; or to-do,"
                        + " pågår, fullført)");
    }

    @Test
    void assigneeFilterFindsTheirsAndNoneFindsTheUnassigned() {
        cli.create("contact", "add", "--name", "Per Vaktmester", "--role", "staff");
        cli.create("contact", "add", "--name", "Lise Drift", "--role", "staff");
        inquiry("00", "Per's", "--assignee", "Per");
        inquiry("01", "Lise's", "--assignee", "Lise");
        inquiry("02", "Nobody's");

        assertThat(titles("--assignee", "per vaktmester")).containsExactly("Per's");
        assertThat(titles("--assignee", "none")).containsExactly("Nobody's");
    }

    @Test
    void tenantFilterFindsOnlyThatTenantsInquiries() {
        cli.create("contact", "add", "--name", "Kari Nordmann", "--email", "kari@example.no");
        inquiry("00", "From Kari", "--tenant", "kari@example.no");
        inquiry("01", "From a stranger", "--tenant", "ola@example.no");

        assertThat(titles("--tenant", "Kari")).containsExactly("From Kari");
        assertThat(titles("--tenant", "ola@example.no")).containsExactly("From a stranger");
    }

    @Test
    void locationFilterIncludesEverythingBelowIt() {
        cli.create("location", "add", "Bygg A/2. etasje/Kontor 204");
        cli.create("location", "add", "Bygg A/1. etasje");
        cli.create("location", "add", "Bygg B");
        inquiry("00", "In the office", "--location", "Kontor 204");
        inquiry("01", "On the first floor", "--location", "Bygg A/1. etasje");
        inquiry("02", "In the other building", "--location", "Bygg B");

        assertThat(titles("--location", "Bygg A")).containsExactly("In the office", "On the first floor");
        assertThat(titles("--location", "2. etasje")).containsExactly("In the office");
    }

    @Test
    void locationFilterLeavesOutPlacesWhoseNameOnlyBeginsTheSame() {
        // Neighbours of "bygg a/" in the index's order: '-' and '.' sort just below '/', '0' just above it.
        for (String place : List.of("Bygg A/Kjeller", "Bygg AB", "Bygg A-fløy", "Bygg A.2", "Bygg A0")) {
            cli.create("location", "add", place);
        }
        inquiry("00", "In the cellar", "--location", "Bygg A/Kjeller");
        inquiry("01", "In the building itself", "--location", "Bygg A");
        inquiry("02", "In AB", "--location", "Bygg AB");
        inquiry("03", "In the wing", "--location", "Bygg A-fløy");
        inquiry("04", "In A.2", "--location", "Bygg A.2");
        inquiry("05", "In A0", "--location", "Bygg A0");

        assertThat(titles("--location", "Bygg A")).containsExactly("In the cellar", "In the building itself");
        assertThat(titles("--location", "Bygg AB")).containsExactly("In AB");
    }

    @Test
    void locationFilterIgnoresCaseNorwegianLettersIncluded() {
        cli.create("location", "add", "Bygg Ø/Kjøkken");
        cli.create("location", "add", "Bygg Østre/Kjøkken");
        inquiry("00", "Drypp i Ø", "--location", "Bygg Ø/Kjøkken");
        inquiry("01", "Drypp i Østre", "--location", "Bygg Østre/Kjøkken");

        assertThat(titles("--location", "bygg ø")).containsExactly("Drypp i Ø");
        assertThat(titles("--location", "BYGG Ø/KJØKKEN")).containsExactly("Drypp i Ø");
        assertThat(titles("--location", "bYGG øSTRE")).containsExactly("Drypp i Østre");
    }

    @Test
    void priorityFilterKeepsOnlyThatPriority() {
        inquiry("00", "Calm", "--priority", "low");
        inquiry("01", "Fire", "--priority", "urgent");

        assertThat(titles("--priority", "urgent")).containsExactly("Fire");
    }

    @Test
    void searchLooksInTitleDescriptionCommentsAndFileNames() {
        inquiry("00", "Dripping tap");
        inquiry("01", "Noise", "--description", "The VENTILATION hums all night");
        long commented = inquiry("02", "Cold office");
        cli.run("comment", String.valueOf(commented), "-m", "Ventilation damper stuck");
        long photo = inquiry("03", "Photo only");
        cli.run("attachment", "add", String.valueOf(photo), cli.file("ventilation-grille.jpg", "jpeg").toString());
        inquiry("04", "Unrelated");

        assertThat(titles("--search", "tap")).containsExactly("Dripping tap");
        assertThat(titles("--search", "ventilation"))
                .containsExactlyInAnyOrder("Noise", "Cold office", "Photo only");
    }

    @Test
    void searchTreatsWildcardsAndQuerySyntaxAsPlainText() {
        inquiry("00", "100% broken");
        inquiry("01", "Broken lift");

        assertThat(titles("--search", "%")).isEmpty();
        assertThat(titles("--search", "_")).isEmpty();
        assertThat(titles("--search", "\"AND (")).isEmpty();
        assertThat(titles("--search", "100%")).containsExactly("100% broken");
    }

    @Test
    void searchFindsTheBeginningsOfWords() {
        inquiry("00", "Lekkasje fra taket");

        assertThat(titles("--search", "lekk")).containsExactly("Lekkasje fra taket");
    }

    @Test
    void searchListsTheBestMatchesFirstUnlessASortIsGiven() {
        for (int i = 0; i < 3; i++) {
            inquiry("0" + i, "Unrelated " + i);
        }
        long commented = inquiry("10", "Damp wall", "--priority", "urgent");
        cli.run("comment", String.valueOf(commented), "-m", "Maybe a leak?");
        inquiry("11", "Leak from the roof above the stairs on the second floor", "--priority", "low");

        assertThat(titles("--search", "leak"))
                .containsExactly("Leak from the roof above the stairs on the second floor", "Damp wall");
        assertThat(titles("--search", "leak", "--sort", "priority"))
                .containsExactly("Damp wall", "Leak from the roof above the stairs on the second floor");
        assertThat(titles("--search", "leak", "--sort", "-created"))
                .containsExactly("Leak from the roof above the stairs on the second floor", "Damp wall");
    }

    @Test
    void searchIgnoresTheCaseOfNorwegianLetters() {
        inquiry("00", "Ødelagt lås");

        assertThat(titles("--search", "ødelagt")).containsExactly("Ødelagt lås");
    }

    @Test
    void limitCutsTheListAndSaysSoOnStderr() {
        for (int i = 0; i < 5; i++) {
            inquiry("0" + i, "Inquiry " + i);
        }

        CommandResult result = cli.run("inquiry", "list", "--limit", "2");

        assertThat(result).succeeded().printed("Inquiry 0", "Inquiry 1").didNotPrint("Inquiry 2");
        assertThat(result.err()).contains("Showing 2 of 5");
        CommandResult json = cli.run("inquiry", "list", "--limit", "2", "--json");
        assertThat(json.json()).hasSize(2);
        assertThat(json.err()).contains("Showing 2 of 5");
    }

    @Test
    void aCutSearchSaysHowManyInquiriesMatchInAll() {
        inquiry("00", "Leak in the roof");
        inquiry("01", "Leak under the sink");
        long done = inquiry("02", "Leak in the roof again");
        cli.run("status", String.valueOf(done), "done");
        inquiry("03", "Roof tiles loose");

        // Open ones (counted as they are ranked), every one, the done ones, and every word required.
        assertThat(cli.run("inquiry", "list", "--search", "leak", "--limit", "1").err()).contains("Showing 1 of 2;");
        assertThat(cli.run("inquiry", "list", "--search", "leak", "--status", "all", "--limit", "1").err())
                .contains("Showing 1 of 3;");
        assertThat(cli.run("inquiry", "list", "--search", "leak", "--status", "done", "--limit", "1"))
                .succeeded().stderrIsEmpty();
        assertThat(cli.run("inquiry", "list", "--search", "roof leak", "--status", "all", "--limit", "1").err())
                .contains("Showing 1 of 2;");
        assertThat(cli.run("inquiry", "list", "--search", "roof leak", "--limit", "1").err())
                .doesNotContain("Showing");
        assertThat(cli.run("search", "roof", "--limit", "1").err()).contains("Showing 1 of 3");
    }

    @Test
    void noNoteWhenEverythingIsShown() {
        inquiry("00", "Only one");

        assertThat(cli.run("inquiry", "list", "--limit", "1")).succeeded().stderrIsEmpty();
    }

    /** One converter reads every number option, and says what it takes: picocli's own said "is not an int". */
    @ParameterizedTest
    @ValueSource(strings = {"0", "-1", "99999999999", "2147483648", "1e3", "abc", "", "５"})
    void aLimitThatIsNotAWholeNumberFromOneSaysWhatItTakes(String limit) {
        String takes = "'" + limit + "' is not a whole number from 1 to 2147483647";
        assertThat(cli.run("inquiry", "list", "--limit", limit)).failedWith(2, "--limit': " + takes);
        assertThat(cli.run("task", "list", "--limit", limit)).failedWith(2, "--limit': " + takes);
        assertThat(cli.run("search", "x", "--limit", limit)).failedWith(2, "--limit': " + takes);
        assertThat(cli.run("mail", "login", "x", "--port", limit)).failedWith(2, "--port': " + takes);
    }

    @Test
    void theLargestLimitIsTaken() {
        assertThat(cli.run("inquiry", "list", "--limit", "2147483647")).succeeded();
    }

    @Test
    void sortByAFieldAndReverseItWithAMinus() {
        inquiry("00", "Bravo");
        inquiry("01", "alpha");
        inquiry("02", "Charlie");

        assertThat(titles("--sort", "title")).containsExactly("alpha", "Bravo", "Charlie");
        assertThat(titles("--sort", "-title")).containsExactly("Charlie", "Bravo", "alpha");
        assertThat(titles("--sort", "created")).containsExactly("Bravo", "alpha", "Charlie");
        assertThat(titles("--sort", "-created")).containsExactly("Charlie", "alpha", "Bravo");
    }

    @Test
    void reversedPriorityListsTheLeastUrgentFirst() {
        inquiry("00", "Urgent", "--priority", "urgent");
        inquiry("01", "Low", "--priority", "low");

        assertThat(titles("--sort", "-priority")).containsExactly("Low", "Urgent");
    }

    @Test
    void unknownSortFieldIsAUsageError() {
        assertThat(cli.run("inquiry", "list", "--sort", "colour")).failedWith(2, "unknown field 'colour'");
    }

    @Test
    void tableShowsTheColumnsPeopleReadAndEmptyListSaysSoOnStderr() {
        CommandResult empty = cli.run("inquiry", "list");
        assertThat(empty).succeeded();
        assertThat(empty.out()).isEmpty();
        assertThat(empty.err()).contains("No open inquiries.");

        inquiry("00", "Lekkasje", "--priority", "high");
        CommandResult result = cli.run("inquiry", "list");

        assertThat(result).succeeded().printed("ID", "STATUS", "PRIORITY", "TITLE", "CREATED", "Lekkasje", "high",
                "todo", "just now");
    }

    @Test
    void jsonListIsOneArrayOfInquiriesWithTheContractFields() {
        inquiry("00", "Lekkasje");

        JsonNode list = cli.run("inquiry", "list", "--json").json();

        assertThat(list.isArray()).isTrue();
        assertThat(list.get(0).fieldNames()).toIterable().contains("id", "title", "description", "status",
                "priority", "source", "requester", "location", "assignee", "createdAt", "updatedAt", "closedAt");
        assertThat(list.get(0).get("createdAt").asText()).isEqualTo("2026-11-27T08:00:00Z");
    }
}
