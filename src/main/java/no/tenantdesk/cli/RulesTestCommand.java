package no.tenantdesk.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import no.tenantdesk.domain.InvalidInputException;
import no.tenantdesk.render.TerminalText;
import no.tenantdesk.service.RuleService;
import no.tenantdesk.triage.Rules;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "test", description = "What fetch-mail would make of a message: which rules match it and what they"
        + " would set, its organization and place. Changes nothing.",
        footerHeading = "%nExamples:%n",
        footer = {
            "  tenantdesk rules test alarm.eml",
            "  tenantdesk rules test - --json < message.eml",
        })
final class RulesTestCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    private final App app;

    @Parameters(paramLabel = "FILE", description = "The message as a .eml file; - reads standard input.")
    private Path file;

    RulesTestCommand(App app) {
        this.app = app;
    }

    @Override
    public Integer call() {
        RuleService.Verdict verdict;
        try (InputStream in = file == Environment.STANDARD_STREAM ? app.environment().stdin()
                : Files.newInputStream(file)) {
            verdict = app.rules().test(in, app.environment().clock().instant());
        } catch (NoSuchFileException e) {
            throw new InvalidInputException("no such file: " + file);
        } catch (IOException e) {
            throw new InvalidInputException("cannot read " + file + ": " + e.getMessage());
        }
        Output output = app.output(spec);
        if (output.json()) {
            output.json(verdict);
            return ExitCodes.OK;
        }
        var out = output.out();
        out.println(switch (verdict.outcome()) {
            case "created" -> "A new inquiry.";
            case "threaded" -> "An answer on inquiry " + verdict.inquiryId() + " (" + verdict.reason() + ").";
            default -> "Skipped (" + verdict.reason() + ").";
        });
        line(out, "Rules", verdict.rules().isEmpty() ? "none match" : String.join(", ", verdict.rules()));
        line(out, "Org", verdict.organization() == null ? "-" : verdict.organization().name());
        line(out, "Location", verdict.location() == null ? "-" : verdict.location().path() + " (from "
                + verdict.location().from().cli() + (verdict.location().matched() == null ? ""
                        : ": " + verdict.location().matched()) + ")");
        if (verdict.priority() != null) {
            line(out, "Priority", verdict.priority().cli() + " (rule '" + verdict.priorityBy() + "')");
        }
        if (verdict.assignee() != null) {
            line(out, "Assignee", verdict.assignee().name() + " (rule '" + verdict.assigneeBy() + "')");
        }
        for (Rules.TaskPlan task : verdict.tasks()) {
            line(out, "Task", task.title() + (task.assignee() == null ? ", to the place's responsible person"
                    : ", to " + task.assignee().name()) + " (rule '" + task.rule() + "')");
        }
        if (verdict.threadBySubject()) {
            line(out, "Threads", "by subject: a repeat joins the sender's open inquiry of the same title");
        }
        return ExitCodes.OK;
    }

    private static void line(java.io.PrintWriter out, String name, String value) {
        out.printf("  %-9s %s%n", name, TerminalText.line(value));
    }
}
