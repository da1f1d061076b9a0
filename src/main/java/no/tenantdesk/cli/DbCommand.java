package no.tenantdesk.cli;

import picocli.CommandLine.Command;

@Command(name = "db",
        description = "The database itself: what it is and holds, backing it up and restoring it, removing what is"
                + " kept longer than the retention setting says, and moving it to another one.",
        subcommands = {DbInfoCommand.class, DbBackupCommand.class, DbRestoreCommand.class, DbPruneCommand.class,
            DbCopyCommand.class},
        footerHeading = "%nExamples:%n",
        footer = {
            "  tenantdesk db info",
            "  tenantdesk db backup ~/backup/tenantdesk-$(date +%%F).db",
            "  tenantdesk db prune --dry-run",
            "  tenantdesk db copy --to postgresql://kari@db.eiendom.example/tenantdesk",
        })
final class DbCommand extends GroupCommand {}
