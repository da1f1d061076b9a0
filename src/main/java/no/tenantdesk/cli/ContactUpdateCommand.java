package no.tenantdesk.cli;

import java.util.concurrent.Callable;
import no.tenantdesk.domain.Contact;
import no.tenantdesk.domain.ContactRole;
import no.tenantdesk.render.TerminalText;
import no.tenantdesk.service.ContactService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "update", description = "Change a contact; 'none' clears an e-mail, phone, location or org.",
        footerHeading = "%nExamples:%n",
        footer = {
            "  tenantdesk contact update kari@solsiden.no --org 'Kafé Solsiden AS'",
            "  tenantdesk contact update 'Kari Nordmann' --phone 99887766 --location none",
        })
final class ContactUpdateCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    private final App app;

    @Parameters(paramLabel = "WHO", description = "Contact id, e-mail address or name.")
    private String who;

    @Option(names = "--name", paramLabel = "NAME")
    private String name;

    @Option(names = "--email", paramLabel = "ADDRESS")
    private String email;

    @Option(names = "--phone", paramLabel = "NUMBER")
    private String phone;

    @Option(names = "--role", paramLabel = "ROLE", description = "${COMPLETION-CANDIDATES}.")
    private ContactRole role;

    @Option(names = "--location", paramLabel = "PATH", description = "Where a tenant is; their inquiries start there.")
    private String location;

    @Option(names = "--org", paramLabel = "ORG",
            description = "The organization they work for (an id, a name or one of its domains).")
    private String organization;

    ContactUpdateCommand(App app) {
        this.app = app;
    }

    @Override
    public Integer call() {
        Contact contact = app.contacts().update(who, new ContactService.Changes(name, email, phone, role, location,
                organization));
        Output output = app.output(spec);
        if (output.json()) {
            output.json(contact);
        } else {
            output.done("Contact " + contact.id() + ": " + TerminalText.line(contact.ref().label())
                    + (contact.organization() == null ? "" : ", " + TerminalText.line(contact.organization().name())));
        }
        return ExitCodes.OK;
    }
}
