package no.tenantdesk.cli;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import no.tenantdesk.domain.Inquiry;
import no.tenantdesk.domain.InvalidInputException;
import no.tenantdesk.domain.Priority;
import no.tenantdesk.domain.Status;
import no.tenantdesk.render.Formats;
import no.tenantdesk.render.Palette;
import no.tenantdesk.render.Table;
import no.tenantdesk.service.InquiryQueries;
import no.tenantdesk.service.InquiryQueries.Sort;
import no.tenantdesk.service.InquiryQueries.StatusFilter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(name = "list", description = {
    "List inquiries: by default the open ones, most urgent and oldest first.",
    "--location includes every place below it; --assignee none lists the unassigned ones.",
    "DUE is the deadline still to meet (the first reply, then done; config sla:), as time left or late:"
        + " \"om 2 t\", \"3 d over\".",
    "The ORG column (the tenant's organization) is shown where the terminal is wide enough."},
        footerHeading = "%nExamples:%n",
        footer = {
            "  tenantdesk inquiry list",
            "  tenantdesk inquiry list --status all --location 'Bygg A' --search lekkasje",
            "  tenantdesk inquiry list --assignee none --sort -created --limit 10",
            "  tenantdesk inquiry list --overdue --sort due",
            "  tenantdesk inquiry list --json | jq -r '.[].title'",
            HelpSections.INQUIRY_JSON,
        })
final class InquiryListCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    private final App app;

    @Option(names = "--status", paramLabel = "STATUS", defaultValue = "open",
            completionCandidates = StatusFilters.class,
            description = "todo, in-progress, done, open (todo and in-progress) or all (default ${DEFAULT-VALUE});"
                    + " also to-do, pågår, fullført.")
    private String status;

    @Option(names = "--assignee", paramLabel = "WHO", description = "Only those assigned to WHO (or none).")
    private String assignee;

    @Option(names = "--tenant", paramLabel = "WHO", description = "Only those from this tenant.")
    private String tenant;

    @Option(names = "--org", paramLabel = "ORG", description = "Only those from a contact of this organization.")
    private String organization;

    @Option(names = "--location", paramLabel = "PATH", description = "Only those at this place or below it.")
    private String location;

    @Option(names = "--priority", paramLabel = "PRIORITY", completionCandidates = Spellings.Priorities.class,
            description = Spellings.PRIORITIES + ".")
    private Priority priority;

    @Option(names = "--search", paramLabel = "TEXT",
            description = {"Only those that mention every word of TEXT (or a word beginning with it) in the title,"
                    + " description, comments, tasks or file names; best matches first unless --sort is given,"
                    + " ranked among the 1,000 newest that match (see search --help)."})
    private String search;

    @Option(names = "--overdue", description = "Only those past a deadline: no reply in time, or not done in time.")
    private boolean overdue;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "50",
            description = "At most N (default ${DEFAULT-VALUE}).")
    private int limit;

    // No default value: with --search, no --sort means by relevance, so the command must see whether it was given.
    @Option(names = "--sort", paramLabel = "FIELD",
            description = "priority, due (the nearest deadline first), created, updated, id, title or status;"
                    + " -FIELD reverses"
                    + " (default priority; with --search, relevance).")
    private String sort;

    InquiryListCommand(App app) {
        this.app = app;
    }

    @Override
    public Integer call() {
        boolean descending = sort != null && sort.startsWith("-");
        Sort field = sort == null ? null : sortField(descending ? sort.substring(1) : sort);
        InquiryQueries.Page page = app.queries().list(new InquiryQueries.Query(statusFilter(spec, status),
                overdue, assignee, tenant, organization, location, priority, search, field, descending, limit));
        Output output = app.output(spec);
        output.cut(page.inquiries().size(), page.total());
        if (page.ranked() > 0 && page.ranked() < page.total()) {
            output.note(rankedNote(page.ranked(), page.total()));
        }
        if (output.json()) {
            output.json(page.inquiries());
            return ExitCodes.OK;
        }
        if (page.inquiries().isEmpty()) {
            output.note("No " + (overdue ? "overdue " : "") + (status.equals("all") ? "" : status + " ")
                    + "inquiries.");
            return ExitCodes.OK;
        }
        Formats formats = output.formats();
        Palette palette = output.palette();
        Table table = new Table().column("ID").column("STATUS").column("PRIORITY").column("DUE")
                .flexible("TITLE", 16).flexible("TENANT", 8).optional("ORG", 8).flexible("LOCATION", 8)
                .flexible("ASSIGNEE", 8).optional("CREATED", 8); // on 80 columns DUE has the place of CREATED
        for (Inquiry i : page.inquiries()) {
            Instant due = i.sla() == null ? null : i.sla().due(i.status());
            table.row(i.id(), palette.status(i.status()), palette.priority(i.priority()),
                    palette.due(formats.due(due), due == null ? null : formats.left(due)), i.title(),
                    Formats.name(i.requester()), organization(i), Formats.path(i.location()),
                    Formats.name(i.assignee()), formats.recent(i.createdAt()));
        }
        output.table(table);
        return ExitCodes.OK;
    }

    private static String organization(Inquiry inquiry) {
        return inquiry.requester() == null || inquiry.requester().organization() == null ? ""
                : inquiry.requester().organization().name();
    }

    /** Under a list ranked by relevance that weighed only the newest of the inquiries that match. */
    static String rankedNote(long ranked, long total) {
        return "Ranked by relevance among the " + ranked + " newest of the " + total
                + "; more words or --status narrow the search to older ones.";
    }

    static StatusFilter statusFilter(CommandSpec spec, String status) {
        for (StatusFilter filter : StatusFilter.values()) {
            if (filter.name().replace('_', '-').equalsIgnoreCase(status.strip())) {
                return filter;
            }
        }
        try {
            return StatusFilter.valueOf(Status.parse(status).name()); // the users' words: "pågår", "fullført"
        } catch (InvalidInputException e) {
            throw new ParameterException(spec.commandLine(), "Invalid value for option '--status': unknown status '"
                    + status + "' (valid: todo, in-progress, done, open, all; or to-do, pågår, fullført)");
        }
    }

    private Sort sortField(String field) {
        try {
            return Sort.valueOf(field.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "Invalid value for option '--sort': unknown field '"
                    + field + "' (valid: priority, due, created, updated, id, title, status)");
        }
    }

    /** What --status takes, spelled as {@link #statusFilter} reads it: for shell completion. */
    static final class StatusFilters implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            List<String> spellings = new ArrayList<>(Arrays.stream(StatusFilter.values())
                    .map(filter -> filter.name().replace('_', '-').toLowerCase(Locale.ROOT)).toList());
            new Spellings.Statuses().forEach(word -> {
                if (!spellings.contains(word)) {
                    spellings.add(word);
                }
            });
            return spellings.iterator();
        }
    }
}
