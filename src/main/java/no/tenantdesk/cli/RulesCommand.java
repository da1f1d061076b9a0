package no.tenantdesk.cli;

import picocli.CommandLine.Command;

@Command(
        name = "rules",
        description = "The config's rules (rules: in tenantdesk.yaml): checked in order for each new inquiry from"
                + " mail; they set priority, assignee and location, create a task, thread a machine's repeats by"
                + " subject, or skip.",
        subcommands = {RulesTestCommand.class},
        footerHeading = "%nExamples:%n",
        footer = {
            "  tenantdesk rules test alarm.eml",
            "  tenantdesk rules test - --json < message.eml",
        })
final class RulesCommand extends GroupCommand {}
