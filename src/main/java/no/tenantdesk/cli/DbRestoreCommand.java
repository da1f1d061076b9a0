package no.tenantdesk.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import no.tenantdesk.domain.InvalidInputException;
import no.tenantdesk.render.Formats;
import no.tenantdesk.service.BackupService.Restored;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "restore", description = {
    "Put a backup (db backup FILE) in the place of the database (a SQLite file). The backup",
    "is copied, brought up to this version's schema and checked before anything is",
    "replaced: a file that is not a tenantdesk database, or a newer version's, changes",
    "nothing. A database that holds data is replaced only with --force, and kept beside it",
    "as FILE.replaced-DATE. Waits for no fetch-mail: while one runs, it says so (exit 75).",
    "On PostgreSQL, restore a pg_dump file with pg_restore."},
        footerHeading = "%nExamples:%n",
        footer = {
            "  tenantdesk db restore ~/backup/tenantdesk-2026-12-01.db",
            "  tenantdesk db restore --force ~/backup/tenantdesk-2026-12-01.db",
        })
final class DbRestoreCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    private final App app;

    @Parameters(index = "0", paramLabel = "FILE", description = "The backup to restore.")
    private Path file;

    @Option(names = "--force", description = "Replace a database that holds data (it is kept beside it).")
    private boolean force;

    DbRestoreCommand(App app) {
        this.app = app;
    }

    @Override
    public Integer call() {
        if (file.equals(Environment.STANDARD_STREAM)) {
            throw new InvalidInputException("db restore: give a file name; a backup is not read from stdin");
        }
        Output output = app.output(spec);
        Restored restored = app.backups().restore(file, force, app.environment().clock().instant());
        if (output.json()) {
            output.json(restored);
            return ExitCodes.OK;
        }
        output.done("Restored " + file + " into " + restored.database() + ": "
                + Formats.count(restored.tables().getOrDefault("inquiry", 0L), "inquiry") + ", "
                + Formats.count(restored.tables().getOrDefault("mail_message", 0L), "mail") + ", "
                + Formats.count(restored.tables().getOrDefault("attachment", 0L), "file") + ".");
        if (restored.replaced() != null) {
            output.done("The database it replaced is kept as " + restored.replaced() + ".");
        }
        return ExitCodes.OK;
    }
}
