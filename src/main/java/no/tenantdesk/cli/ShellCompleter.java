package no.tenantdesk.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import no.tenantdesk.domain.Contact;
import no.tenantdesk.domain.Inquiry;
import no.tenantdesk.domain.Location;
import no.tenantdesk.domain.Task;
import no.tenantdesk.render.TerminalText;
import no.tenantdesk.service.InquiryQueries;
import no.tenantdesk.service.TaskService;
import org.jline.builtins.Completers.FileNameCompleter;
import org.jline.reader.Candidate;
import org.jline.reader.Completer;
import org.jline.reader.LineReader;
import org.jline.reader.ParsedLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * Tab completion from the picocli model (commands, subcommands, options, enum values as the CLI spells them) and
 * from the database (inquiry and task ids, contacts for WHO, location paths, organizations for ORG). JLine keeps the
 * candidates that match what was typed.
 */
final class ShellCompleter implements Completer {

    /** How many inquiries are offered: the newest; older ones are typed. */
    private static final int INQUIRIES = 200;

    private final CommandSpec root;
    private final App app;

    ShellCompleter(CommandSpec root, App app) {
        this.root = root;
        this.app = app;
    }

    @Override
    public void complete(LineReader reader, ParsedLine line, List<Candidate> candidates) {
        CommandSpec command = root;
        ArgSpec awaitingValue = null;
        int position = 0;
        List<String> words = line.words();
        for (int i = 0; i < line.wordIndex() && i < words.size(); i++) {
            String word = words.get(i);
            if (awaitingValue != null) {
                awaitingValue = null;
            } else if (position == 0 && command.subcommands().containsKey(word)) {
                command = command.subcommands().get(word).getCommandSpec();
            } else if (word.startsWith("-") && word.length() > 1) {
                String name = word.contains("=") ? word.substring(0, word.indexOf('=')) : word;
                OptionSpec option = command.findOption(name);
                if (option != null && option.arity().max() > 0 && !word.contains("=")) {
                    awaitingValue = option;
                }
            } else {
                position++;
            }
        }
        String typed = line.word().substring(0, Math.min(line.wordCursor(), line.word().length()));
        if (awaitingValue != null) {
            values(command, awaitingValue, reader, line, candidates);
        } else if (typed.startsWith("-")) {
            options(command, candidates);
        } else {
            if (position == 0) {
                commands(command, candidates);
            }
            for (PositionalParamSpec positional : command.positionalParameters()) {
                if (positional.index().contains(position)) {
                    values(command, positional, reader, line, candidates);
                }
            }
        }
    }

    private static void options(CommandSpec command, List<Candidate> candidates) {
        for (OptionSpec option : command.options()) {
            if (!option.hidden()) {
                String description = option.description().length > 0 ? option.description()[0] : null;
                for (String name : option.names()) {
                    candidates.add(new Candidate(name, name, "options", description, null, null, true));
                }
            }
        }
    }

    /** The command's subcommands; at the top, also the shell's own words (but not the shell again). */
    private void commands(CommandSpec command, List<Candidate> candidates) {
        for (var sub : command.subcommands().entrySet()) {
            if (!(command == root && sub.getKey().equals("shell"))) {
                String[] description = sub.getValue().getCommandSpec().usageMessage().description();
                candidates.add(new Candidate(sub.getKey(), sub.getKey(), "commands",
                        description.length > 0 ? description[0] : null, null, null, true));
            }
        }
        if (command == root) {
            candidates.add(new Candidate("help", "help", "commands", "List the commands", null, null, true));
            candidates.add(new Candidate("exit", "exit", "commands", "End the session", null, null, true));
        }
    }

    private void values(CommandSpec command, ArgSpec arg, LineReader reader, ParsedLine line,
            List<Candidate> candidates) {
        String option = arg instanceof OptionSpec o ? o.longestName() : "";
        if (arg.completionCandidates() != null) {
            arg.completionCandidates().forEach(value -> candidates.add(plain(value)));
        } else if (option.equals("--status")) {
            List.of("todo", "in-progress", "done", "open", "all").forEach(value -> candidates.add(plain(value)));
        } else if (option.equals("--sort")) {
            List.of("priority", "created", "updated", "id", "title", "status")
                    .forEach(value -> candidates.add(plain(value)));
        } else if (arg.paramLabel().equals("WHO")) {
            fromDatabase(candidates, () -> contacts());
        } else if (arg.paramLabel().equals("ORG")) {
            fromDatabase(candidates, () -> organizations());
        } else if (arg.paramLabel().equals("ID")) {
            fromDatabase(candidates, () -> inquiries());
        } else if (arg.paramLabel().equals("TID")) {
            fromDatabase(candidates, () -> tasks());
        } else if (option.equals("--location") || (arg.isPositional() && inLocationCommand(command))) {
            fromDatabase(candidates, () -> locations());
        } else if (arg.paramLabel().equals("FILE") || arg.paramLabel().equals("PATH")) {
            new FileNameCompleter().complete(reader, line, candidates);
        }
    }

    private static boolean inLocationCommand(CommandSpec command) {
        return command.parent() != null && command.parent().name().equals("location");
    }

    private static Candidate plain(String value) {
        return new Candidate(value, value, null, null, null, null, true);
    }

    /** A database that cannot be read now (missing, busy) offers nothing; the line itself will say why. */
    private static void fromDatabase(List<Candidate> candidates, Supplier<List<Candidate>> query) {
        try {
            candidates.addAll(query.get());
        } catch (RuntimeException e) {
            // nothing to offer
        }
    }

    private List<Candidate> inquiries() {
        List<Inquiry> inquiries = app.queries().list(new InquiryQueries.Query(InquiryQueries.StatusFilter.ALL,
                false, null, null, null, null, null, null, InquiryQueries.Sort.ID, true, INQUIRIES)).inquiries();
        return inquiries.stream().map(i -> new Candidate(String.valueOf(i.id()), String.valueOf(i.id()), null,
                TerminalText.line(i.title()), null, null, true)).toList();
    }

    private List<Candidate> tasks() {
        List<Task> tasks = app.tasks().list(new TaskService.Query(null, null, null, null)).tasks();
        return tasks.stream().map(t -> new Candidate(String.valueOf(t.id()), String.valueOf(t.id()), null,
                TerminalText.line(t.title()), null, null, true)).toList();
    }

    private List<Candidate> contacts() {
        List<Candidate> candidates = new ArrayList<>();
        for (Contact contact : app.contacts().list(null)) {
            candidates.add(new Candidate(contact.name(), TerminalText.line(contact.name()), "names",
                    contact.email() == null ? null : TerminalText.line(contact.email()), null, null, true));
            if (contact.email() != null) {
                candidates.add(new Candidate(contact.email(), TerminalText.line(contact.email()), "e-mail",
                        TerminalText.line(contact.name()), null, null, true));
            }
        }
        return candidates;
    }

    /** By name, with their domains beside; a domain is typed, as ORG takes one too. */
    private List<Candidate> organizations() {
        return app.organizations().list().stream().map(org -> new Candidate(org.name(), TerminalText.line(org.name()),
                null, org.domains().isEmpty() ? null : TerminalText.line(String.join(", ", org.domains())), null, null,
                true)).toList();
    }

    private List<Candidate> locations() {
        return app.locations().list().stream().map(Location::path)
                .map(path -> new Candidate(path, TerminalText.line(path), null, null, null, null, true)).toList();
    }
}
