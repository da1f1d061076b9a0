package no.tenantdesk.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import no.tenantdesk.domain.CliEnum;
import no.tenantdesk.domain.Contact;
import no.tenantdesk.domain.Inquiry;
import no.tenantdesk.domain.InvalidInputException;
import no.tenantdesk.domain.Location;
import no.tenantdesk.domain.Priority;
import no.tenantdesk.domain.Source;
import no.tenantdesk.render.TerminalText;
import no.tenantdesk.service.InquiryService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(name = "create", description = "Create an inquiry by hand: a phone call, a visit at the desk.",
        footerHeading = "%nExamples:%n",
        footer = {
            "  tenantdesk inquiry create --title Lekkasje --tenant kari --priority high",
            "  echo 'Det drypper.' | tenantdesk inquiry create --title Lekk --description -",
            "  tenantdesk inquiry create --title 'Knust rute' --location 'Bygg A' --json",
            HelpSections.INQUIRY_JSON,
        })
final class InquiryCreateCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    private final App app;

    // Not required by picocli: on a terminal a missing title is asked for; elsewhere call() fails as picocli would.
    @Option(names = "--title", paramLabel = "TEXT",
            description = "What it is about, in a line (asked for on a terminal).")
    private String title;

    @Option(names = "--description", paramLabel = "TEXT", description = "The whole story; - reads standard input.")
    private String description;

    @Option(names = "--description-file", paramLabel = "FILE", description = "Read the description from a file.")
    private Path descriptionFile;

    @Option(names = "--tenant", paramLabel = "WHO",
            description = "Who asks: contact id, e-mail or name; an unknown e-mail address becomes a new tenant.")
    private String tenant;

    @Option(names = "--location", paramLabel = "PATH",
            description = "Where, e.g. 'Bygg A/2. etasje/Kontor 204' (default: the tenant's location).")
    private String location;

    @Option(names = "--priority", paramLabel = "PRIORITY", completionCandidates = Spellings.Priorities.class,
            description = Spellings.PRIORITIES + "; default normal.")
    private Priority priority;

    @Option(names = "--assignee", paramLabel = "WHO", description = "The staff member or contractor responsible.")
    private String assignee;

    @Option(names = "--source", paramLabel = "SOURCE", description = "${COMPLETION-CANDIDATES} (default phone).")
    private Source source;

    @Option(names = "--attach", paramLabel = "FILE", description = "A file to keep with it (repeatable).")
    private List<Path> attachments = new ArrayList<>();

    InquiryCreateCommand(App app) {
        this.app = app;
    }

    @Override
    public Integer call() {
        if (title == null) {
            if (!app.environment().terminal()) {
                throw new ParameterException(spec.commandLine(), "Missing required option: '--title=TEXT'");
            }
            askForTheRest(app.environment().interaction());
        }
        String text = TextInput.read(description, descriptionFile, app.environment(), "--description",
                "--description-file");
        Inquiry inquiry = app.inquiries().create(new InquiryService.NewInquiry(
                title, text, tenant, location, priority, assignee, source, attachments), app.actor());
        Output output = app.output(spec);
        if (output.json()) {
            output.json(inquiry);
        } else {
            output.done("Created inquiry " + inquiry.id() + ": " + TerminalText.line(inquiry.title()));
        }
        return ExitCodes.OK;
    }

    /** A person at the desk with the tenant on the phone: ask for what the command line left out. */
    private void askForTheRest(Prompter prompter) {
        while (title == null || title.isEmpty()) {
            title = prompter.ask("Title", List.of());
        }
        if (description == null && descriptionFile == null) {
            description = emptyAsNull(prompter.ask("Description (optional)", List.of()));
        }
        if (tenant == null) {
            List<String> contacts = new ArrayList<>();
            for (Contact contact : app.contacts().list(null)) {
                contacts.add(contact.name());
                if (contact.email() != null) {
                    contacts.add(contact.email());
                }
            }
            tenant = emptyAsNull(prompter.ask("Tenant (name or e-mail, optional)", contacts));
        }
        if (location == null) {
            location = emptyAsNull(prompter.ask("Location (optional)",
                    app.locations().list().stream().map(Location::path).toList()));
        }
        while (priority == null) {
            String answer = prompter.ask("Priority (" + CliEnum.spellings(Priority.class) + "; Enter for normal)",
                    Arrays.stream(Priority.values()).map(Priority::cli).toList());
            if (answer.isEmpty()) {
                priority = Priority.NORMAL;
            } else {
                try {
                    priority = Priority.parse(answer);
                } catch (InvalidInputException e) {
                    spec.commandLine().getErr().println(e.getMessage());
                }
            }
        }
    }

    private static String emptyAsNull(String answer) {
        return answer.isEmpty() ? null : answer;
    }
}
