package no.tenantdesk.cli;

import static no.tenantdesk.testing.Events.changes;
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

class TaskCommandTest {

    @TempDir
    Path folder;

    Cli cli;

    @BeforeEach
    void setUp() {
        cli = new Cli(folder).at("2026-11-27T08:00:00Z");
        cli.create("contact", "add", "--name", "Per Vaktmester", "--email", "per@drift.no", "--role", "staff");
        cli.create("contact", "add", "--name", "Rør AS", "--email", "post@ror.no", "--role", "contractor");
        cli.create("contact", "add", "--name", "Kari Nordmann", "--email", "kari@example.no");
        cli.create("location", "add", "Bygg A", "--responsible", "Per");
        cli.create("location", "add", "Bygg A/2. etasje/Kontor 204");
    }

    private String inquiry(String... options) {
        List<String> args = new ArrayList<>(List.of("inquiry", "create", "--title", "Lekkasje"));
        args.addAll(List.of(options));
        return String.valueOf(cli.create(args.toArray(String[]::new)));
    }

    private JsonNode task(String inquiry, String title, String... options) {
        List<String> args = new ArrayList<>(List.of("task", "create", inquiry, "--title", title, "--json"));
        args.addAll(List.of(options));
        CommandResult result = cli.run(args.toArray(String[]::new));
        assertThat(result).succeeded();
        return result.json();
    }

    @Test
    void withoutAssigneeATaskGoesToTheNearestResponsiblePersonAbove() {
        JsonNode task = task(inquiry("--location", "Kontor 204"), "Tett lekkasjen");

        assertThat(task.at("/assignee/name").asText()).isEqualTo("Per Vaktmester");
    }

    @Test
    void theLocationsOwnResponsiblePersonComesBeforeTheAreaAbove() {
        cli.run("location", "update", "Kontor 204", "--responsible", "Rør AS");

        JsonNode task = task(inquiry("--location", "Kontor 204"), "Tett lekkasjen");

        assertThat(task.at("/assignee/name").asText()).isEqualTo("Rør AS");
    }

    @Test
    void withoutLocationOrAssigneeATaskIsUnassigned() {
        JsonNode task = task(inquiry(), "Tett lekkasjen");

        assertThat(task.get("assignee").isNull()).isTrue();
    }

    @Test
    void aDeviationForAContractorTakesTheInquirysPriorityByDefault() {
        JsonNode task = task(inquiry("--priority", "high"), "Tett lekkasjen", "--kind", "deviation", "--assignee",
                "post@ror.no", "--due", "2026-12-01");

        assertThat(task.get("kind").asText()).isEqualTo("deviation");
        assertThat(task.get("status").asText()).isEqualTo("todo");
        assertThat(task.get("priority").asText()).isEqualTo("high");
        assertThat(task.at("/assignee/name").asText()).isEqualTo("Rør AS");
        assertThat(task.get("due").asText()).isEqualTo("2026-12-01");
    }

    @Test
    void aTenantCannotBeAssigned() {
        assertThat(cli.run("task", "create", inquiry(), "--title", "x", "--assignee", "kari"))
                .failedWith(2, "Kari Nordmann is a tenant; only staff and contractors can be assigned");
    }

    @Test
    void unknownKindIsAUsageErrorNamingTheValidKinds() {
        assertThat(cli.run("task", "create", inquiry(), "--title", "x", "--kind", "bug"))
                .failedWith(2, "unknown kind 'bug' (valid: task, deviation; or oppgave, avvik)");
    }

    @Test
    void aKindMayBeTypedInTheOfficesNorwegianAndIsShownInEnglish() {
        String id = inquiry();
        assertThat(cli.run("task", "create", id, "--title", "Sprekk i flis", "--kind", "Avvik", "--json").json()
                .get("kind").asText()).isEqualTo("deviation");
        cli.run("task", "create", id, "--title", "Skift pære", "--kind", "oppgave");

        assertThat(cli.run("task", "list", "--kind", "avvik", "--json").json()).singleElement()
                .satisfies(t -> assertThat(t.get("title").asText()).isEqualTo("Sprekk i flis"));
    }

    @Test
    void taskOnAnUnknownInquiryIsNotFound() {
        assertThat(cli.run("task", "create", "99", "--title", "x")).failedWith(3, "inquiry 99 not found");
    }

    @Test
    void unknownTaskIsNotFound() {
        assertThat(cli.run("task", "show", "42")).failedWith(3, "task 42 not found");
        assertThat(cli.run("task", "status", "42", "done")).failedWith(3, "task 42 not found");
    }

    @Test
    void creatingATaskIsRecordedOnTheInquiry() {
        String inquiry = inquiry();
        long task = task(inquiry, "Tett lekkasjen", "--kind", "deviation").get("id").asLong();

        JsonNode events = changes(cli.run("inquiry", "show", inquiry, "--json").json());
        assertThat(events).hasSize(1);
        assertThat(events.get(0).get("taskId").asLong()).isEqualTo(task);
        assertThat(events.get(0).get("field").asText()).isEqualTo("deviation");
        assertThat(events.get(0).get("to").asText()).isEqualTo("Tett lekkasjen");
    }

    @Test
    void finishingWithNoteAndFilesKeepsThemOnTheTaskAndTheInquiry() {
        String inquiry = inquiry();
        String task = task(inquiry, "Tett lekkasjen", "--assignee", "Rør AS").get("id").asText();
        Path photo = cli.file("etter.jpg", "photo after");
        Path report = cli.file("rapport.pdf", "%PDF report");
        cli.at("2026-11-28T12:00:00Z");

        assertThat(cli.run("task", "status", task, "done", "--note", "Byttet pakning", "--attach", photo.toString(),
                "--attach", report.toString())).succeeded().printed("Task " + task + ": todo → done");

        JsonNode shown = cli.run("task", "show", task, "--json").json();
        assertThat(shown.get("status").asText()).isEqualTo("done");
        assertThat(shown.get("closedAt").asText()).isEqualTo("2026-11-28T12:00:00Z");
        assertThat(shown.get("completionNote").asText()).isEqualTo("Byttet pakning");
        assertThat(shown.get("attachments")).extracting(a -> a.get("filename").asText())
                .containsExactly("etter.jpg", "rapport.pdf");

        JsonNode details = cli.run("inquiry", "show", inquiry, "--json").json();
        assertThat(details.at("/tasks/0/completionNote").asText()).isEqualTo("Byttet pakning");
        assertThat(details.at("/tasks/0/attachments")).hasSize(2);
        assertThat(details.get("attachments")).extracting(a -> a.get("taskId").asText())
                .containsExactly(task, task);
    }

    @Test
    void taskShowPrintsNoteAndFilesForPeople() {
        String task = task(inquiry(), "Tett lekkasjen", "--kind", "deviation").get("id").asText();
        cli.run("task", "status", task, "done", "--note", "Byttet pakning", "--attach",
                cli.file("etter.jpg", "photo").toString());

        assertThat(cli.run("task", "show", task)).succeeded().printed("Task " + task + " (deviation): Tett lekkasjen",
                "Completion note", "Byttet pakning", "etter.jpg", "image/jpeg");
    }

    @Test
    void theSameStatusAgainIsNoMove() {
        String task = task(inquiry(), "Tett lekkasjen").get("id").asText();

        assertThat(cli.run("task", "status", task, "todo")).succeeded().printed("already todo");
    }

    @Test
    void listFiltersByInquiryAssigneeStatusAndKind() {
        String first = inquiry();
        String second = inquiry();
        task(first, "A", "--assignee", "Per");
        String b = task(first, "B", "--assignee", "Rør AS", "--kind", "deviation").get("id").asText();
        task(second, "C", "--assignee", "Rør AS");
        cli.run("task", "status", b, "in-progress");

        assertThat(taskTitles("--inquiry", first)).containsExactlyInAnyOrder("A", "B");
        assertThat(taskTitles("--assignee", "post@ror.no")).containsExactlyInAnyOrder("B", "C");
        assertThat(taskTitles("--status", "in-progress")).containsExactly("B");
        assertThat(taskTitles("--kind", "deviation")).containsExactly("B");
        assertThat(taskTitles("--kind", "task", "--assignee", "Rør")).containsExactly("C");
    }

    @Test
    void listShowsOpenTasksFirstSoonestDueAndAPageAtATime() {
        String inquiry = inquiry();
        String done = task(inquiry, "Ferdig for lenge siden", "--due", "2026-01-05").get("id").asText();
        task(inquiry, "Uten frist");
        task(inquiry, "Om en uke", "--due", "2026-12-04");
        task(inquiry, "I morgen", "--due", "2026-11-28");
        cli.run("task", "status", done, "done");

        assertThat(taskTitles()).containsExactly("I morgen", "Om en uke", "Uten frist", "Ferdig for lenge siden");
        assertThat(taskTitles("--limit", "2")).containsExactly("I morgen", "Om en uke");
        assertThat(cli.run("task", "list", "--limit", "2")).succeeded().printed("I morgen")
                .saidOnStderr("Showing 2 of 4; use --limit to see more.");
        assertThat(cli.run("task", "list", "--limit", "0")).failedWith(2, "'0' is not a whole number from 1");
    }

    @Test
    void listGivesEachTaskItsOwnFiles() {
        String inquiry = inquiry();
        String first = task(inquiry, "Tett taket").get("id").asText();
        String second = task(inquiry, "Rens takrenna", "--kind", "deviation").get("id").asText();
        task(inquiry, "Sjekk loftet");
        cli.run("task", "status", first, "done", "--attach", cli.file("tak.jpg", "tak").toString());
        cli.run("task", "status", second, "done", "--attach", cli.file("renne1.jpg", "r1").toString(),
                "--attach", cli.file("renne2.jpg", "r2").toString());

        JsonNode all = cli.run("task", "list", "--json").json();
        JsonNode deviations = cli.run("task", "list", "--kind", "deviation", "--json").json();

        assertThat(all).extracting(t -> t.get("title").asText() + ":" + t.get("attachments").size())
                .containsExactlyInAnyOrder("Tett taket:1", "Rens takrenna:2", "Sjekk loftet:0");
        assertThat(deviations).extracting(t -> t.get("attachments").get(1).get("filename").asText())
                .containsExactly("renne2.jpg");
    }

    @Test
    void listAsATableShowsKindStatusAndAssignee() {
        task(inquiry(), "Bytt lyspære", "--assignee", "Per", "--kind", "deviation");

        assertThat(cli.run("task", "list")).succeeded().printed("KIND", "ASSIGNEE", "deviation", "todo",
                "Bytt lyspære", "Per Vaktmester");
    }

    private List<String> taskTitles(String... options) {
        List<String> args = new ArrayList<>(List.of("task", "list", "--json"));
        args.addAll(List.of(options));
        CommandResult result = cli.run(args.toArray(String[]::new));
        assertThat(result).succeeded();
        List<String> titles = new ArrayList<>();
        result.json().forEach(t -> titles.add(t.get("title").asText()));
        return titles;
    }
}
