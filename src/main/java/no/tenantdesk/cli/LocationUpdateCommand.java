package no.tenantdesk.cli;

import java.util.concurrent.Callable;
import no.tenantdesk.domain.Location;
import no.tenantdesk.render.Formats;
import no.tenantdesk.render.TerminalText;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "update", description = "Change who is responsible for a place ('none' clears it).",
        footerHeading = "%nExamples:%n",
        footer = {
            "  tenantdesk location update 'Bygg A' --responsible 'Per Vaktmester'",
            "  tenantdesk location update 'Bygg A' --responsible none",
        })
final class LocationUpdateCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    private final App app;

    @Parameters(paramLabel = "PATH")
    private String path;

    @Option(names = "--responsible", required = true, paramLabel = "WHO")
    private String responsible;

    LocationUpdateCommand(App app) {
        this.app = app;
    }

    @Override
    public Integer call() {
        Location location = app.locations().update(path, responsible);
        Output output = app.output(spec);
        if (output.json()) {
            output.json(location);
        } else {
            output.done("Location " + TerminalText.line(location.path()) + ": responsible "
                    + TerminalText.line(Formats.name(location.responsible())));
        }
        return ExitCodes.OK;
    }
}
