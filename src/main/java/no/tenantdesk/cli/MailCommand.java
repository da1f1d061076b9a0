package no.tenantdesk.cli;

import picocli.CommandLine.Command;

@Command(name = OwnProcess.MAIL,
        description = "The mailboxes' logins: sign in to Microsoft 365 or Google Workspace by OAuth 2.0.",
        subcommands = {MailLoginCommand.class},
        footerHeading = "%nExamples:%n",
        footer = {
            "  tenantdesk mail login drift",
        })
final class MailCommand extends GroupCommand {}
