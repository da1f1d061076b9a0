package no.tenantdesk.cli;

import picocli.CommandLine.Command;

@Command(
        name = "org",
        description = "Tenant organizations: the companies that rent premises, known by their mail domains. A mail"
                + " from an unknown address at an organization's domain is from a new contact of it; free-mail"
                + " domains (gmail.com, online.no …) are never an organization's.",
        subcommands = {OrgAddCommand.class, OrgListCommand.class, OrgShowCommand.class, OrgUpdateCommand.class},
        footerHeading = "%nExamples:%n",
        footer = {
            "  tenantdesk org add 'Kafé Solsiden AS' --domain solsiden.no --location 'Bygg A/1. etasje/Butikk 101'",
            "  tenantdesk org list",
        })
final class OrgCommand extends GroupCommand {}
