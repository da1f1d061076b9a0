package no.tenantdesk.cli;

import java.util.List;
import java.util.concurrent.Callable;
import no.tenantdesk.domain.LocationRef;
import no.tenantdesk.domain.Organization;
import no.tenantdesk.render.Table;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "list", description = "List the tenant organizations, by name.",
        footerHeading = "%nExamples:%n",
        footer = {
            "  tenantdesk org list",
            "  tenantdesk org list --json",
        })
final class OrgListCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    private final App app;

    OrgListCommand(App app) {
        this.app = app;
    }

    @Override
    public Integer call() {
        List<Organization> organizations = app.organizations().list();
        Output output = app.output(spec);
        if (output.json()) {
            output.json(organizations);
            return ExitCodes.OK;
        }
        if (organizations.isEmpty()) {
            output.note("No organizations (add one: tenantdesk org add NAME --domain DOMAIN).");
            return ExitCodes.OK;
        }
        Table table = new Table().column("ID").flexible("NAME", 10).flexible("DOMAINS", 10)
                .flexible("PREMISES", 10).column("PEOPLE").column("OPEN");
        for (Organization o : organizations) {
            table.row(o.id(), o.name(), o.domains().isEmpty() ? "-" : String.join(", ", o.domains()),
                    o.premises().isEmpty() ? "-"
                            : String.join(", ", o.premises().stream().map(LocationRef::path).toList()),
                    o.contacts().size(), o.openInquiries());
        }
        output.table(table);
        return ExitCodes.OK;
    }
}
