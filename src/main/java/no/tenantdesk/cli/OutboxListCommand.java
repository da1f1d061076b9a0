package no.tenantdesk.cli;

import java.util.List;
import java.util.concurrent.Callable;
import no.tenantdesk.domain.OutboxMessage;
import no.tenantdesk.render.Formats;
import no.tenantdesk.render.Table;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "list", description = "List mail not yet sent (queued or failed), newest first.",
        footerHeading = "%nExamples:%n",
        footer = {
            "  tenantdesk outbox list",
            "  tenantdesk outbox list --all --json",
        })
final class OutboxListCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    private final App app;

    @Option(names = "--all", description = "Sent mail too.")
    private boolean all;

    OutboxListCommand(App app) {
        this.app = app;
    }

    @Override
    public Integer call() {
        List<OutboxMessage> messages = app.outbox().list(all);
        Output output = app.output(spec);
        if (output.json()) {
            output.json(messages);
            return ExitCodes.OK;
        }
        if (messages.isEmpty()) {
            output.note(all ? "The outbox is empty." : "Nothing waiting to be sent.");
            return ExitCodes.OK;
        }
        Formats formats = output.formats();
        Table table = new Table().column("ID").column("STATE").column("KIND").column("INQUIRY").flexible("TO", 10)
                .column("TRIES").column("NEXT").flexible("LAST ERROR", 20);
        for (OutboxMessage m : messages) {
            table.row(m.id(), output.palette().outbox(m.state()), m.kind().cli(),
                    m.inquiryId() == null ? "-" : "#" + m.inquiryId(), m.recipient(),
                    m.attempts(),
                    m.nextAttemptAt() == null ? "-" : formats.time(m.nextAttemptAt()), Formats.orDash(m.lastError()));
        }
        output.table(table);
        return ExitCodes.OK;
    }
}
