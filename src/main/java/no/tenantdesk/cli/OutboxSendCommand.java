package no.tenantdesk.cli;

import java.util.List;
import java.util.concurrent.Callable;
import no.tenantdesk.domain.OutboxMessage;
import no.tenantdesk.domain.OutboxState;
import no.tenantdesk.render.Formats;
import no.tenantdesk.render.TerminalText;
import no.tenantdesk.service.OutboxService.Attempt;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "send", description = {
    "Send the queued mail whose time has come; what the server does not take waits longer each time (1 min,"
        + " 5 min, 15 min, 1 h, 3 h, 6 h, 12 h) and is then marked failed, with a note on its inquiry.",
    "Silent unless something was not sent (exit 4), for cron; fetch-mail also sends at the end of every run. On a"
        + " terminal it also says what waits, and until when.",
    "--now sends everything queued at once, whatever its wait (after the mail server was fixed), like postqueue -f."},
        footerHeading = "%nExamples:%n",
        footer = {
            "  tenantdesk outbox send",
            "  tenantdesk outbox send --now",
            "  tenantdesk outbox send --json",
        })
final class OutboxSendCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--now", description = "Try every queued message now, however long it was to wait.")
    private boolean now;

    private final App app;

    OutboxSendCommand(App app) {
        this.app = app;
    }

    @Override
    public Integer call() {
        List<Attempt> attempts = now ? app.outbox().sendAllNow() : app.outbox().sendDue();
        Output output = app.output(spec);
        if (output.json()) {
            output.json(attempts);
        }
        long sent = attempts.stream().filter(Attempt::sent).count();
        if (!output.json() && (app.environment().terminal() || app.options().verbose)) {
            output.done("Sent " + sent + " of " + attempts.size() + (attempts.size() == 1 ? " message" : " messages"));
        }
        for (Attempt attempt : attempts) {
            if (!attempt.sent()) {
                spec.commandLine().getErr().println("tenantdesk: outbox " + attempt.message().id() + " to "
                        + attempt.message().recipient() + " not sent: " + TerminalText.line(attempt.error())
                        + (attempt.message().state() == OutboxState.FAILED ? " (marked failed)" : " (will retry)"));
            }
        }
        if (!output.json() && app.environment().terminal()) {
            Formats formats = output.formats();
            for (OutboxMessage waiting : app.outbox().waiting()) {
                output.note("Outbox " + waiting.id() + " to " + waiting.recipient() + " waits until "
                        + formats.time(waiting.nextAttemptAt()) + " (" + formats.age(waiting.nextAttemptAt()) + "; "
                        + waiting.attempts() + (waiting.attempts() == 1 ? " try" : " tries")
                        + (waiting.lastError() == null ? "" : ", last: " + TerminalText.line(waiting.lastError()))
                        + "); --now sends it at once.");
            }
        }
        return sent == attempts.size() ? ExitCodes.OK : ExitCodes.PARTIAL;
    }
}
