package no.tenantdesk.cli;

import java.util.List;
import java.util.concurrent.Callable;
import no.tenantdesk.domain.Location;
import no.tenantdesk.render.Formats;
import no.tenantdesk.render.Table;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "list", description = "The places as a tree, with who is responsible and how many inquiries are open.",
        footerHeading = "%nExamples:%n",
        footer = {
            "  tenantdesk location list",
        })
final class LocationListCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    private final App app;

    LocationListCommand(App app) {
        this.app = app;
    }

    @Override
    public Integer call() {
        List<Location> locations = app.locations().list();
        Output output = app.output(spec);
        if (output.json()) {
            output.json(locations);
            return ExitCodes.OK;
        }
        if (locations.isEmpty()) {
            output.note("No locations (add one with: tenantdesk location add 'Bygg A/2. etasje/Kontor 204').");
            return ExitCodes.OK;
        }
        // Other names only when a place has some: most trees have none.
        boolean aliases = locations.stream().anyMatch(l -> !l.aliases().isEmpty());
        Table table = new Table().flexible("LOCATION", 12).flexible("RESPONSIBLE", 10).column("OPEN");
        if (aliases) {
            table.flexible("ALSO CALLED", 8);
        }
        for (Location l : locations) {
            Object[] cells = {"  ".repeat(l.depth()) + l.name(), Formats.name(l.responsible()), l.openInquiries(),
                    String.join(", ", l.aliases())};
            table.row(aliases ? cells : java.util.Arrays.copyOf(cells, 3));
        }
        output.table(table);
        return ExitCodes.OK;
    }
}
