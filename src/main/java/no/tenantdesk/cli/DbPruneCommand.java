package no.tenantdesk.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import no.tenantdesk.render.Formats;
import no.tenantdesk.service.RetentionService;
import no.tenantdesk.service.RetentionService.Pruned;
import no.tenantdesk.store.DatabaseAddress;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "prune", description = {
    "Remove the raw bytes of mails and the bytes of files of inquiries done longer ago than",
    "the config's retention: says (raw-mail: 3 years, files: 3 years). Nothing is removed",
    "unless the config sets a time. The inquiry, its comments and events and the records of",
    "its mails and files stay (a file keeps its name and size, and says when and why its",
    "bytes went), and an event on the inquiry says what was removed. A content that a",
    "newer inquiry still uses stays. Each batch of inquiries is one transaction: a run cut",
    "off leaves each inquiry pruned or untouched, and the next run goes on. --dry-run says",
    "what would go and how many bytes, and changes nothing. A SQLite file keeps its size",
    "and reuses the freed space; see the README to give it back to the disk."},
        footerHeading = "%nExamples:%n",
        footer = {
            "  tenantdesk db prune --dry-run",
            "  # cron, every Sunday at 03:15:",
            "  15 3 * * 0 tenantdesk -q db prune",
        })
final class DbPruneCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    private final App app;

    @Option(names = "--dry-run", description = "Say what would be removed, and remove nothing.")
    private boolean dryRun;

    DbPruneCommand(App app) {
        this.app = app;
    }

    @Override
    public Integer call() {
        Output output = app.output(spec);
        RetentionService.Policy policy = app.retentionPolicy();
        ProgressLine progress = ProgressLine.rows(app, spec.commandLine().getErr(),
                dryRun ? "looking at " : "pruning ");
        Pruned pruned;
        try {
            pruned = app.retention().prune(policy, app.actor(), dryRun,
                    sum -> progress.step("inquiries", sum.inquiries(), 0));
        } finally {
            progress.clear();
        }
        if (output.json()) {
            output.json(pruned);
            return ExitCodes.OK;
        }
        if (policy.keepsAll()) {
            output.note("Nothing to prune: the config's retention: sets no time (such as raw-mail: 3 years, files: 5"
                    + " years), so everything is kept.");
            return ExitCodes.OK;
        }
        output.done((dryRun ? "Would remove" : "Removed") + " from "
                + Formats.count(pruned.inquiries(), "inquiry") + " (" + String.join(", ", which(output, pruned))
                + "): the raw bytes of " + Formats.count(pruned.mails(), "mail") + " and the bytes of "
                + Formats.count(pruned.files(), "file") + ", " + Formats.size(pruned.storedBytes())
                + "; " + Formats.size(pruned.freedBytes()) + (dryRun ? " would be" : "") + " freed.");
        if (!dryRun && pruned.freedBytes() > 0 && app.databaseAddress() instanceof DatabaseAddress.SqliteFile) {
            output.note("The database file keeps its size and reuses the space for new data; to shrink it, see"
                    + " \"Retention\" in the README (VACUUM while nothing else writes).");
        }
        return ExitCodes.OK;
    }

    private static List<String> which(Output output, Pruned pruned) {
        List<String> which = new ArrayList<>();
        if (pruned.mailsDoneBefore() != null) {
            which.add("raw mail of those done before " + output.formats().date(pruned.mailsDoneBefore()));
        }
        if (pruned.filesDoneBefore() != null) {
            which.add("files of those done before " + output.formats().date(pruned.filesDoneBefore()));
        }
        return which;
    }
}
