package no.tenantdesk.cli;

import picocli.CommandLine.Command;

@Command(name = "outbox",
        description = "Mail we send: replies and acknowledgements, queued until the server takes them.",
        subcommands = {OutboxListCommand.class, OutboxSendCommand.class},
        footerHeading = "%nExamples:%n",
        footer = {
            "  tenantdesk outbox list",
            "  tenantdesk outbox send",
        })
final class OutboxCommand extends GroupCommand {}
