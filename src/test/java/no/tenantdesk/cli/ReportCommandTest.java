package no.tenantdesk.cli;

import static no.tenantdesk.testing.CommandResultAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import no.tenantdesk.testing.Cli;
import no.tenantdesk.testing.CommandResult;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two months of a desk, in numbers. */
class ReportCommandTest {

    @TempDir
    Path folder;

    Cli cli;

    @BeforeEach
    void setUp() {
        // Replies are stored and queued; no server takes them here, which a report does not need.
        cli = new Cli(folder).env("TZ", "UTC").env("TENANTDESK_SMTP_URL", "smtp://127.0.0.1:9")
                .env("TENANTDESK_MAIL_FROM", "Drift <drift@eiendom.example>");
        cli.run("contact", "add", "--name", "Kari", "--email", "kari@leietaker.example");
        cli.at("2026-10-05T08:00:00Z").create("inquiry", "create", "--title", "Lekkasje", "--tenant", "Kari",
                "--priority", "high");
        cli.at("2026-10-05T10:00:00Z").run("reply", "1", "-m", "Vi kommer i dag.");
        cli.at("2026-10-07T08:00:00Z").run("status", "1", "done");
        cli.at("2026-11-10T08:00:00Z").create("inquiry", "create", "--title", "Støy", "--tenant", "Kari");
        cli.at("2026-11-20T08:00:00Z").create("inquiry", "create", "--title", "Heis", "--tenant", "Kari");
        cli.at("2026-11-20T12:00:00Z").run("reply", "3", "-m", "Heisfirmaet er varslet.");
        cli.at("2026-12-01T08:00:00Z").run("status", "3", "done");
        cli.at("2026-12-06T08:00:00Z");
    }

    @Test
    void byMonthCountsOpenedClosedAndOpenAtEachMonthsEndWithTimesToReplyAndDone() {
        JsonNode report = cli.run("report", "--from", "2026-10-01", "--to", "2026-11-30", "--json").json();

        assertThat(report.get("by").asText()).isEqualTo("month");
        JsonNode october = report.get("lines").get(0);
        assertThat(october.get("group").asText()).isEqualTo("2026-10");
        assertThat(october.get("opened").asLong()).isEqualTo(1);
        assertThat(october.get("closed").asLong()).isEqualTo(1);
        assertThat(october.get("openAtEnd").asLong()).isZero();
        assertThat(october.get("firstResponseMedian").asLong()).isEqualTo(2 * 3600);
        assertThat(october.get("resolutionMedian").asLong()).isEqualTo(2 * 86400);
        JsonNode november = report.get("lines").get(1);
        assertThat(november.get("opened").asLong()).isEqualTo(2);
        assertThat(november.get("closed").asLong()).isZero();
        assertThat(november.get("openAtEnd").asLong()).isEqualTo(2);
        assertThat(november.get("firstResponseMedian").asLong()).isEqualTo(4 * 3600);
        assertThat(november.get("resolutionMedian").isNull()).isTrue();
    }

    @Test
    void byPriorityCountsEachInquiryInItsOwnGroup() {
        JsonNode lines = cli.run("report", "--from", "2026-10-01", "--to", "2026-12-31", "--by", "priority", "--json")
                .json().get("lines");

        assertThat(lines).extracting(l -> l.get("group").asText() + " " + l.get("opened") + "/" + l.get("closed")
                + "/" + l.get("openAtEnd")).containsExactly("high 1/1/0", "normal 2/1/1");
    }

    @Test
    void aMergedInquiryCountsWithTheOneItWentInto() {
        cli.run("inquiry", "merge", "2", "--into", "3");

        JsonNode lines = cli.run("report", "--from", "2026-11-01", "--to", "2026-11-30", "--json").json().get("lines");
        assertThat(lines.get(0).get("opened").asLong()).isEqualTo(1);
    }

    @Test
    void csvIsForASpreadsheet() {
        CommandResult result = cli.run("report", "--from", "2026-10-01", "--to", "2026-10-31", "--by", "source",
                "--csv");

        assertThat(result).succeeded();
        assertThat(result.out()).isEqualTo("source,opened,closed,openAtEnd,firstResponseMedianSeconds,"
                + "firstResponseP90Seconds,resolutionMedianSeconds,resolutionP90Seconds,respondMissed,resolveMissed\r\n"
                + "phone,1,1,0,7200,7200,172800,172800,0,0\r\n");
    }

    @Test
    void deadlinesMissedCountInTheGroupOfTheDayTheyPassedUnmet() {
        // Office hours in Oslo: "Støy" (normal, never answered) missed its reply on 11 November and its resolution on
        // the 17th; "Heis" (answered the same day) was done on 1 December, after its resolution's 27 November.
        JsonNode byMonth = cli.run("report", "--from", "2026-10-01", "--to", "2026-11-30", "--json").json();
        assertThat(byMonth.get("lines")).extracting(l -> l.get("group").asText() + " " + l.get("respondMissed")
                + "/" + l.get("resolveMissed")).containsExactly("2026-10 0/0", "2026-11 1/2");
        JsonNode byPriority = cli.run("report", "--from", "2026-10-01", "--to", "2026-12-31", "--by", "priority",
                "--json").json();
        assertThat(byPriority.get("lines")).extracting(l -> l.get("group").asText() + " "
                + l.get("respondMissed") + "/" + l.get("resolveMissed")).containsExactly("high 0/0", "normal 1/2");
        // Not yet passed is not missed: a new inquiry's deadlines lie ahead of the report's today.
        cli.at("2026-12-07T09:00:00Z").create("inquiry", "create", "--title", "Dør", "--tenant", "Kari");
        JsonNode december = cli.run("report", "--from", "2026-12-01", "--to", "2026-12-31", "--json").json();
        assertThat(december.get("lines").get(0).get("respondMissed").asLong()).isZero();
        assertThat(cli.terminal(true).run("report", "--from", "2026-11-01", "--to", "2026-11-30")).succeeded()
                .printed("REPLY MISSED", "DONE MISSED");
    }

    @Test
    void onATerminalEachCountHasABar() {
        CommandResult result = cli.terminal(true).run("report", "--from", "2026-10-01", "--to", "2026-11-30");

        assertThat(result).succeeded().printed("MONTH", "OPENED", "2026-10", "2026-11", "2h 0m", "2d 0h",
                "█".repeat(20));
    }

    @Test
    void anUnknownGroupingOrAPeriodBackwardsIsAOneLineError() {
        assertThat(cli.run("report", "--by", "weekday")).exitedWith(2).saidOnStderr("weekday");
        assertThat(cli.run("report", "--csv", "--json"))
                .failedWith(2, "--csv and --json are two forms of the report; give one");
        assertThat(cli.run("report", "--from", "2026-12-01", "--to", "2026-11-01"))
                .failedWith(2, "--from 2026-12-01 is after --to 2026-11-01");
    }

    @Test
    void aReportsDaysGoBackFromTodayAndAWrongOneSaysTheFormsItTakes() {
        JsonNode weeks = cli.run("report", "--from", "-4w", "--to", "yesterday", "--json").json();
        assertThat(weeks.get("from").asText()).isEqualTo("2026-11-08");
        assertThat(weeks.get("to").asText()).isEqualTo("2026-12-05");
        assertThat(cli.run("report", "--from", "-30d", "--json").json().get("from").asText()).isEqualTo("2026-11-06");

        String forms = "is not a date (give 2026-12-01, today, yesterday, -30d or -4w)";
        assertThat(cli.run("report", "--from", "+3d")).failedWith(2, "--from': '+3d' " + forms);
        assertThat(cli.run("report", "--to", "tomorrow")).failedWith(2, "--to': 'tomorrow' " + forms);
        assertThat(cli.run("task", "create", "1", "--title", "x", "--due", "-3d"))
                .failedWith(2, "'-3d' is not a date (give 2026-12-01, today, tomorrow, +3d or +2w)");
    }
}
