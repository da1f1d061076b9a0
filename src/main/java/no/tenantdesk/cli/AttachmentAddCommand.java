package no.tenantdesk.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import no.tenantdesk.domain.Attachment;
import no.tenantdesk.render.Formats;
import no.tenantdesk.render.TerminalText;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "add", description = "Keep files with an inquiry; all are stored, or none.",
        footerHeading = "%nExamples:%n",
        footer = {
            "  tenantdesk attachment add 12 bilde.jpg rapport.pdf",
        })
final class AttachmentAddCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    private final App app;

    @Parameters(index = "0", paramLabel = "ID", description = "The inquiry's number.")
    private long inquiryId;

    @Parameters(index = "1..*", arity = "1..*", paramLabel = "FILE")
    private List<Path> files;

    AttachmentAddCommand(App app) {
        this.app = app;
    }

    @Override
    public Integer call() {
        List<Attachment> stored = app.attachments().add(inquiryId, files, app.actor());
        Output output = app.output(spec);
        if (output.json()) {
            output.json(stored);
        } else {
            for (Attachment a : stored) {
                output.done("Attached " + a.id() + ": " + TerminalText.line(a.filename()) + " ("
                        + Formats.size(a.size()) + ") to inquiry " + inquiryId);
            }
        }
        return ExitCodes.OK;
    }
}
