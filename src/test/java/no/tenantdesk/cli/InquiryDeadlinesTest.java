package no.tenantdesk.cli;

import static no.tenantdesk.testing.CommandResultAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import no.tenantdesk.testing.Cli;
import no.tenantdesk.testing.CommandResult;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Deadlines through the commands: counted on creation in the office's hours, recounted on a new priority, met by
 * done, restarted by a reopening, listed by --overdue and --sort due, shown as DUE, recorded as events once passed.
 * The default office: Monday to Friday 08–16 in Oslo. 1 December 2026 is a Tuesday; 09:00 in Oslo is 08:00Z.
 */
class InquiryDeadlinesTest {

    @TempDir
    Path folder;

    Cli cli;

    @BeforeEach
    void setUp() {
        cli = new Cli(folder).at("2026-12-01T08:00:00Z");
    }

    private JsonNode sla(long id) {
        return cli.run("inquiry", "show", String.valueOf(id), "--json").json().get("sla");
    }

    @Test
    void aNewInquiryGetsBothDeadlinesInWorkingHours() {
        long id = cli.create("inquiry", "create", "--title", "Lekkasje");

        JsonNode sla = sla(id);
        // normal: 1 working day (8 h) to answer, 5 to be done.
        assertThat(sla.get("respondBy").asText()).isEqualTo("2026-12-02T08:00:00Z");
        assertThat(sla.get("resolveBy").asText()).isEqualTo("2026-12-08T08:00:00Z");
        assertThat(sla.get("respondedAt").isNull()).isTrue();
        assertThat(sla.get("breached")).isEmpty();
    }

    @Test
    void aNewPriorityCountsTheDeadlinesAgainFromWhenTheInquiryCame() {
        long id = cli.create("inquiry", "create", "--title", "Lekkasje");
        cli.at("2026-12-01T08:30:00Z");

        assertThat(cli.run("inquiry", "update", String.valueOf(id), "--priority", "urgent")).succeeded();

        JsonNode sla = sla(id);
        assertThat(sla.get("respondBy").asText()).isEqualTo("2026-12-01T09:00:00Z");
        assertThat(sla.get("resolveBy").asText()).isEqualTo("2026-12-01T12:00:00Z");
    }

    @Test
    void doneMeetsTheResolutionAndAReopeningStartsANewClock() {
        long id = cli.create("inquiry", "create", "--title", "Lekkasje", "--priority", "urgent");
        cli.at("2026-12-01T14:00:00Z"); // 15:00 in Oslo: two hours late
        cli.run("status", String.valueOf(id), "done");
        assertThat(sla(id).get("breached")).extracting(JsonNode::asText).containsExactly("respond", "resolve");

        cli.at("2026-12-03T10:00:00Z");
        cli.run("status", String.valueOf(id), "todo");

        // 4 working hours from Thursday 11:00 in Oslo.
        assertThat(sla(id).get("resolveBy").asText()).isEqualTo("2026-12-03T14:00:00Z");
        assertThat(sla(id).get("breached")).extracting(JsonNode::asText).containsExactly("respond");
    }

    @Test
    void overdueListsThoseWithADeadlinePassedAndDueSortsByTheNearestDeadline() {
        long normal = cli.create("inquiry", "create", "--title", "Normal");
        long urgent = cli.create("inquiry", "create", "--title", "Urgent", "--priority", "urgent");
        long low = cli.create("inquiry", "create", "--title", "Low", "--priority", "low");
        long done = cli.create("inquiry", "create", "--title", "Done", "--priority", "urgent");
        cli.run("status", String.valueOf(done), "done");
        cli.at("2026-12-01T12:00:00Z");

        assertThat(titles("--overdue")).containsExactly("Urgent");
        assertThat(titles("--sort", "due")).containsExactly("Urgent", "Normal", "Low");
        assertThat(titles("--sort", "-due", "--status", "all")).containsExactly("Low", "Normal", "Urgent", "Done");
        assertThat(normal).isLessThan(low);
        assertThat(urgent).isGreaterThan(normal);
    }

    @Test
    void theDueColumnSaysTheTimeLeftOrLateInNorwegian() {
        cli.create("inquiry", "create", "--title", "Normal");
        cli.create("inquiry", "create", "--title", "Urgent", "--priority", "urgent");
        cli.at("2026-12-01T12:00:00Z");

        CommandResult result = cli.run("inquiry", "list");

        assertThat(result).succeeded().printed("DUE");
        assertThat(line(result, "Urgent")).contains("3 t over");
        assertThat(line(result, "Normal")).contains("om 20 t");
        assertThat(result.out()).doesNotContain("\u001b[");
    }

    @Test
    void aPassedDeadlineIsRecordedOnceAsAnEvent() {
        long id = cli.create("inquiry", "create", "--title", "Urgent", "--priority", "urgent");
        cli.at("2026-12-01T10:00:00Z");
        cli.run("inquiry", "list");
        cli.run("inquiry", "list");
        cli.at("2026-12-01T13:00:00Z");
        cli.run("inquiry", "list");

        JsonNode events = cli.run("inquiry", "show", String.valueOf(id), "--json").json().get("events");
        List<String> deadlines = new ArrayList<>();
        events.forEach(e -> {
            if (e.get("field").asText().equals("deadline")) {
                deadlines.add(e.get("to").asText() + " " + e.get("createdAt").asText());
            }
        });
        assertThat(deadlines).containsExactly("respond missed 2026-12-01T10:00:00Z",
                "resolve missed 2026-12-01T13:00:00Z");
    }

    @Test
    void aTaskPastItsDueDateSaysHowLateTheSameWay() {
        long id = cli.create("inquiry", "create", "--title", "Lekkasje");
        cli.run("task", "create", String.valueOf(id), "--title", "Tett taket", "--due", "2026-11-28");
        cli.run("task", "create", String.valueOf(id), "--title", "Mal taket", "--due", "2026-12-10");

        CommandResult result = cli.run("task", "list");

        assertThat(line(result, "Tett taket")).contains("2026-11-28 (3 d over)");
        assertThat(line(result, "Mal taket")).contains("2026-12-10").doesNotContain("over");
    }

    @Test
    void theConfigsHoursAndTargetsCount() throws Exception {
        config("""
                sla:
                  hours: 24/7
                  normal: {respond: 30m, resolve: 2d}
                """);
        long id = cli.create("inquiry", "create", "--title", "Lekkasje");

        assertThat(sla(id).get("respondBy").asText()).isEqualTo("2026-12-01T08:30:00Z");
        assertThat(sla(id).get("resolveBy").asText()).isEqualTo("2026-12-03T08:00:00Z");
    }

    @Test
    void aBadSlaConfigIsAOneLineUsageError() throws Exception {
        config("""
                sla:
                  hours: {time-zone: Europe/Oslo, days: mon-fri, from: "16:00", to: "08:00"}
                """);

        CommandResult result = cli.run("inquiry", "list");

        assertThat(result).failedWith(2, "sla: hours: the office hours end (08:00) before they begin (16:00)");
        assertThat(result.err().strip().lines()).hasSize(1);
    }

    private void config(String yaml) throws Exception {
        Path file = folder.resolve("config/tenantdesk/tenantdesk.yaml");
        Files.createDirectories(file.getParent());
        Files.writeString(file, yaml);
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

    private static String line(CommandResult result, String title) {
        return result.out().lines().filter(l -> l.contains(title)).findFirst().orElseThrow();
    }
}
