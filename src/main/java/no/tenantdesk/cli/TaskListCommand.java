package no.tenantdesk.cli;

import java.util.List;
import java.util.concurrent.Callable;
import no.tenantdesk.domain.Status;
import no.tenantdesk.domain.Task;
import no.tenantdesk.domain.TaskKind;
import no.tenantdesk.render.Formats;
import no.tenantdesk.render.Palette;
import no.tenantdesk.render.Table;
import no.tenantdesk.service.TaskService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "list", description = "List tasks and deviations: open ones first, then the soonest due.",
        footerHeading = "%nExamples:%n",
        footer = {
            "  tenantdesk task list --assignee 'Rørlegger Hansen' --status todo",
            "  tenantdesk task list --inquiry 12 --kind deviation",
        })
final class TaskListCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    private final App app;

    @Option(names = "--inquiry", paramLabel = "ID", description = "Only this inquiry's.")
    private Long inquiryId;

    @Option(names = "--assignee", paramLabel = "WHO", description = "Only those assigned to WHO.")
    private String assignee;

    @Option(names = "--status", paramLabel = "STATUS", completionCandidates = Spellings.Statuses.class,
            description = Spellings.STATUSES + ".")
    private Status status;

    @Option(names = "--kind", paramLabel = "KIND", completionCandidates = Spellings.Kinds.class,
            description = Spellings.KINDS + ".")
    private TaskKind kind;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "50",
            description = "At most N (default ${DEFAULT-VALUE}).")
    private int limit;

    TaskListCommand(App app) {
        this.app = app;
    }

    @Override
    public Integer call() {
        TaskService.Page page = app.tasks().list(new TaskService.Query(inquiryId, assignee, status, kind, limit));
        List<Task> tasks = page.tasks();
        Output output = app.output(spec);
        output.cut(tasks.size(), page.total());
        if (output.json()) {
            output.json(tasks);
            return ExitCodes.OK;
        }
        if (tasks.isEmpty()) {
            output.note("No tasks.");
            return ExitCodes.OK;
        }
        Table table = new Table().column("ID").column("INQUIRY").column("KIND").column("STATUS").column("PRIORITY")
                .flexible("TITLE", 16).flexible("ASSIGNEE", 8).column("DUE").column("FILES");
        Palette palette = output.palette();
        Formats formats = output.formats();
        for (Task t : tasks) {
            boolean open = t.status() != Status.DONE;
            table.row(t.id(), t.inquiryId(), t.kind().cli(), palette.status(t.status()), palette.priority(t.priority()),
                    t.title(), Formats.name(t.assignee()),
                    palette.due(formats.dueDate(t.due(), open),
                            t.due() == null || !open ? null : formats.left(t.due())),
                    t.attachments().size());
        }
        output.table(table);
        return ExitCodes.OK;
    }
}
