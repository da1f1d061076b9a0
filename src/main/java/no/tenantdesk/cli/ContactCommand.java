package no.tenantdesk.cli;

import picocli.CommandLine.Command;

@Command(name = "contact", description = "Tenants, staff and contractors.",
        subcommands = {ContactAddCommand.class, ContactListCommand.class, ContactShowCommand.class,
            ContactUpdateCommand.class, ContactExportCommand.class, ContactForgetCommand.class},
        footerHeading = "%nExamples:%n",
        footer = {
            "  tenantdesk contact list --role contractor",
            "  tenantdesk contact show kari",
            "  tenantdesk contact export kari@leietaker.example -o ~/innsyn/kari",
            "  tenantdesk contact forget kari@leietaker.example",
        })
final class ContactCommand extends GroupCommand {}
