package no.tenantdesk.cli;

import picocli.CommandLine.Command;

@Command(
        name = "inquiry",
        description = "Create, list, read and change inquiries.",
        subcommands = {
            InquiryCreateCommand.class,
            InquiryListCommand.class,
            InquiryShowCommand.class,
            InquiryUpdateCommand.class,
            InquiryMergeCommand.class,
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  tenantdesk inquiry list",
            "  tenantdesk inquiry show 12",
        })
final class InquiryCommand extends GroupCommand {}
