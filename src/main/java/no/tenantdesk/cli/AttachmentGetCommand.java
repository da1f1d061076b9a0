package no.tenantdesk.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Function;
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
    "or to standard output with -o -.",
    "Only a new file is written, never through a link: when the attachment's own name is taken, the next free one"
        + " (bilde (1).jpg); when -o names a file that exists, nothing, unless --force replaces it."},
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
    private Path target;

    @Option(names = {"-f", "--force"}, description = "Replace the file (or link) that has the name.")
    private boolean force;

    /** Free names tried after the attachment's own: "bilde (1).jpg" to "bilde (1000).jpg". */
    private static final int MAX_TRIES = 1000;

    AttachmentGetCommand(App app) {
        this.app = app;
    }

    @Override
    public Integer call() throws IOException {
        Output output = app.output(spec);
        boolean stdout = Environment.STANDARD_STREAM.equals(target);
        if (stdout && output.json()) {
            throw new InvalidInputException("-o - writes the file's bytes to stdout; it cannot go with --json");
        }
        Attachment attachment = app.attachments().get(id);
        if (stdout) {
            OutputStream out = app.environment().stdout();
            app.attachments().write(attachment, out);
            out.flush();
            return ExitCodes.OK;
        }
        String name = SafeNames.filename(attachment.filename());
        // A name the tenant chose gets the next free one, so that nothing of the user's is overwritten.
        boolean tenantsName = target == null || Files.isDirectory(target);
        Path folder = target == null || tenantsName ? null : target.toAbsolutePath().getParent();
        if (folder != null && !Files.isDirectory(folder)) {
            throw new InvalidInputException("folder " + folder + " does not exist (-o names a file in a folder that"
                    + " is there, or the folder)");
        }
        Function<String, Path> in = file -> target == null ? app.environment().path(file) : target.resolve(file);
        Path path = tenantsName ? in.apply(name) : target;
        long size;
        for (int n = 1; ; n++) {
            try {
                size = write(attachment, path);
                break;
            } catch (FileAlreadyExistsException e) {
                if (!tenantsName || n > MAX_TRIES) {
                    throw new InvalidInputException("file exists: " + path + " (use --force to replace it)");
                }
                path = in.apply(SafeNames.numbered(name, n));
            }
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

    /**
     * Writes a new file: CREATE_NEW, which never follows a link planted at the name, and never another's file. With
     * --force the name is freed first (a link is removed, not followed). A file cut short is removed.
     */
    private long write(Attachment attachment, Path path) throws FileAlreadyExistsException {
        try {
            if (force && !Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            throw new TenantdeskException("cannot replace " + path + ": " + reason(e), e);
        }
        OutputStream file;
        try {
            file = Files.newOutputStream(path, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE,
                    LinkOption.NOFOLLOW_LINKS);
        } catch (FileAlreadyExistsException e) {
            throw e;
        } catch (IOException e) {
            throw new TenantdeskException("cannot write " + path + ": " + reason(e), e);
        }
        try (file) {
            return app.attachments().write(attachment, file);
        } catch (IOException | RuntimeException e) {
            try {
                Files.deleteIfExists(path);
            } catch (IOException ignored) {
                // what is left is ours and incomplete; the message says the write failed
            }
            throw e instanceof IOException io ? new TenantdeskException("cannot write " + path + ": "
                    + reason(io), io) : (RuntimeException) e;
        }
    }

    /** A file system's exception names the path, not what went wrong with it. */
    private static String reason(IOException e) {
        return e instanceof AccessDeniedException ? "permission denied"
                : e instanceof FileSystemException f && f.getReason() != null ? f.getReason()
                : String.valueOf(e.getMessage());
    }
}
