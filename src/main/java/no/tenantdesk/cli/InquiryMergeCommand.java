package no.tenantdesk.cli;

import java.util.concurrent.Callable;
import no.tenantdesk.domain.Inquiry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "merge", description = {
    "Make two inquiries about the same thing one: the first's comments, tasks, files, mail and events move to the"
            + " target.",
    "The first stays, done, pointing at the target; mail that answers it (its Message-IDs, [#ID] in the subject)"
            + " goes to the target from now on. The target prints as JSON with --json."},
        footerHeading = "%nExamples:%n",
        footer = {
            "  tenantdesk inquiry merge 14 --into 12",
            HelpSections.INQUIRY_JSON,
        })
final class InquiryMergeCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    private final App app;

    @Parameters(paramLabel = "ID", description = "The inquiry to merge (the duplicate).")
    private long id;

    @Option(names = "--into", required = true, paramLabel = "TARGET", description = "The inquiry that keeps the story.")
    private long target;

    InquiryMergeCommand(App app) {
        this.app = app;
    }

    @Override
    public Integer call() {
        Inquiry merged = app.merges().merge(id, target, app.actor());
        Output output = app.output(spec);
        if (output.json()) {
            output.json(merged);
        } else {
            output.done("Merged inquiry " + id + " into " + target + ": " + merged.title());
        }
        return ExitCodes.OK;
    }
}
