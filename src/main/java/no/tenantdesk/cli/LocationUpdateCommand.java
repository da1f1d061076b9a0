package no.tenantdesk.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import no.tenantdesk.domain.Location;
import no.tenantdesk.render.Formats;
import no.tenantdesk.render.TerminalText;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "update", description = "Change who is responsible for a place ('none' clears it), and its other"
        + " names.",
        footerHeading = "%nExamples:%n",
        footer = {
            "  tenantdesk location update 'Bygg A' --responsible 'Per Vaktmester'",
            "  tenantdesk location update 'Bygg A' --responsible none",
            "  tenantdesk location update 'Bygg A/1. etasje/Butikk 101' --alias kafeen --alias 'Kafé Solsiden'",
        })
final class LocationUpdateCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    private final App app;

    @Parameters(paramLabel = "PATH")
    private String path;

    @Option(names = "--responsible", paramLabel = "WHO")
    private String responsible;

    @Option(names = "--alias", paramLabel = "NAME", description = "Another name of the place, matched in mail as its"
            + " name is (repeatable).")
    private List<String> aliases = new ArrayList<>();

    @Option(names = "--remove-alias", paramLabel = "NAME", description = "No longer a name of it (repeatable).")
    private List<String> removeAliases = new ArrayList<>();

    LocationUpdateCommand(App app) {
        this.app = app;
    }

    @Override
    public Integer call() {
        Location location = app.locations().update(path, responsible, aliases, removeAliases);
        Output output = app.output(spec);
        if (output.json()) {
            output.json(location);
        } else {
            output.done("Location " + TerminalText.line(location.path()) + ": responsible "
                    + TerminalText.line(Formats.name(location.responsible()))
                    + (location.aliases().isEmpty() ? "" : ", also called "
                            + TerminalText.line(String.join(", ", location.aliases()))));
        }
        return ExitCodes.OK;
    }
}
