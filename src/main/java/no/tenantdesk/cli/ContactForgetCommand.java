package no.tenantdesk.cli;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import no.tenantdesk.domain.InvalidInputException;
import no.tenantdesk.service.ErasureService;
import no.tenantdesk.service.ErasureService.Erased;
import no.tenantdesk.service.ErasureService.Plan;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "forget", description = {
    "Erase a person's personal data on request (GDPR): their contact details, the raw",
    "bytes of their mails and their files, and their name, e-mail address and phone number",
    "in the texts of their inquiries, in events and in mail records, each replaced by",
    "[slettet kontakt #ID]; the search index follows. The inquiries, their status history",
    "and the operators' notes stay: the case still happened. Who erased whom and when is",
    "recorded, without the erased data. Later mail from the same address makes a new",
    "contact. Asks first on a terminal; a script gives --yes. A staff member assigned open",
    "tasks or inquiries is refused until the work is given to someone else. It cannot be",
    "undone: back up first (db backup), and know that older backups still hold the data."},
        footerHeading = "%nExamples:%n",
        footer = {
            "  tenantdesk contact forget kari@leietaker.example",
            "  tenantdesk contact forget 12 --yes",
        })
final class ContactForgetCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    private final App app;

    @Parameters(index = "0", paramLabel = "WHO", description = "The contact: id, e-mail address or unique name.")
    private String who;

    @Option(names = "--yes", description = "Do not ask: for scripts, where nobody can answer.")
    private boolean yes;

    ContactForgetCommand(App app) {
        this.app = app;
    }

    @Override
    public Integer call() {
        Output output = app.output(spec);
        ErasureService erasures = app.erasures();
        Plan plan = erasures.plan(who);
        if (!yes) {
            if (!app.environment().terminal()) {
                throw new InvalidInputException("contact forget erases for good; give --yes to confirm it in a script");
            }
            String answer = app.environment().interaction().ask("Erase " + plan.name()
                    + (plan.email() == null ? "" : " <" + plan.email() + ">") + " (#" + plan.contactId() + "): "
                    + plan.inquiries() + " inquiries keep their history, " + plan.mails() + " mails and "
                    + plan.files() + " files lose their bytes. This cannot be undone. Erase? [y/N] ", List.of());
            if (!List.of("y", "yes", "j", "ja").contains(answer.toLowerCase(Locale.ROOT))) {
                output.note("Nothing erased.");
                return ExitCodes.OK;
            }
        }
        Erased erased = erasures.forget(plan.contactId(), app.actor());
        if (output.json()) {
            output.json(erased);
            return ExitCodes.OK;
        }
        output.done("Erased contact #" + erased.contactId() + ": now " + erased.marker() + "; " + erased.mails()
                + " mails and " + erased.files() + " files without their bytes, mentions replaced in "
                + erased.texts() + " texts of " + erased.inquiries() + " inquiries.");
        return ExitCodes.OK;
    }
}
