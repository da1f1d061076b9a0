package no.tenantdesk.cli;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.concurrent.Callable;
import no.tenantdesk.domain.InvalidInputException;
import no.tenantdesk.render.Formats;
import no.tenantdesk.service.ErasureService;
import no.tenantdesk.service.InquiryQueries;
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
    "undone: back up first (db backup), and know that older backups still hold the data.",
    "Other people's inquiries that still mention the name, address or number are listed",
    "afterwards for review, not changed: they are those people's cases."},
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

    /** --json: what was erased, and the inquiries of others to review. */
    record Result(long contactId, String marker, long inquiries, long mails, long files, long texts,
            List<Long> stillMentionedIn) {}

    /** Inquiries listed per trace: enough to review by hand; more says to search. */
    private static final int MENTIONS = 100;

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
                    + "the history of " + Formats.count(plan.inquiries(), "inquiry") + " stays, "
                    + Formats.count(plan.mails(), "mail") + " and " + Formats.count(plan.files(), "file")
                    + " lose their bytes. This cannot be undone. Erase? [y/N] ", List.of());
            if (!List.of("y", "yes", "j", "ja").contains(answer.toLowerCase(Locale.ROOT))) {
                output.note("Nothing erased.");
                return ExitCodes.OK;
            }
        }
        Erased erased = erasures.forget(plan.contactId(), app.actor());
        List<Long> mentioned = mentions(plan);
        if (output.json()) {
            output.json(new Result(erased.contactId(), erased.marker(), erased.inquiries(), erased.mails(),
                    erased.files(), erased.texts(), mentioned));
            return ExitCodes.OK;
        }
        output.done("Erased contact #" + erased.contactId() + ": now " + erased.marker() + "; "
                + Formats.count(erased.mails(), "mail") + " and " + Formats.count(erased.files(), "file")
                + " without their bytes, mentions replaced in " + Formats.count(erased.texts(), "text") + " of "
                + Formats.count(erased.inquiries(), "inquiry") + ".");
        if (!mentioned.isEmpty()) {
            output.note("Other people's inquiries still mention the name, address or number (not changed: they are"
                    + " those people's cases, and a namesake is not the person): " + mentioned.stream()
                    .map(id -> "#" + id).collect(Collectors.joining(", ")) + ". Review them (inquiry show ID).");
        }
        return ExitCodes.OK;
    }

    /**
     * After the erasure, the inquiries of others that the search still finds by her name, address or number: told to
     * the operator, who decides (a neighbour's complaint about her may be needed for that neighbour's case, and the
     * search cannot tell her from a namesake), never rewritten here.
     */
    private List<Long> mentions(Plan plan) {
        Set<Long> ids = new TreeSet<>();
        for (String trace : new String[] {plan.name(), plan.email(), plan.phone()}) {
            if (trace != null && !trace.isBlank()) {
                app.queries().search(trace, InquiryQueries.StatusFilter.ALL, MENTIONS).hits()
                        .forEach(hit -> ids.add(hit.inquiry().id()));
            }
        }
        return List.copyOf(ids);
    }
}
