package no.tenantdesk.cli;

import java.util.List;
import java.util.concurrent.Callable;
import no.tenantdesk.domain.Attachment;
import no.tenantdesk.render.Formats;
import no.tenantdesk.render.Table;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "list", description = "The files of an inquiry, its comments and its tasks.",
        footerHeading = "%nExamples:%n",
        footer = {
            "  tenantdesk attachment list 12",
            "  tenantdesk attachment list 12 --json | jq -r '.[].filename'",
        })
final class AttachmentListCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    private final App app;

    @Parameters(paramLabel = "ID", description = "The inquiry's number.")
    private long inquiryId;

    AttachmentListCommand(App app) {
        this.app = app;
    }

    @Override
    public Integer call() {
        List<Attachment> attachments = app.attachments().list(inquiryId);
        Output output = app.output(spec);
        if (output.json()) {
            output.json(attachments);
            return ExitCodes.OK;
        }
        if (attachments.isEmpty()) {
            output.note("Inquiry " + inquiryId + " has no files.");
            return ExitCodes.OK;
        }
        Formats formats = output.formats();
        Table table = new Table().column("ID").flexible("FILE", 12).column("TYPE").column("SIZE").column("WITH")
                .column("ADDED").flexible("BY", 6);
        for (Attachment a : attachments) {
            String owner = a.taskId() != null ? "task " + a.taskId()
                    : a.commentId() != null ? "comment " + a.commentId() : "inquiry";
            table.row(a.id(), a.filename(), a.contentType(), Formats.size(a.size()), owner,
                    formats.time(a.createdAt()), a.addedBy());
        }
        output.table(table);
        return ExitCodes.OK;
    }
}
