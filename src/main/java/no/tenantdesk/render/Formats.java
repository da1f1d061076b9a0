package no.tenantdesk.render;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import no.tenantdesk.domain.ContactRef;
import no.tenantdesk.domain.LocationRef;

/**
 * How values read in tables and timelines: local times to the minute with how long ago beside them, sizes in
 * B/kB/MB, "-" for nothing.
 */
public final class Formats {

    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);

    private final ZoneId zone;
    private final Instant now;

    public Formats(ZoneId zone, Instant now) {
        this.zone = zone;
        this.now = now;
    }

    public String time(Instant instant) {
        return instant == null ? "-" : MINUTE.format(instant.atZone(zone));
    }

    /** "2026-11-27 09:12 (3 h ago)". */
    public String timeAndAge(Instant instant) {
        return instant == null ? "-" : time(instant) + " (" + age(instant) + ")";
    }

    /** "just now", "5 min ago", "3 h ago", "2 d ago", "5 mo ago", "2 y ago"; "in 3 h" for the future. */
    public String age(Instant instant) {
        long seconds = Duration.between(instant, now).toSeconds();
        long abs = Math.abs(seconds);
        if (abs < 60) {
            return "just now";
        }
        String amount = abs < 3600 ? abs / 60 + " min"
                : abs < 86_400 ? abs / 3600 + " h"
                : abs < 60 * 86_400 ? abs / 86_400 + " d"
                : abs < 730 * 86_400 ? abs / (30 * 86_400) + " mo"
                : abs / (365 * 86_400) + " y";
        return seconds >= 0 ? amount + " ago" : "in " + amount;
    }

    /** For a table: how long ago for the last week, the date before that. */
    public String recent(Instant instant) {
        if (instant == null) {
            return "-";
        }
        return Duration.between(instant, now).abs().toDays() < 7 ? age(instant) : date(instant);
    }

    /**
     * The time left to a deadline or past it, in Norwegian as the office says it: "om 45 min", "om 2 t", "om 3 d",
     * "20 min over", "5 t over", "3 d over"; "-" for none. Hours up to two days, then days.
     */
    public String due(Instant deadline) {
        if (deadline == null) {
            return "-";
        }
        long seconds = Duration.between(now, deadline).toSeconds();
        long abs = Math.abs(seconds);
        String amount = abs < 3600 ? Math.max(1, abs / 60) + " min"
                : abs < 48 * 3600 ? abs / 3600 + " t"
                : abs / 86_400 + " d";
        return seconds >= 0 ? "om " + amount : amount + " over";
    }

    /**
     * A task's due date, and how late when it has passed for a task still open: "2026-12-04 (3 d over)", "2026-12-07
     * (i dag)"; the date alone when it is ahead or the task is done; "-" for none.
     */
    public String dueDate(LocalDate due, boolean open) {
        if (due == null) {
            return "-";
        }
        long late = ChronoUnit.DAYS.between(due, today());
        return !open || late < 0 ? due.toString() : due + (late == 0 ? " (i dag)" : " (" + late + " d over)");
    }

    /** Past {@code due} (a date, due by its end), as {@link Palette#due} colours it: negative when late. */
    public Duration left(LocalDate due) {
        return Duration.between(now, due.plusDays(1).atStartOfDay(zone).toInstant());
    }

    private LocalDate today() {
        return now.atZone(zone).toLocalDate();
    }

    /** How long is left to {@code deadline}: negative when it has passed. */
    public Duration left(Instant deadline) {
        return Duration.between(now, deadline);
    }

    public String date(Instant instant) {
        return instant == null ? "-" : instant.atZone(zone).toLocalDate().toString();
    }

    public static String size(long bytes) {
        if (bytes < 1000) {
            return bytes + " B";
        }
        if (bytes < 1_000_000) {
            return String.format(Locale.ROOT, "%.1f kB", bytes / 1000.0);
        }
        return String.format(Locale.ROOT, "%.1f MB", bytes / 1_000_000.0);
    }

    /** "1 inquiry", "3 inquiries", "0 mails": a count and its noun, which is one thing or many. */
    public static String count(long n, String noun) {
        if (n == 1) {
            return n + " " + noun;
        }
        return n + " " + (noun.endsWith("y") ? noun.substring(0, noun.length() - 1) + "ies" : noun + "s");
    }

    public static String name(ContactRef ref) {
        return ref == null ? "-" : ref.name();
    }

    public static String label(ContactRef ref) {
        return ref == null ? "-" : ref.label();
    }

    public static String path(LocationRef ref) {
        return ref == null ? "-" : ref.path();
    }

    public static String orDash(Object value) {
        return value == null || value.toString().isEmpty() ? "-" : value.toString();
    }
}
