package no.tenantdesk.cli;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import no.tenantdesk.domain.InvalidInputException;
import no.tenantdesk.render.Formats;
import no.tenantdesk.service.BackupService.Backup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "backup", description = {
    "Write a consistent copy of the database to a new FILE while others go on reading and",
    "writing (fetch-mail from cron, operators): a SQLite file is copied page by page from",
    "one snapshot (SQLite's online backup), which a copy of the file with cp is not: the",
    "newest commits sit in its -wal file. The copy is then opened and its rows counted: each",
    "table must hold what the database held at that snapshot (db restore reads every page",
    "of a backup before it puts it in place). On PostgreSQL, pg_dump writes the copy (its",
    "custom format, for pg_restore) when it is installed; else this says how to run it. FILE",
    "must not exist; the copy is made under a hidden name beside it and renamed when",
    "checked, readable by you alone."},
        footerHeading = "%nExamples:%n",
        footer = {
            "  tenantdesk db backup ~/backup/tenantdesk-$(date +%%F).db",
            "  # cron, daily at 02:30, keeping the newest 14:",
            "  30 2 * * * tenantdesk -q db backup ~/backup/tenantdesk-$(date +\\%%F).db"
                    + " && ls -1t ~/backup/tenantdesk-*.db | tail -n +15 | xargs -r rm --",
        })
final class DbBackupCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    private final App app;

    @Parameters(index = "0", paramLabel = "FILE", description = "The new file to write the copy to.")
    private Path file;

    DbBackupCommand(App app) {
        this.app = app;
    }

    @Override
    public Integer call() {
        if (file.equals(Environment.STANDARD_STREAM)) {
            throw new InvalidInputException("db backup: give a file name; a backup is not written to stdout");
        }
        Output output = app.output(spec);
        ProgressLine progress = ProgressLine.bytes(app, spec.commandLine().getErr());
        Backup backup;
        try {
            backup = app.backups().backup(file, progress);
        } finally {
            progress.clear();
        }
        if (output.json()) {
            output.json(backup);
            return ExitCodes.OK;
        }
        double seconds = Math.max(backup.took().toMillis(), 1) / 1000.0;
        output.done("Backed up " + backup.from() + " to " + backup.file() + ": " + Formats.size(backup.bytes())
                + " in " + String.format(Locale.ROOT, "%.1f s", seconds)
                + (backup.tables() == null ? "" : ", " + Formats.count(backup.tables().getOrDefault("inquiry", 0L),
                        "inquiry") + ", " + Formats.count(backup.tables().getOrDefault("mail_message", 0L), "mail")
                        + ", " + Formats.count(backup.tables().getOrDefault("attachment", 0L), "file")) + ".");
        output.done("Checked: " + backup.check() + ".");
        return ExitCodes.OK;
    }
}
