package no.tenantdesk.cli;

import java.time.LocalDate;
import java.util.concurrent.Callable;
import no.tenantdesk.domain.Priority;
import no.tenantdesk.domain.Task;
import no.tenantdesk.domain.TaskKind;
import no.tenantdesk.render.Formats;
import no.tenantdesk.render.TerminalText;
import no.tenantdesk.service.TaskService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "create", description = {
    "Create a task or a deviation report (avvik) from an inquiry.",
    "Without --assignee it goes to the person responsible for the inquiry's location, or the nearest area above."},
        footerHeading = "%nExamples:%n",
        footer = {
            "  tenantdesk task create 12 --title 'Tett lekkasje' --kind deviation --due +3d",
            "  tenantdesk task create 12 --title 'Bytt pære' --assignee 'Per Vaktmester'",
        })
final class TaskCreateCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    private final App app;

    @Parameters(paramLabel = "ID", description = "The inquiry's number.")
    private long inquiryId;

    @Option(names = "--title", required = true, paramLabel = "TEXT")
    private String title;

    @Option(names = "--description", paramLabel = "TEXT")
    private String description;

    @Option(names = "--assignee", paramLabel = "WHO", description = "The staff member or contractor who does it.")
    private String assignee;

    @Option(names = "--due", paramLabel = "DATE",
            description = "When it must be done: 2026-12-01, today, tomorrow, +3d, +2w.")
    private LocalDate due;

    @Option(names = "--kind", paramLabel = "KIND", completionCandidates = Spellings.Kinds.class,
            description = Spellings.KINDS + "; default task.")
    private TaskKind kind;

    @Option(names = "--priority", paramLabel = "PRIORITY", completionCandidates = Spellings.Priorities.class,
            description = Spellings.PRIORITIES + "; default: the inquiry\'s.")
    private Priority priority;

    @Option(names = "--notify", description = "E-mail it to the assignee at once (see: task notify).")
    private boolean notify;

    TaskCreateCommand(App app) {
        this.app = app;
    }

    @Override
    public Integer call() {
        if (notify) {
            app.taskNotices().requireServer(); // before the task exists: one that cannot be sent is not made
        }
        Task task = app.tasks().create(
                new TaskService.NewTask(inquiryId, title, description, assignee, due, kind, priority), app.actor());
        Output output = app.output(spec);
        if (output.json()) {
            output.json(task);
        } else {
            output.done("Created " + task.kind().cli() + " " + task.id() + " on inquiry " + task.inquiryId() + ": "
                    + TerminalText.line(task.title()) + " → "
                    + (task.assignee() == null ? "unassigned" : TerminalText.line(Formats.name(task.assignee()))));
        }
        return notify ? TaskNotifyCommand.send(app, spec, task.id()) : ExitCodes.OK;
    }
}
