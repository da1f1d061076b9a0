package no.tenantdesk.cli;

import java.util.List;
import java.util.concurrent.Callable;
import no.tenantdesk.domain.MailMessage;
import no.tenantdesk.render.Formats;
import no.tenantdesk.render.Table;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "list", description = "List quarantined messages, oldest first, with the error that stopped each.",
        footerHeading = "%nExamples:%n",
        footer = {
            "  tenantdesk quarantine list",
            "  tenantdesk quarantine list --json | jq '.[].reason'",
        })
final class QuarantineListCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    private final App app;

    QuarantineListCommand(App app) {
        this.app = app;
    }

    @Override
    public Integer call() {
        List<MailMessage> messages = app.quarantine().list();
        Output output = app.output(spec);
        if (output.json()) {
            output.json(messages);
            return ExitCodes.OK;
        }
        if (messages.isEmpty()) {
            output.note("No quarantined messages.");
            return ExitCodes.OK;
        }
        Formats formats = output.formats();
        Table table = new Table().column("ID").column("FETCHED").flexible("FROM", 10).flexible("SUBJECT", 10)
                .flexible("ERROR", 20);
        for (MailMessage m : messages) {
            table.row(m.id(), formats.time(m.createdAt()), Formats.orDash(m.sender()),
                    Formats.orDash(m.subject().isEmpty() ? null : m.subject()), m.reason());
        }
        output.table(table);
        return ExitCodes.OK;
    }
}
