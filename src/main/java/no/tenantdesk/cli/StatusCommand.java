package no.tenantdesk.cli;

import java.util.concurrent.Callable;
import no.tenantdesk.domain.Status;
import no.tenantdesk.service.InquiryService.StatusChange;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "status", description = {
    "Move an inquiry: todo, in-progress or done; done → todo reopens it.",
    "The note is kept as an internal comment."},
        footerHeading = "%nExamples:%n",
        footer = {
            "  tenantdesk status 12 in-progress",
            "  tenantdesk status 12 done -m 'Bekreftet tett med Kari.'",
            HelpSections.INQUIRY_JSON,
        })
final class StatusCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    private final App app;

    @Parameters(index = "0", paramLabel = "ID", description = "The inquiry's number.")
    private long id;

    @Parameters(index = "1", paramLabel = "STATUS", completionCandidates = Spellings.Statuses.class,
            description = Spellings.STATUSES + ".")
    private Status status;

    @Option(names = {"-m", "--message"}, paramLabel = "NOTE", description = "Why, for the record.")
    private String note;

    StatusCommand(App app) {
        this.app = app;
    }

    @Override
    public Integer call() {
        StatusChange change = app.inquiries().changeStatus(id, status, note, app.actor());
        Output output = app.output(spec);
        if (output.json()) {
            output.json(change.inquiry());
        } else if (change.changed()) {
            output.done("Inquiry " + id + ": " + change.from().cli() + " → " + status.cli());
        } else {
            output.done("Inquiry " + id + " is already " + status.cli());
        }
        return ExitCodes.OK;
    }
}
