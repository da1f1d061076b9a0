package no.tenantdesk.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import no.tenantdesk.domain.Attachment;
import no.tenantdesk.domain.InvalidInputException;
import no.tenantdesk.domain.TenantdeskException;
import no.tenantdesk.render.Formats;
import no.tenantdesk.render.TerminalText;
import no.tenantdesk.domain.SafeNames;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "get", description = {
    "Save an attachment: into the current folder under its own name, to -o PATH (a file or a folder),",
    "or to standard output with -o -."},
        footerHeading = "%nExamples:%n",
        footer = {
            "  tenantdesk attachment get 7",
            "  tenantdesk attachment get 7 -o ~/Downloads/",
            "  tenantdesk attachment get 7 -o - > bilde.jpg",
        })
final class AttachmentGetCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    private final App app;

    @Parameters(paramLabel = "AID", description = "The attachment's number.")
    private long id;

    @Option(names = {"-o", "--output"}, paramLabel = "PATH", description = "Where to write it; - for stdout.")
    private String target;

    @Option(names = {"-f", "--force"}, description = "Overwrite an existing file.")
    private boolean force;

    AttachmentGetCommand(App app) {
        this.app = app;
    }

    @Override
    public Integer call() throws IOException {
        Output output = app.output(spec);
        if ("-".equals(target) && output.json()) {
            throw new InvalidInputException("-o - writes the file's bytes to stdout; it cannot go with --json");
        }
        Attachment attachment = app.attachments().get(id);
        if ("-".equals(target)) {
            OutputStream stdout = app.environment().stdout();
            app.attachments().write(attachment, stdout);
            stdout.flush();
            return ExitCodes.OK;
        }
        String name = SafeNames.filename(attachment.filename());
        Path path = app.environment().path(target == null ? name : target);
        if (target != null && Files.isDirectory(path)) {
            path = path.resolve(name);
        }
        if (Files.exists(path) && !force) {
            throw new InvalidInputException("file exists: " + path + " (use --force to overwrite it)");
        }
        long size;
        try (OutputStream file = Files.newOutputStream(path, StandardOpenOption.CREATE,
                StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
            size = app.attachments().write(attachment, file);
        } catch (IOException e) {
            throw new TenantdeskException("cannot write " + path + ": " + e.getMessage(), e);
        }
        if (output.json()) {
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("attachment", attachment);
            result.put("path", path.toAbsolutePath().toString());
            output.json(result);
        } else {
            output.done("Saved " + TerminalText.line(path.toString()) + " (" + Formats.size(size) + ")");
        }
        return ExitCodes.OK;
    }
}
