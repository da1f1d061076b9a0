package no.tenantdesk.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import no.tenantdesk.render.TerminalText;
import no.tenantdesk.service.OrganizationService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "add", description = "Add a tenant organization, with its mail domains, premises and people.",
        footerHeading = "%nExamples:%n",
        footer = {
            "  tenantdesk org add 'Kafé Solsiden AS' --domain solsiden.no --location 'Bygg A/1. etasje/Butikk 101'",
            "  tenantdesk org add 'Advokat Berg' --domain berg.no --domain bergadvokat.no --contact kari@berg.no",
        })
final class OrgAddCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    private final App app;

    @Parameters(paramLabel = "NAME")
    private String name;

    @Option(names = "--domain", paramLabel = "DOMAIN", description = "A mail domain of theirs (repeatable); contacts"
            + " who wrote from it join the organization. Never a free-mail domain, and never another's.")
    private List<String> domains = new ArrayList<>();

    @Option(names = "--location", paramLabel = "PATH", description = "A place they rent (repeatable).")
    private List<String> locations = new ArrayList<>();

    @Option(names = "--contact", paramLabel = "WHO", description = "Someone who works there (repeatable).")
    private List<String> contacts = new ArrayList<>();

    OrgAddCommand(App app) {
        this.app = app;
    }

    @Override
    public Integer call() {
        OrganizationService.Saved saved = app.organizations().add(name,
                new OrganizationService.Changes(null, domains, null, locations, null, contacts));
        Output output = app.output(spec);
        if (output.json()) {
            output.json(saved.organization());
        } else {
            output.done("Added organization " + saved.organization().id() + ": "
                    + TerminalText.line(saved.organization().name()) + OrgUpdateCommand.adopted(saved.adopted()));
        }
        return ExitCodes.OK;
    }
}
