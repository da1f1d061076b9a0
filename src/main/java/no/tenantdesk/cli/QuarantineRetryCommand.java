package no.tenantdesk.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import no.tenantdesk.domain.InvalidInputException;
import no.tenantdesk.domain.MailMessage;
import no.tenantdesk.domain.TenantdeskException;
import no.tenantdesk.render.TerminalText;
import no.tenantdesk.service.MessageResult;
import no.tenantdesk.service.QuarantineService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "retry", description = {
    "File quarantined messages again, as fetch-mail would have: after a fix, or once the cause is gone.",
    "One that fails again stays quarantined with its new error (exit 4)."},
        footerHeading = "%nExamples:%n",
        footer = {
            "  tenantdesk quarantine retry 17",
            "  tenantdesk quarantine retry --all --json",
        })
final class QuarantineRetryCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    private final App app;

    @Parameters(paramLabel = "QID", arity = "0..*", description = "Quarantined messages, as quarantine list shows.")
    private List<Long> ids = new ArrayList<>();

    @Option(names = "--all", description = "Every quarantined message.")
    private boolean all;

    QuarantineRetryCommand(App app) {
        this.app = app;
    }

    @Override
    public Integer call() {
        QuarantineService quarantine = app.quarantine();
        if (all == !ids.isEmpty()) {
            throw new InvalidInputException("give the ids of quarantined messages, or --all");
        }
        List<Long> wanted = all ? quarantine.list().stream().map(MailMessage::id).toList() : ids;
        Output output = app.output(spec);
        List<MessageResult> results = new ArrayList<>();
        int failed = 0;
        for (long id : wanted) {
            try {
                MessageResult result = quarantine.retry(id);
                results.add(result);
                if (!output.json()) {
                    output.done("Message " + id + ": " + describe(result));
                }
            } catch (TenantdeskException e) {
                if (!all && wanted.size() == 1) {
                    throw e;
                }
                failed++;
                spec.commandLine().getErr().println("tenantdesk: " + TerminalText.line(e.getMessage()));
            }
        }
        if (output.json()) {
            output.json(results);
        } else if (wanted.isEmpty()) {
            output.note("No quarantined messages.");
        }
        return failed > 0 ? ExitCodes.PARTIAL : ExitCodes.OK;
    }

    private static String describe(MessageResult result) {
        return switch (result.outcome()) {
            case CREATED -> "new inquiry " + result.inquiryId();
            case THREADED -> "added to inquiry " + result.inquiryId() + " (" + result.matchedBy().cli() + ")";
            case SKIPPED -> "skipped (" + result.reason() + ")";
            case QUARANTINED -> "still quarantined: " + result.reason();
        };
    }
}
