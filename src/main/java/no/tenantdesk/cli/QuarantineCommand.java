package no.tenantdesk.cli;

import picocli.CommandLine.Command;

@Command(name = "quarantine", description = "Messages fetch-mail could not read or store, kept with their error.",
        subcommands = {QuarantineListCommand.class, QuarantineRetryCommand.class},
        footerHeading = "%nExamples:%n",
        footer = {
            "  tenantdesk quarantine list",
            "  tenantdesk quarantine retry --all",
        })
final class QuarantineCommand extends GroupCommand {}
