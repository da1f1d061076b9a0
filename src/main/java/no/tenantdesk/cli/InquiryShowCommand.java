package no.tenantdesk.cli;

import java.util.concurrent.Callable;
import no.tenantdesk.domain.InquiryDetails;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "show", description = "The whole story of an inquiry: fields, tasks, files and its timeline.",
        footerHeading = "%nExamples:%n",
        footer = {
            "  tenantdesk inquiry show 12",
            "  tenantdesk inquiry show 12 --full",
            "  tenantdesk inquiry show 12 --json | jq '.events'",
            HelpSections.INQUIRY_JSON,
        })
final class InquiryShowCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    private final App app;

    @Parameters(paramLabel = "ID", description = "The inquiry's number.")
    private long id;

    @Option(names = "--full", description = "Print the tenant's answers whole, with the earlier mail they quote"
            + " (hidden by default, one line says how much).")
    private boolean full;

    InquiryShowCommand(App app) {
        this.app = app;
    }

    @Override
    public Integer call() {
        InquiryDetails details = app.queries().show(id);
        Output output = app.output(spec);
        if (output.json()) {
            output.json(details);
        } else {
            output.details().inquiry(output.out(), details, full);
        }
        return ExitCodes.OK;
    }
}
