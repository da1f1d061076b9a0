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

@Command(name = "update", description = "Rename an organization, add or remove its domains and premises, add people.",
        footerHeading = "%nExamples:%n",
        footer = {
            "  tenantdesk org update solsiden.no --domain solsiden.com --location 'Bygg A/1. etasje/Butikk 102'",
            "  tenantdesk org update 'Kafé Solsiden' --name 'Solsiden Drift AS' --remove-domain solsiden.com",
        })
final class OrgUpdateCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    private final App app;

    @Parameters(paramLabel = "ORG", description = "Organization id, name (or a part of one) or one of its domains.")
    private String organization;

    @Option(names = "--name", paramLabel = "NAME")
    private String name;

    @Option(names = "--domain", paramLabel = "DOMAIN", description = "Add a mail domain (repeatable).")
    private List<String> domains = new ArrayList<>();

    @Option(names = "--remove-domain", paramLabel = "DOMAIN", description = "No longer theirs (repeatable).")
    private List<String> removeDomains = new ArrayList<>();

    @Option(names = "--location", paramLabel = "PATH", description = "Add a place they rent (repeatable).")
    private List<String> locations = new ArrayList<>();

    @Option(names = "--remove-location", paramLabel = "PATH", description = "No longer rented (repeatable).")
    private List<String> removeLocations = new ArrayList<>();

    @Option(names = "--contact", paramLabel = "WHO", description = "Someone who works there (repeatable).")
    private List<String> contacts = new ArrayList<>();

    OrgUpdateCommand(App app) {
        this.app = app;
    }

    @Override
    public Integer call() {
        OrganizationService.Saved saved = app.organizations().update(organization, new OrganizationService.Changes(
                name, domains, removeDomains, locations, removeLocations, contacts));
        Output output = app.output(spec);
        if (output.json()) {
            output.json(saved.organization());
        } else {
            output.done("Organization " + saved.organization().id() + ": "
                    + TerminalText.line(saved.organization().name()) + adopted(saved.adopted()));
        }
        return ExitCodes.OK;
    }

    static String adopted(int adopted) {
        return adopted == 0 ? "" : " (" + adopted + (adopted == 1 ? " contact" : " contacts")
                + " who wrote from its domains joined it)";
    }
}
