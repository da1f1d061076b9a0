package no.tenantdesk.cli;

import java.util.concurrent.Callable;
import no.tenantdesk.domain.Organization;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "show", description = "One organization: its domains, premises, people and open inquiries.",
        footerHeading = "%nExamples:%n",
        footer = {
            "  tenantdesk org show solsiden.no",
            "  tenantdesk org show 'Kafé Solsiden' --json",
        })
final class OrgShowCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    private final App app;

    @Parameters(paramLabel = "ORG", description = "Organization id, name (or a part of one) or one of its domains.")
    private String organization;

    OrgShowCommand(App app) {
        this.app = app;
    }

    @Override
    public Integer call() {
        Organization found = app.organizations().show(organization);
        Output output = app.output(spec);
        if (output.json()) {
            output.json(found);
        } else {
            output.details().organization(output.out(), found);
        }
        return ExitCodes.OK;
    }
}
