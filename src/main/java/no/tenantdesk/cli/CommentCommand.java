package no.tenantdesk.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import no.tenantdesk.domain.Comment;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "comment", description = "Write an internal comment on an inquiry. It is never sent to anyone.",
        footerHeading = "%nExamples:%n",
        footer = {
            "  tenantdesk comment 12 -m 'Ringte Kari tilbake: rørlegger kommer i morgen.'",
            "  tenantdesk comment 12 --file notat.txt --attach skisse.pdf",
        })
final class CommentCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    private final App app;

    @Parameters(paramLabel = "ID", description = "The inquiry's number.")
    private long id;

    @Option(names = {"-m", "--message"}, paramLabel = "TEXT",
            description = "The comment; - reads standard input. Without -m or --file, on a terminal:"
                    + " $VISUAL or $EDITOR.")
    private String message;

    @Option(names = "--file", paramLabel = "FILE", description = "Read the comment from a file (- for stdin).")
    private Path file;

    @Option(names = "--attach", paramLabel = "FILE", description = "A file to keep with it (repeatable).")
    private List<Path> attachments = new ArrayList<>();

    CommentCommand(App app) {
        this.app = app;
    }

    @Override
    public Integer call() {
        String text = Editing.forInquiry(app, id, message, file,
                "# The internal comment on inquiry " + id + ". It is never sent to anyone.\n");
        Comment comment = app.inquiries().comment(id, text, attachments, app.actor());
        Output output = app.output(spec);
        if (output.json()) {
            output.json(comment);
        } else {
            output.done("Commented on inquiry " + id + " (internal, not sent)");
        }
        return ExitCodes.OK;
    }
}
