package no.tenantdesk.cli;

import picocli.CommandLine.Command;

@Command(
        name = "location",
        description = "The buildings as a tree of places (Bygg A/2. etasje/Kontor 204), each with the person"
                + " responsible for it.",
        subcommands = {LocationAddCommand.class, LocationListCommand.class, LocationUpdateCommand.class},
        footerHeading = "%nExamples:%n",
        footer = {
            "  tenantdesk location add 'Bygg A/2. etasje/Kontor 204'",
            "  tenantdesk location list",
        })
final class LocationCommand extends GroupCommand {}
