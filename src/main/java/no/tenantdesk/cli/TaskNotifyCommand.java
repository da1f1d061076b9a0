package no.tenantdesk.cli;

import java.util.concurrent.Callable;
import no.tenantdesk.domain.OutboxState;
import no.tenantdesk.render.TerminalText;
import no.tenantdesk.service.TaskNoticeService.Noticed;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "notify", description = {
    "E-mail a task to its assignee (a contractor who works from e-mail): the place, the description and the"
        + " inquiry's photos, with [task #TID] in the subject.",
    "Their answer, with its photos, lands on the task as a comment. Queued like a reply: exit 4 when the server"
        + " did not take it yet."},
        footerHeading = "%nExamples:%n",
        footer = {
            "  tenantdesk task notify 5",
            "  tenantdesk task create 12 --title 'Tett lekkasje' --assignee 'Rørlegger Hansen' --notify",
        })
final class TaskNotifyCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    private final App app;

    @Parameters(paramLabel = "TID", description = "The task's number.")
    private long taskId;

    TaskNotifyCommand(App app) {
        this.app = app;
    }

    @Override
    public Integer call() {
        return send(app, spec, taskId);
    }

    /** Also the last step of `task create --notify`. */
    static int send(App app, CommandSpec spec, long taskId) {
        Noticed noticed = app.taskNotices().notify(taskId, app.actor());
        Output output = app.output(spec);
        boolean sent = noticed.attempt() != null && noticed.attempt().sent();
        if (sent) {
            if (!output.json()) {
                output.done("Sent task " + taskId + " to " + noticed.recipient());
            }
            return ExitCodes.OK;
        }
        boolean failed = noticed.attempt() != null && noticed.attempt().message().state() == OutboxState.FAILED;
        spec.commandLine().getErr().println("tenantdesk: task " + taskId + " queued for " + noticed.recipient()
                + " but not sent: " + TerminalText.line(noticed.attempt() == null ? "another sender has it"
                : noticed.attempt().error()) + (failed ? " (marked failed)" : " (tenantdesk outbox send tries again)"));
        return ExitCodes.PARTIAL;
    }
}
