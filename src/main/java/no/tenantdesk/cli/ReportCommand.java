package no.tenantdesk.cli;

import java.time.LocalDate;
import java.util.concurrent.Callable;
import no.tenantdesk.domain.InvalidInputException;
import no.tenantdesk.domain.Report;
import no.tenantdesk.domain.ReportBy;
import no.tenantdesk.render.ReportText;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "report", description = {
    "How the desk did: inquiries opened, closed and open at the end, and the median and 90th percentile time to the"
            + " first reply and to done, and the deadlines missed, by month or by another field.",
    "By default the last twelve months, by month. Merged inquiries count with the one they went into."},
        footerHeading = "%nExamples:%n",
        footer = {
            "  tenantdesk report",
            "  tenantdesk report --from 2026-01-01 --to 2026-12-31 --by location",
            "  tenantdesk report --from -4w --by assignee",
            "  tenantdesk report --by assignee --csv > assignees.csv",
            "%nJSON output (--json):%n"
                    + "  {from, to, by, lines[] {group, opened, closed, openAtEnd, firstResponseMedian,%n"
                    + "  firstResponseP90, resolutionMedian, resolutionP90, respondMissed, resolveMissed}}; times in%n"
                    + "  seconds, null when none; a deadline is missed in the group of the day it passed unmet.",
        })
final class ReportCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    private final App app;

    @Option(names = "--from", paramLabel = "DATE", converter = Converters.ReportDay.class,
            description = "The first day: YYYY-MM-DD, today, yesterday, or days or weeks back (-30d, -4w).")
    private LocalDate from;

    @Option(names = "--to", paramLabel = "DATE", converter = Converters.ReportDay.class,
            description = "The last day, included, in the same forms (default: today).")
    private LocalDate to;

    @Option(names = "--by", paramLabel = "FIELD", completionCandidates = Spellings.ReportGroups.class,
            description = "month (default), location, organization, assignee, source or priority.")
    private ReportBy by = ReportBy.MONTH;

    @Option(names = "--csv", description = "Comma-separated values for a spreadsheet, times in seconds.")
    private boolean csv;

    ReportCommand(App app) {
        this.app = app;
    }

    @Override
    public Integer call() {
        Output output = app.output(spec);
        if (csv && output.json()) {
            throw new InvalidInputException("--csv and --json are two forms of the report; give one");
        }
        Report report = app.reports().report(from, to, by);
        if (output.json()) {
            output.json(report);
        } else if (csv) {
            ReportText.csv(output.out(), report);
            output.out().flush();
        } else {
            output.table(ReportText.table(report, output.terminal()));
        }
        return ExitCodes.OK;
    }
}
