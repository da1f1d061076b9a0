package no.tenantdesk.cli;

import java.util.concurrent.Callable;
import no.tenantdesk.domain.Contact;
import no.tenantdesk.domain.ContactRole;
import no.tenantdesk.render.TerminalText;
import no.tenantdesk.service.ContactService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "add", description = "Add a tenant, a staff member or a contractor.",
        footerHeading = "%nExamples:%n",
        footer = {
            "  tenantdesk contact add --name 'Kari Nordmann' --email kari@leietaker.example",
            "  tenantdesk contact add --name 'Rørlegger Hansen' --role contractor",
        })
final class ContactAddCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    private final App app;

    @Option(names = "--name", required = true, paramLabel = "NAME")
    private String name;

    @Option(names = "--email", paramLabel = "ADDRESS")
    private String email;

    @Option(names = "--phone", paramLabel = "NUMBER")
    private String phone;

    @Option(names = "--role", paramLabel = "ROLE", description = "${COMPLETION-CANDIDATES} (default tenant).")
    private ContactRole role;

    @Option(names = "--location", paramLabel = "PATH", description = "Where a tenant is; their inquiries start there.")
    private String location;

    @Option(names = "--org", paramLabel = "ORG",
            description = "The organization they work for (an id, a name or one of its domains).")
    private String organization;

    ContactAddCommand(App app) {
        this.app = app;
    }

    @Override
    public Integer call() {
        Contact contact = app.contacts().add(new ContactService.NewContact(name, email, phone, role, location,
                organization));
        Output output = app.output(spec);
        if (output.json()) {
            output.json(contact);
        } else {
            output.done("Added " + contact.role().cli() + " " + contact.id() + ": "
                    + TerminalText.line(contact.ref().label()));
        }
        return ExitCodes.OK;
    }
}
