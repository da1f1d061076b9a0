package no.tenantdesk.cli;

import java.util.List;
import java.util.concurrent.Callable;
import no.tenantdesk.domain.Contact;
import no.tenantdesk.domain.ContactRole;
import no.tenantdesk.render.Formats;
import no.tenantdesk.render.Table;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "list", description = "List contacts, by name.",
        footerHeading = "%nExamples:%n",
        footer = {
            "  tenantdesk contact list",
            "  tenantdesk contact list --role staff --json",
        })
final class ContactListCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    private final App app;

    @Option(names = "--role", paramLabel = "ROLE", description = "${COMPLETION-CANDIDATES}.")
    private ContactRole role;

    ContactListCommand(App app) {
        this.app = app;
    }

    @Override
    public Integer call() {
        List<Contact> contacts = app.contacts().list(role);
        Output output = app.output(spec);
        if (output.json()) {
            output.json(contacts);
            return ExitCodes.OK;
        }
        if (contacts.isEmpty()) {
            output.note("No contacts.");
            return ExitCodes.OK;
        }
        Table table = new Table().column("ID").flexible("NAME", 10).column("ROLE").flexible("E-MAIL", 10)
                .column("PHONE").flexible("LOCATION", 10);
        for (Contact c : contacts) {
            table.row(c.id(), c.name(), c.role().cli(), Formats.orDash(c.email()), Formats.orDash(c.phone()),
                    Formats.path(c.location()));
        }
        output.table(table);
        return ExitCodes.OK;
    }
}
