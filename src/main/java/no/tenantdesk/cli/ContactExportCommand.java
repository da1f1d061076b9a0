package no.tenantdesk.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import no.tenantdesk.domain.InquiryDetails;
import no.tenantdesk.domain.TenantdeskException;
import no.tenantdesk.files.PrivateFiles;
import no.tenantdesk.render.Formats;
import no.tenantdesk.render.Json;
import no.tenantdesk.service.ExportService.Entry;
import no.tenantdesk.service.ExportService.Export;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "export", description = {
    "Write everything stored about a contact into a folder, for an access request (GDPR):",
    "the contact, the inquiries they asked with comments, tasks and history, their mails",
    "as the raw .eml files that came in (mails/), their files (files/), and an index of it",
    "all as JSON (index.json) and as text to read (index.txt). The folder must be new or",
    "empty; it and its files are made readable by you alone."},
        footerHeading = "%nExamples:%n",
        footer = {
            "  tenantdesk contact export kari@leietaker.example -o ~/innsyn/kari",
        })
final class ContactExportCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    private final App app;

    @Parameters(index = "0", paramLabel = "WHO", description = "The contact: id, e-mail address or unique name.")
    private String who;

    @Option(names = {"-o", "--output"}, paramLabel = "DIR",
            description = "The folder to write (default: contact-ID-export in the current folder).")
    private Path folder;

    ContactExportCommand(App app) {
        this.app = app;
    }

    @Override
    public Integer call() {
        Output output = app.output(spec);
        long id = app.contacts().show(who).id(); // an unknown contact: not found, before any folder is made
        Path target = folder != null ? folder : app.environment().path("contact-" + id + "-export");
        Export export = app.exports().export(who, target);
        Map<String, Object> index = new LinkedHashMap<>();
        index.put("exportedAt", app.environment().clock().instant());
        index.put("contact", export.contact());
        index.put("inquiries", export.inquiries());
        index.put("mails", export.mails());
        index.put("files", export.files());
        write(target.resolve("index.json"), writer -> new Json().print(writer, index));
        write(target.resolve("index.txt"), writer -> text(writer, export));
        if (output.json()) {
            output.json(Map.of("folder", target.toString(), "inquiries", export.inquiries().size(), "mails",
                    export.mails().size(), "files", export.files().size()));
            return ExitCodes.OK;
        }
        output.done("Exported " + export.contact().name() + " (#" + export.contact().id() + ") to " + target + ": "
                + Formats.count(export.inquiries().size(), "inquiry") + ", "
                + Formats.count(export.mails().size(), "mail") + ", " + Formats.count(export.files().size(), "file")
                + "; index.txt lists them.");
        return ExitCodes.OK;
    }

    private static void text(PrintWriter out, Export export) {
        out.println("Everything tenantdesk stores about " + export.contact().name() + " (contact #"
                + export.contact().id() + ")");
        out.println();
        out.println("E-mail: " + (export.contact().email() == null ? "-" : export.contact().email()));
        out.println("Phone:  " + (export.contact().phone() == null ? "-" : export.contact().phone()));
        out.println("Role:   " + export.contact().role().cli());
        out.println("Since:  " + export.contact().createdAt());
        out.println();
        out.println("Inquiries (" + export.inquiries().size() + "; the whole story of each is in index.json):");
        for (InquiryDetails details : export.inquiries()) {
            out.println("  #" + details.inquiry().id() + "  " + details.inquiry().createdAt() + "  "
                    + details.inquiry().status().cli() + "  " + details.inquiry().title());
        }
        out.println();
        out.println("Mails (" + export.mails().size() + "), as they came in:");
        for (Entry mail : export.mails()) {
            out.println("  " + mail.file() + "  " + Formats.size(mail.size()) + "  " + mail.name());
        }
        out.println();
        out.println("Files (" + export.files().size() + "):");
        for (Entry file : export.files()) {
            out.println("  " + file.file() + "  " + Formats.size(file.size()) + "  " + file.name());
        }
    }

    private static void write(Path file, java.util.function.Consumer<PrintWriter> content) {
        try {
            PrivateFiles.createFile(file);
            try (PrintWriter writer = new PrintWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8))) {
                content.accept(writer);
            }
        } catch (IOException e) {
            throw new TenantdeskException("contact export: cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}
