package no.tenantdesk.render;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import no.tenantdesk.domain.ContactRef;
import no.tenantdesk.domain.LocationRef;

/** How values read in tables and timelines: local times to the minute, sizes in B/kB/MB, "-" for nothing. */
public final class Formats {

    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);

    private final ZoneId zone;

    public Formats(ZoneId zone) {
        this.zone = zone;
    }

    public String time(Instant instant) {
        return instant == null ? "-" : MINUTE.format(instant.atZone(zone));
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
