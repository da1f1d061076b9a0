package no.tenantdesk.cli;

import java.util.concurrent.Callable;
import no.tenantdesk.domain.Contact;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "show", description = "One contact.",
        footerHeading = "%nExamples:%n",
        footer = {
            "  tenantdesk contact show kari@leietaker.example",
            "  tenantdesk contact show '#3'",
        })
final class ContactShowCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    private final App app;

    @Parameters(paramLabel = "WHO", description = "Contact id, e-mail address or name.")
    private String who;

    ContactShowCommand(App app) {
        this.app = app;
    }

    @Override
    public Integer call() {
        Contact contact = app.contacts().show(who);
        Output output = app.output(spec);
        if (output.json()) {
            output.json(contact);
        } else {
            output.details().contact(output.out(), contact);
        }
        return ExitCodes.OK;
    }
}
