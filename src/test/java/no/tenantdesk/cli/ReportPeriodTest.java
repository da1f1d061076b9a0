package no.tenantdesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import no.tenantdesk.testing.Cli;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Which inquiries a report reads and what it groups them by: the edges of the period to the millisecond, an inquiry
 * done and reopened, and the groupings that take their name from another table (each read only when asked for).
 */
class ReportPeriodTest {

    @TempDir
    Path folder;

    Cli cli;

    @BeforeEach
    void setUp() {
        cli = new Cli(folder).env("TZ", "UTC");
        cli.run("contact", "add", "--name", "Kari", "--email", "kari@solsiden.no");
        cli.run("contact", "add", "--name", "Ola", "--email", "ola@privat.example");
        cli.run("contact", "add", "--name", "Per Vaktmester", "--role", "staff");
        cli.run("org", "add", "Solsiden", "--domain", "solsiden.no");
        cli.run("location", "add", "Bygg A/Kontor 204");
    }

    @Test
    void theEdgesOfThePeriodAreItsFirstInstantInAndTheNextDaysFirstOut() {
        // Done the last millisecond before November: not in it. Done at its first instant: closed in it.
        inquiry("2026-10-20T08:00:00Z", "Før");
        cli.at("2026-10-31T23:59:59.999Z").run("status", "1", "done");
        inquiry("2026-10-31T23:59:59.999Z", "Kanten");
        cli.at("2026-11-01T00:00:00Z").run("status", "2", "done");
        // Came at November's last millisecond: opened in it and open at its end. December's first instant: not.
        inquiry("2026-11-30T23:59:59.999Z", "Sist");
        inquiry("2026-12-01T00:00:00Z", "Etter");
        cli.at("2026-12-06T08:00:00Z");

        JsonNode november = cli.run("report", "--from", "2026-11-01", "--to", "2026-11-30", "--json").json()
                .get("lines");

        assertThat(november).hasSize(1);
        assertThat(counts(november.get(0))).isEqualTo("2026-11 1/1/1");
        assertThat(november.get(0).get("resolutionMedian").asLong()).isZero();
        JsonNode october = cli.run("report", "--from", "2026-10-01", "--to", "2026-10-31", "--json").json()
                .get("lines");
        assertThat(counts(october.get(0))).isEqualTo("2026-10 2/1/1");
    }

    @Test
    void anInquiryDoneAndReopenedIsOpenAsItIsNowAndClosedWhenItIsDoneAgain() {
        inquiry("2026-10-05T08:00:00Z", "Lekkasje");
        cli.at("2026-10-07T08:00:00Z").run("status", "1", "done");
        cli.at("2026-11-03T08:00:00Z").run("status", "1", "todo");
        cli.at("2026-12-06T08:00:00Z");

        // A report reads the inquiries as they are: the done of 7 October was taken back.
        JsonNode lines = cli.run("report", "--from", "2026-10-01", "--to", "2026-11-30", "--json").json()
                .get("lines");
        assertThat(lines).extracting(ReportPeriodTest::counts).containsExactly("2026-10 1/0/1", "2026-11 0/0/1");

        cli.at("2026-12-02T10:00:00Z").run("status", "1", "done");
        cli.at("2026-12-06T08:00:00Z");
        lines = cli.run("report", "--from", "2026-10-01", "--to", "2026-12-31", "--json").json().get("lines");
        assertThat(lines).extracting(ReportPeriodTest::counts)
                .containsExactly("2026-10 1/0/1", "2026-11 0/0/1", "2026-12 0/1/0");
    }

    @Test
    void locationOrganizationAndAssigneeGroupByNameWithNoneForTheInquiriesWithout() {
        cli.at("2026-11-02T08:00:00Z").create("inquiry", "create", "--title", "Lekkasje", "--tenant", "Kari",
                "--location", "Kontor 204", "--assignee", "Per Vaktmester");
        cli.at("2026-11-03T08:00:00Z").create("inquiry", "create", "--title", "Støy", "--tenant", "Ola");
        cli.at("2026-11-04T08:00:00Z").create("inquiry", "create", "--title", "Heis", "--tenant", "Kari");
        cli.at("2026-11-05T08:00:00Z").run("status", "3", "done");
        cli.at("2026-12-06T08:00:00Z");

        assertThat(groups("location")).containsExactly("(none) 2/1/1", "Bygg A/Kontor 204 1/0/1");
        assertThat(groups("organization")).containsExactly("(none) 1/0/1", "Solsiden 2/1/1");
        assertThat(groups("assignee")).containsExactly("(none) 2/1/1", "Per Vaktmester 1/0/1");
        assertThat(groups("source")).containsExactly("phone 3/1/2");
        assertThat(groups("priority")).containsExactly("normal 3/1/2");
    }

    private void inquiry(String at, String title) {
        cli.at(at).create("inquiry", "create", "--title", title, "--tenant", "Ola");
    }

    private List<String> groups(String by) {
        JsonNode lines = cli.run("report", "--from", "2026-11-01", "--to", "2026-11-30", "--by", by, "--json").json()
                .get("lines");
        List<String> groups = new ArrayList<>();
        lines.forEach(line -> groups.add(counts(line)));
        return groups;
    }

    /** "GROUP opened/closed/openAtEnd". */
    private static String counts(JsonNode line) {
        return line.get("group").asText() + " " + line.get("opened") + "/" + line.get("closed") + "/"
                + line.get("openAtEnd");
    }
}
