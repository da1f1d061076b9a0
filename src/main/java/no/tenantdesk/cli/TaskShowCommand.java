package no.tenantdesk.cli;

import java.util.concurrent.Callable;
import no.tenantdesk.domain.Task;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "show", description = "A task with its completion note and files.",
        footerHeading = "%nExamples:%n",
        footer = {
            "  tenantdesk task show 4",
        })
final class TaskShowCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    private final App app;

    @Parameters(paramLabel = "TID", description = "The task's number.")
    private long id;

    TaskShowCommand(App app) {
        this.app = app;
    }

    @Override
    public Integer call() {
        Task task = app.tasks().show(id);
        Output output = app.output(spec);
        if (output.json()) {
            output.json(task);
        } else {
            output.details().task(output.out(), task);
        }
        return ExitCodes.OK;
    }
}
