package no.tenantdesk.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import no.tenantdesk.domain.Inquiry;
import no.tenantdesk.domain.Priority;
import no.tenantdesk.service.InquiryService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "update", description = {
    "Change an inquiry's fields; every change is recorded with who made it.",
    "--tenant, --location and --assignee accept 'none' to clear the field."},
        footerHeading = "%nExamples:%n",
        footer = {
            "  tenantdesk inquiry update 12 --priority urgent --assignee 'Per Vaktmester'",
            "  tenantdesk inquiry update 12 --location none",
            HelpSections.INQUIRY_JSON,
        })
final class InquiryUpdateCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    private final App app;

    @Parameters(paramLabel = "ID", description = "The inquiry's number.")
    private long id;

    @Option(names = "--title", paramLabel = "TEXT")
    private String title;

    @Option(names = "--description", paramLabel = "TEXT", description = "- reads standard input.")
    private String description;

    @Option(names = "--description-file", paramLabel = "FILE")
    private Path descriptionFile;

    @Option(names = "--tenant", paramLabel = "WHO")
    private String tenant;

    @Option(names = "--location", paramLabel = "PATH")
    private String location;

    @Option(names = "--priority", paramLabel = "PRIORITY", completionCandidates = Spellings.Priorities.class,
            description = Spellings.PRIORITIES + ".")
    private Priority priority;

    @Option(names = "--assignee", paramLabel = "WHO")
    private String assignee;

    InquiryUpdateCommand(App app) {
        this.app = app;
    }

    @Override
    public Integer call() {
        String text = TextInput.read(description, descriptionFile, app.environment(), "--description",
                "--description-file");
        Inquiry inquiry = app.inquiries().update(id,
                new InquiryService.Changes(title, text, tenant, location, priority, assignee), app.actor());
        Output output = app.output(spec);
        if (output.json()) {
            output.json(inquiry);
        } else {
            output.done("Updated inquiry " + inquiry.id());
        }
        return ExitCodes.OK;
    }
}
