package no.tenantdesk.cli;

import java.util.List;
import java.util.concurrent.Callable;
import no.tenantdesk.domain.Inquiry;
import no.tenantdesk.domain.SearchHit;
import no.tenantdesk.render.Palette;
import no.tenantdesk.render.Table;
import no.tenantdesk.render.TerminalText;
import no.tenantdesk.service.InquiryQueries;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "search", description = {
    "Find inquiries by what was written: titles, descriptions, comments, tasks and file names.",
    "Every word must occur, or a word beginning with it (\"lekk\" finds \"Lekkasje\");",
    "the best matches come first, a hit in a title above one in a comment, and of",
    "equally good ones the newest.",
    // InquiryQueries.RANKED: ranking every hit of a common word on a big file takes too long.
    "When more than 1,000 inquiries match, the 1,000 newest of them are ranked (or as",
    "many as --limit asks for) and older ones are left out, however well they match:",
    "more words or --status narrow the search to reach them, as does a higher --limit."},
        footerHeading = "%nExamples:%n",
        footer = {
            "  tenantdesk search lekkasje",
            "  tenantdesk search 'rørlegger taket' --status open",
            "  tenantdesk search heis --json | jq -r '.[].match.snippet'",
            "%nJSON output (--json):%n"
                    + "  An array of inquiries (the fields of inquiry list), each with%n"
                    + "  match{field, snippet}: where it matched best (title, description,%n"
                    + "  comment, task-title, task-description, task-note or attachment)%n"
                    + "  and the words around the match.",
        })
final class SearchCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    private final App app;

    @Parameters(arity = "1..*", paramLabel = "TEXT", description = "The words to look for.")
    private List<String> words;

    @Option(names = "--status", paramLabel = "STATUS", defaultValue = "all",
            description = "todo, in-progress, done, open (todo and in-progress) or all (default ${DEFAULT-VALUE}).")
    private String status;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "20",
            description = "At most N (default ${DEFAULT-VALUE}).")
    private int limit;

    SearchCommand(App app) {
        this.app = app;
    }

    @Override
    public Integer call() {
        String text = String.join(" ", words);
        InquiryQueries.SearchPage page = app.queries()
                .search(text, InquiryListCommand.statusFilter(spec, status), limit);
        Output output = app.output(spec);
        if (output.json()) {
            output.json(page.hits());
            return ExitCodes.OK;
        }
        if (page.hits().isEmpty()) {
            output.note("No inquiries match '" + TerminalText.line(text) + "'.");
            return ExitCodes.OK;
        }
        Table table = new Table().column("ID").column("STATUS").column("PRIORITY").flexible("TITLE", 16)
                .flexible("MATCH", 24);
        Palette palette = output.palette();
        for (SearchHit hit : page.hits()) {
            Inquiry i = hit.inquiry();
            // Table makes every cell terminal-safe, the snippet of a tenant's text included.
            table.row(i.id(), palette.status(i.status()), palette.priority(i.priority()), i.title(),
                    hit.match().field().cli() + ": " + hit.match().snippet());
        }
        output.table(table);
        output.cut(page.hits().size(), page.total());
        if (page.ranked() < page.total()) {
            output.note(InquiryListCommand.rankedNote(page.ranked(), page.total()));
        }
        return ExitCodes.OK;
    }
}
