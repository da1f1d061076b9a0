package no.tenantdesk.cli;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import no.tenantdesk.domain.ContactRole;
import no.tenantdesk.domain.InvalidInputException;
import no.tenantdesk.domain.Priority;
import no.tenantdesk.domain.ReportBy;
import no.tenantdesk.domain.Source;
import no.tenantdesk.domain.Status;
import no.tenantdesk.domain.TaskKind;
import picocli.CommandLine;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * How the commands read their arguments: ids as users copy them, due dates in words, "-" as a stream, and the users'
 * own spellings of statuses, priorities and kinds. A word that is none of these is a one-line error, never a guess.
 */
final class Converters {

    private static final Pattern URL = Pattern.compile("[A-Za-z][A-Za-z0-9+.-]*://");
    private static final Pattern RELATIVE = Pattern.compile("([+-])(\\d{1,4})([dw]?)");

    private Converters() {}

    /** Registers them on the command and the subcommands it has now. */
    static void register(CommandLine commandLine, Environment environment) {
        commandLine.registerConverter(long.class, Converters::id);
        commandLine.registerConverter(Long.class, Converters::id);
        commandLine.registerConverter(int.class, Converters::count);
        commandLine.registerConverter(Integer.class, Converters::count);
        commandLine.registerConverter(LocalDate.class, text -> date(text, today(environment), Days.AHEAD));
        // "-" is standard input or output, not a file in the user's folder.
        commandLine.registerConverter(Path.class,
                name -> name.equals("-") ? Environment.STANDARD_STREAM : path(name, environment));
        commandLine.registerConverter(Status.class, spelled(Status::parse));
        commandLine.registerConverter(Priority.class, spelled(Priority::parse));
        commandLine.registerConverter(Source.class, spelled(Source::parse));
        commandLine.registerConverter(ContactRole.class, spelled(ContactRole::parse));
        commandLine.registerConverter(TaskKind.class, spelled(TaskKind::parse));
        commandLine.registerConverter(ReportBy.class, spelled(ReportBy::parse));
    }

    /**
     * A file's or folder's path as the user typed it, in their folder. Empty would be that folder itself, and a URL a
     * folder named after its scheme ("https:/host/file"): both refused, not read as a path.
     */
    static Path path(String name, Environment environment) {
        if (name.isBlank()) {
            throw new TypeConversionException("a file's path is empty");
        }
        if (isUrl(name)) {
            throw new TypeConversionException("'" + name + "' is a URL; give a file's path");
        }
        return environment.path(name);
    }

    /** Whether a text begins as a URL does ("https://", "file://"): where a path goes, it would become a folder. */
    static boolean isUrl(String text) {
        return URL.matcher(text).lookingAt();
    }

    /** Ids as users copy them from mail subjects and tables: "12" or "#12". */
    static long id(String text) {
        String digits = text.startsWith("#") ? text.substring(1) : text;
        if (!digits.matches("\\d{1,18}")) {
            throw new TypeConversionException("'" + text + "' is not an id (a whole number)");
        }
        return Long.parseLong(digits);
    }

    /**
     * What every number option takes (--limit, --port): a whole number from 1. Said with its range rather than
     * picocli's "is not an int", which tells a user of 99999999999 nothing.
     */
    static int count(String text) {
        if (!text.matches("\\d{1,10}") || Long.parseLong(text) < 1 || Long.parseLong(text) > Integer.MAX_VALUE) {
            throw new TypeConversionException("'" + text + "' is not a whole number from 1 to " + Integer.MAX_VALUE);
        }
        return Integer.parseInt(text);
    }

    /** Which way from today a date in words goes: a due date ahead, a report's days back. */
    enum Days {
        AHEAD("tomorrow", '+', "2026-12-01, today, tomorrow, +3d or +2w"),
        BACK("yesterday", '-', "2026-12-01, today, yesterday, -30d or -4w");

        private final String nextDay;
        private final char sign;
        private final String forms;

        Days(String nextDay, char sign, String forms) {
            this.nextDay = nextDay;
            this.sign = sign;
            this.forms = forms;
        }
    }

    /**
     * A date: 2026-12-01, today, or the day and a number of days or weeks from today the way {@code days} goes
     * (tomorrow, +3, +3d, +2w; yesterday, -30d, -4w).
     */
    static LocalDate date(String text, LocalDate today, Days days) {
        String wanted = text.strip().toLowerCase(Locale.ROOT);
        if (wanted.equals("today")) {
            return today;
        }
        int step = days == Days.AHEAD ? 1 : -1;
        if (wanted.equals(days.nextDay)) {
            return today.plusDays(step);
        }
        Matcher relative = RELATIVE.matcher(wanted);
        if (relative.matches() && relative.group(1).charAt(0) == days.sign) {
            int amount = step * Integer.parseInt(relative.group(2));
            return relative.group(3).equals("w") ? today.plusWeeks(amount) : today.plusDays(amount);
        }
        try {
            return LocalDate.parse(wanted);
        } catch (DateTimeParseException e) {
            throw new TypeConversionException("'" + text + "' is not a date (give " + days.forms + ")");
        }
    }

    /** A report's first and last day, back from today; made by {@link App} as picocli makes a command. */
    static final class ReportDay implements ITypeConverter<LocalDate> {

        private final App app;

        ReportDay(App app) {
            this.app = app;
        }

        @Override
        public LocalDate convert(String text) {
            return date(text, today(app.environment()), Days.BACK);
        }
    }

    private static LocalDate today(Environment environment) {
        return LocalDate.now(environment.clock().withZone(environment.zone()));
    }

    private static <T> ITypeConverter<T> spelled(Function<String, T> parse) {
        return text -> {
            try {
                return parse.apply(text);
            } catch (InvalidInputException e) {
                throw new TypeConversionException(e.getMessage());
            }
        };
    }
}
