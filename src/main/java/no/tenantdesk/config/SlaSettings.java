package no.tenantdesk.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import no.tenantdesk.domain.Priority;
import no.tenantdesk.sla.NorwegianHolidays;
import no.tenantdesk.sla.OfficeHours;
import no.tenantdesk.sla.SlaPolicy;
import no.tenantdesk.sla.Span;
import no.tenantdesk.sla.WorkingCalendar;

/**
 * The config's {@code sla:}: the office's hours, the days it is closed besides Norway's public holidays, and each
 * priority's targets (those not given keep their defaults). Everything is checked as it is read, so that a mistake
 * fails the command that reads the config, with the setting's name, not a deadline months later.
 */
public record SlaSettings(Hours hours, List<String> closed, Targets urgent, Targets high, Targets normal,
        Targets low) {

    /** English and Norwegian, Monday first. */
    private static final List<List<String>> DAY_NAMES = List.of(
            List.of("mon", "man"), List.of("tue", "tir"), List.of("wed", "ons"), List.of("thu", "tor"),
            List.of("fri", "fre"), List.of("sat", "lør", "lor"), List.of("sun", "søn", "son"));

    public static final SlaSettings DEFAULTS = new SlaSettings(null, null, null, null, null, null);

    public SlaSettings {
        hours = hours == null ? Hours.OFFICE : hours;
        closed = closed == null ? List.of() : List.copyOf(closed);
        closedDays(closed); // these fail on load
        targets(urgent, high, normal, low);
    }

    /**
     * {@code hours: {time-zone: Europe/Oslo, days: mon-fri, from: "08:00", to: "16:00"}} or {@code hours: 24/7}.
     */
    public record Hours(OfficeHours office) {

        static final Hours OFFICE = new Hours(OfficeHours.OFFICE);

        @JsonCreator(mode = JsonCreator.Mode.PROPERTIES)
        public static Hours of(@JsonProperty("time-zone") String timeZone, @JsonProperty("days") String days,
                @JsonProperty("from") String from, @JsonProperty("to") String to) {
            OfficeHours office = OfficeHours.OFFICE;
            try {
                return new Hours(new OfficeHours(timeZone == null ? office.zone() : zone(timeZone),
                        days == null ? office.days() : days(days),
                        from == null ? office.from() : time("from", from), to == null ? office.to() : time("to", to),
                        false));
            } catch (IllegalArgumentException e) {
                throw e.getMessage().startsWith("sla:") ? e
                        : new IllegalArgumentException("sla: hours: " + e.getMessage(), e);
            }
        }

        @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
        static Hours of(String text) {
            if (!text.strip().equals("24/7")) {
                throw new IllegalArgumentException("sla: hours: '" + text
                        + "' is not office hours (24/7, or time-zone, days, from and to)");
            }
            return new Hours(OfficeHours.allHours(OfficeHours.OSLO));
        }
    }

    /** {@code {respond: 4h, resolve: 2d}}; either may be left out. */
    public record Targets(String respond, String resolve) {}

    /** The deadlines these settings give, with Norway's public holidays closed. */
    public SlaPolicy policy() {
        Set<LocalDate> closedDays = closedDays(closed);
        NorwegianHolidays holidays = new NorwegianHolidays();
        WorkingCalendar calendar = new WorkingCalendar(hours.office(),
                day -> closedDays.contains(day) || holidays.test(day));
        return new SlaPolicy(calendar, targets(urgent, high, normal, low));
    }

    private static Map<Priority, SlaPolicy.Targets> targets(Targets urgent, Targets high, Targets normal,
            Targets low) {
        Map<Priority, SlaPolicy.Targets> targets = new EnumMap<>(Priority.class);
        put(targets, Priority.URGENT, urgent);
        put(targets, Priority.HIGH, high);
        put(targets, Priority.NORMAL, normal);
        put(targets, Priority.LOW, low);
        return targets;
    }

    private static void put(Map<Priority, SlaPolicy.Targets> targets, Priority priority, Targets given) {
        if (given != null) {
            SlaPolicy.Targets defaults = SlaPolicy.DEFAULT_TARGETS.get(priority);
            targets.put(priority, new SlaPolicy.Targets(span(priority, "respond", given.respond(), defaults.respond()),
                    span(priority, "resolve", given.resolve(), defaults.resolve())));
        }
    }

    private static Span span(Priority priority, String name, String text, Span otherwise) {
        try {
            return text == null ? otherwise : Span.parse(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("sla: " + priority.cli() + ": " + name + ": " + e.getMessage(), e);
        }
    }

    private static Set<LocalDate> closedDays(List<String> closed) {
        Set<LocalDate> days = new HashSet<>();
        for (String day : closed) {
            try {
                days.add(LocalDate.parse(day == null ? "" : day.strip()));
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("sla: closed: '" + day + "' is not a date (like 2026-12-24)", e);
            }
        }
        return days;
    }

    private static ZoneId zone(String text) {
        try {
            return ZoneId.of(text.strip());
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("sla: hours: time-zone '" + text + "' is not a time zone (like"
                    + " Europe/Oslo)", e);
        }
    }

    private static LocalTime time(String name, String text) {
        try {
            return LocalTime.parse(text.strip().length() == 4 ? "0" + text.strip() : text.strip());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("sla: hours: " + name + " '" + text + "' is not a time (like 08:00)",
                    e);
        }
    }

    /** "mon-fri", "mon-sat", "mon,wed,fri", or Norwegian: "man-fre". */
    static Set<DayOfWeek> days(String text) {
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        for (String part : text.toLowerCase(Locale.ROOT).split(",", -1)) {
            String[] range = part.strip().split("\\s*-\\s*", -1);
            if (range.length > 2) {
                throw badDays(text);
            }
            DayOfWeek first = day(range[0], text);
            DayOfWeek last = range.length == 2 ? day(range[1], text) : first;
            if (last.compareTo(first) < 0) {
                throw badDays(text);
            }
            days.addAll(EnumSet.range(first, last));
        }
        return days;
    }

    private static DayOfWeek day(String word, String text) {
        String w = word.strip();
        for (int i = 0; i < DAY_NAMES.size(); i++) {
            if (DAY_NAMES.get(i).contains(w)) {
                return DayOfWeek.of(i + 1);
            }
        }
        throw badDays(text);
    }

    private static IllegalArgumentException badDays(String text) {
        return new IllegalArgumentException("sla: hours: days '" + text + "' is not days of the week (like mon-fri)");
    }
}
