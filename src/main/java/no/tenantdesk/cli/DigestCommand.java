package no.tenantdesk.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import no.tenantdesk.domain.OutboxState;
import no.tenantdesk.render.TerminalText;
import no.tenantdesk.service.DigestService.Message;
import no.tenantdesk.service.DigestService.Run;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "digest", description = {
    "The morning digest, for cron: each staff member and contractor with open tasks gets one e-mail listing them,"
            + " late first, with the place, the due date and the inquiry's [#ID] and title; each operator in the"
            + " config's digest: operators: gets the inquiries late or due today.",
    "Nobody with nothing open gets anything. Sent through the outbox, marked as automatic (Auto-Submitted:"
            + " auto-generated), so that auto-replies do not come back as inquiries. The words are the config's"
            + " digest: templates, Norwegian by default.",
    "Each recipient gets one digest a day: a second run on the same day sends only what the first did not"
            + " (--force sends again). A person without an e-mail address is named in one line and skipped."},
        footerHeading = "%nExamples:%n",
        footer = {
            "  tenantdesk digest --dry-run",
            "  # cron, at 07:00 on working days:",
            "  0 7 * * 1-5 tenantdesk -q digest",
            "%nJSON output (--json):%n"
                    + "  {day, dryRun, messages[] {part: tasks|operator, fate: send|already-sent|no-address,%n"
                    + "  recipient {name, email}, subject, body, items[], late, outboxId, state}}; items are the"
                    + " tasks'%n  or the inquiries' numbers; state is queued, sent or failed, null when not queued.",
        })
final class DigestCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    private final App app;

    @Option(names = "--dry-run", description = "Print what would be sent (recipient, subject, text); store and send"
            + " nothing.")
    private boolean dryRun;

    @Option(names = "--force", description = "Send also to those who had today's digest already.")
    private boolean force;

    DigestCommand(App app) {
        this.app = app;
    }

    /** A message for scripts: the recipient as one value, the outbox's state rather than the whole attempt. */
    record JsonMessage(String part, String fate, Recipient recipient, String subject, String body, List<Long> items,
            int late, Long outboxId, String state) {}

    record Recipient(String name, String email) {}

    record JsonRun(String day, boolean dryRun, List<JsonMessage> messages) {}

    @Override
    public Integer call() {
        Run run = app.digests().run(dryRun, force);
        Output output = app.output(spec);
        boolean unsent = run.messages().stream().anyMatch(m -> m.outboxId() != null && !m.sent());
        if (output.json()) {
            output.json(new JsonRun(run.day().toString(), run.dryRun(), run.messages().stream().map(m ->
                    new JsonMessage(m.part(), m.fate(), new Recipient(m.name(), m.email()), m.subject(), m.body(),
                            m.items(), m.late(), m.outboxId(), state(m))).toList()));
            return unsent ? ExitCodes.PARTIAL : ExitCodes.OK;
        }
        String none = "no digest " + (dryRun ? "would be" : "was") + " sent.";
        String dueToNoOne = run.dueToNoOne() + (run.dueToNoOne() == 1 ? " inquiry" : " inquiries")
                + " late or due today";
        if (run.messages().isEmpty()) {
            // "No one has": a task no one is assigned is open, and goes in no one's digest.
            output.done(run.dueToNoOne() == 0 ? "No one has open tasks and nothing is due: " + none
                    : "No one has open tasks, and no operators are configured (digest: operators:) for the "
                            + dueToNoOne + ": " + none);
        } else if (run.dueToNoOne() > 0 && output.terminal()) {
            output.note("tenantdesk: the " + dueToNoOne + " go to no one: no operators are configured (digest:"
                    + " operators:)");
        }
        for (Message m : run.messages()) {
            say(output, m);
        }
        return unsent ? ExitCodes.PARTIAL : ExitCodes.OK;
    }

    /** What became of one message: sent, queued and not sent, already sent today, or no address to send to. */
    private void say(Output output, Message m) {
        String who = TerminalText.line(m.email() == null ? m.name() : m.email());
        int count = m.items().size();
        String what = count + (m.part().equals("tasks") ? (count == 1 ? " open task" : " open tasks")
                : (count == 1 ? " inquiry due" : " inquiries due")) + ", " + m.late() + " late";
        switch (m.fate()) {
            case "no-address" -> output.note("tenantdesk: " + TerminalText.line(m.name()) + " has " + what
                    + " but no e-mail address: no digest (tenantdesk contact update … --email)");
            case "already-sent" -> {
                if (output.terminal()) {
                    output.note(who + ": already sent today (" + what + "; --force sends again)");
                }
            }
            default -> {
                if (dryRun) {
                    printMessage(output, m);
                } else if (m.sent()) {
                    output.done("Sent the digest to " + who + " (" + what + ")");
                } else {
                    spec.commandLine().getErr().println("tenantdesk: the digest to " + who + " is queued but not sent: "
                            + TerminalText.line(m.attempt() == null ? "another sender has it" : m.attempt().error())
                            + (state(m).equals("failed") ? " (marked failed)"
                                    : " (tenantdesk outbox send tries again)"));
                }
            }
        }
    }

    private static void printMessage(Output output, Message m) {
        PrintWriter out = output.out();
        out.println("To: " + TerminalText.line(m.name().equals(m.email()) ? m.email()
                : m.name() + " <" + m.email() + ">"));
        out.println("Subject: " + TerminalText.line(m.subject()));
        out.println();
        m.body().lines().forEach(line -> out.println(TerminalText.line(line)));
        out.println();
    }

    private static String state(Message m) {
        if (m.outboxId() == null) {
            return null;
        }
        return m.attempt() == null ? "queued" : m.attempt().message().state() == OutboxState.FAILED ? "failed"
                : m.attempt().message().state().cli();
    }
}
