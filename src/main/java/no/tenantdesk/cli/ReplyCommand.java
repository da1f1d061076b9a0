package no.tenantdesk.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import no.tenantdesk.domain.OutboxState;
import no.tenantdesk.domain.Status;
import no.tenantdesk.render.TerminalText;
import no.tenantdesk.service.ReplyService.Replied;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "reply", description = {
    "Answer the tenant by e-mail: the text is kept as a reply comment and sent to the inquiry's requester, with"
        + " [#ID] in the subject and the tenant's latest mail as In-Reply-To, so their answer comes back here.",
    "Stored first, sent after: when the mail server is down the reply stays queued, exit 4, and `outbox send`"
        + " (or the next fetch-mail) tries again."},
        footerHeading = "%nExamples:%n",
        footer = {
            "  tenantdesk reply 12 -m 'Rørleggeren kommer i morgen kl. 8.'",
            "  tenantdesk reply 12 --file svar.txt --attach rapport.pdf --status done",
        })
final class ReplyCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    private final App app;

    @Parameters(paramLabel = "ID", description = "The inquiry's number.")
    private long id;

    @Option(names = {"-m", "--message"}, paramLabel = "TEXT",
            description = "The reply; - reads standard input. Without -m or --file, on a terminal:"
                    + " $VISUAL or $EDITOR.")
    private String message;

    @Option(names = "--file", paramLabel = "FILE", description = "Read the reply from a file (- for stdin).")
    private Path file;

    @Option(names = "--attach", paramLabel = "FILE", description = "A file to send with it (repeatable).")
    private List<Path> attachments = new ArrayList<>();

    @Option(names = "--status", paramLabel = "STATUS", completionCandidates = Spellings.Statuses.class,
            description = "Move the inquiry in the same step: " + Spellings.STATUSES + ".")
    private Status status;

    ReplyCommand(App app) {
        this.app = app;
    }

    @Override
    public Integer call() {
        String text = Editing.forInquiry(app, id, message, file,
                "# The reply to the tenant of inquiry " + id + ". It is sent by e-mail.\n");
        Replied replied = app.replies().reply(id, text, attachments, status, app.actor());
        Output output = app.output(spec);
        boolean sent = replied.attempt() != null && replied.attempt().sent();
        if (output.json()) {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("comment", replied.comment());
            json.put("outbox", replied.attempt() == null ? null : replied.attempt().message());
            json.put("sent", sent);
            output.json(json);
        } else if (sent) {
            output.done("Replied on inquiry " + id + ": sent to " + replied.attempt().message().recipient()
                    + (replied.statusFrom() == null ? "" : "; " + replied.statusFrom().cli() + " → " + status.cli()));
        }
        if (sent) {
            return ExitCodes.OK;
        }
        String error = replied.attempt() == null ? "another sender has it" : replied.attempt().error();
        boolean failed = replied.attempt() != null && replied.attempt().message().state() == OutboxState.FAILED;
        spec.commandLine().getErr().println("tenantdesk: reply stored on inquiry " + id + " but not sent: "
                + TerminalText.line(error) + (failed ? " (marked failed; see: tenantdesk outbox list)"
                : " (queued; tenantdesk outbox send tries again)"));
        return ExitCodes.PARTIAL;
    }
}
