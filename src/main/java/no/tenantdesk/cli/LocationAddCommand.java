package no.tenantdesk.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import no.tenantdesk.domain.Location;
import no.tenantdesk.render.TerminalText;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "add", description = "Add a place, with any missing places above it; none may be named like another"
        + " place's alias.",
        footerHeading = "%nExamples:%n",
        footer = {
            "  tenantdesk location add 'Bygg A/2. etasje/Kontor 204'",
            "  tenantdesk location add 'Bygg B' --responsible 'Per Vaktmester'",
        })
final class LocationAddCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    private final App app;

    @Parameters(paramLabel = "PATH", description = "Like 'Bygg A/2. etasje/Kontor 204'.")
    private String path;

    @Option(names = "--responsible", paramLabel = "WHO", description = "Who gets the tasks for this place.")
    private String responsible;

    @Option(names = "--alias", paramLabel = "NAME", description = "Another name of the place, as tenants write it"
            + " ('Butikk 101', 'kafeen'); matched in mail as its name is (repeatable).")
    private List<String> aliases = new ArrayList<>();

    LocationAddCommand(App app) {
        this.app = app;
    }

    @Override
    public Integer call() {
        Location location = app.locations().add(path, responsible, aliases);
        Output output = app.output(spec);
        if (output.json()) {
            output.json(location);
        } else {
            output.done("Added location " + TerminalText.line(location.path()));
        }
        return ExitCodes.OK;
    }
}
