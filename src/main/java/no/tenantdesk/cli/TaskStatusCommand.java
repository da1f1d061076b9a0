package no.tenantdesk.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import no.tenantdesk.domain.Status;
import no.tenantdesk.service.TaskService.StatusChange;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "status", description = {
    "Move a task; finish it with a note and the documentation (photos, reports) attached.",
    "The note and files show on the inquiry too."},
        footerHeading = "%nExamples:%n",
        footer = {
            "  tenantdesk task status 4 in-progress",
            "  tenantdesk task status 4 done --note 'Skiftet pakning.' --attach etter.jpg",
        })
final class TaskStatusCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    private final App app;

    @Parameters(index = "0", paramLabel = "TID", description = "The task's number.")
    private long id;

    @Parameters(index = "1", paramLabel = "STATUS", completionCandidates = Spellings.Statuses.class,
            description = Spellings.STATUSES + ".")
    private Status status;

    @Option(names = "--note", paramLabel = "TEXT", description = "What was done: the completion note.")
    private String note;

    @Option(names = "--attach", paramLabel = "FILE", description = "Documentation to keep with it (repeatable).")
    private List<Path> attachments = new ArrayList<>();

    TaskStatusCommand(App app) {
        this.app = app;
    }

    @Override
    public Integer call() {
        StatusChange change = app.tasks().changeStatus(id, status, note, attachments, app.actor());
        Output output = app.output(spec);
        if (output.json()) {
            output.json(change.task());
        } else if (change.changed()) {
            output.done("Task " + id + ": " + change.from().cli() + " → " + status.cli());
        } else {
            output.done("Task " + id + " is already " + status.cli());
        }
        return ExitCodes.OK;
    }
}
