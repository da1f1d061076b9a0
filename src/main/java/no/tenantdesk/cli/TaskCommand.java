package no.tenantdesk.cli;

import picocli.CommandLine.Command;

@Command(
        name = "task",
        description = "Tasks and deviation reports (avvik) made from an inquiry, for staff and contractors.",
        subcommands = {
            TaskCreateCommand.class,
            TaskListCommand.class,
            TaskShowCommand.class,
            TaskStatusCommand.class,
            TaskNotifyCommand.class,
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  tenantdesk task list --assignee 'Rørlegger Hansen'",
            "  tenantdesk task status 4 done --note 'Skiftet pakning.'",
        })
final class TaskCommand extends GroupCommand {}
