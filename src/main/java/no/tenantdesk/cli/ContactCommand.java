package no.tenantdesk.cli;

import picocli.CommandLine.Command;

@Command(name = "contact", description = "Tenants, staff and contractors.",
        subcommands = {ContactAddCommand.class, ContactListCommand.class, ContactShowCommand.class,
            ContactUpdateCommand.class},
        footerHeading = "%nExamples:%n",
        footer = {
            "  tenantdesk contact list --role contractor",
            "  tenantdesk contact show kari",
        })
final class ContactCommand extends GroupCommand {}
