package no.tenantdesk.cli;

import java.util.concurrent.Callable;
import no.tenantdesk.render.Formats;
import no.tenantdesk.service.DatabaseService;
import no.tenantdesk.service.DatabaseService.Copied;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "copy", description = {
    "Copy the whole database into another one that holds nothing yet: a file into a",
    "PostgreSQL server, or a server's database into a file. Every inquiry, comment, event,",
    "task, contact, location, file, mail with its raw bytes, the outbox and the quarantine",
    "keep their ids, so [#12] in a tenant's old mail still threads. Then the rows of both",
    "are counted and every file is read on both sides and checked against its SHA-256.",
    "The copy is one transaction of the target: one that fails leaves it empty."},
        footerHeading = "%nExamples:%n",
        footer = {
            "  tenantdesk db copy --to postgresql://kari@db.eiendom.example/tenantdesk",
            "  tenantdesk --db postgresql://kari@db.eiendom.example/tenantdesk db copy --to kopi.db",
        })
final class DbCopyCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    private final App app;

    @Option(names = "--to", required = true, paramLabel = "URL|FILE",
            description = "The database to copy into: a postgresql:// URL (its password as for --db) or a file.")
    private String to;

    DbCopyCommand(App app) {
        this.app = app;
    }

    @Override
    public Integer call() {
        Output output = app.output(spec);
        ProgressLine progress = ProgressLine.rows(app, spec.commandLine().getErr(), "copying ");
        Copied copied = app.databases().copyTo(app.database(to, true), progress);
        progress.clear();
        if (output.json()) {
            output.json(copied);
            return ExitCodes.OK;
        }
        output.done("Copied " + copied.from() + " into " + copied.to() + ": " + Formats.count(
                copied.tables().getOrDefault("inquiry", 0L), "inquiry") + ", "
                + Formats.count(copied.tables().getOrDefault("comment", 0L), "comment") + ", "
                + Formats.count(copied.tables().getOrDefault("mail_message", 0L), "mail") + ", "
                + Formats.count(copied.files(), "file") + ".");
        output.done("Every table has as many rows on both sides, and every file its SHA-256 on both sides.");
        return ExitCodes.OK;
    }
}
