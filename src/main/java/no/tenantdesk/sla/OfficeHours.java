package no.tenantdesk.sla;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * When a deadline's clock runs: on these days of the week, from {@code from} to {@code to} in the office's time zone,
 * or always ({@link #allHours}), when holidays and closed days do not stop it either (a 24/7 on-call desk).
 */
public record OfficeHours(ZoneId zone, Set<DayOfWeek> days, LocalTime from, LocalTime to, boolean always) {

    public static final ZoneId OSLO = ZoneId.of("Europe/Oslo");

    /** Monday to Friday, 08:00 to 16:00 in Oslo: a Norwegian office's day. */
    public static final OfficeHours OFFICE = new OfficeHours(OSLO,
            EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), LocalTime.of(8, 0), LocalTime.of(16, 0), false);

    public OfficeHours {
        Objects.requireNonNull(zone, "zone");
        days = Set.copyOf(days);
        if (!always) {
            if (days.isEmpty()) {
                throw new IllegalArgumentException("the office hours have no days");
            }
            if (!from.isBefore(to)) {
                throw new IllegalArgumentException(
                        "the office hours end (" + to + ") before they begin (" + from + ")");
            }
        }
    }

    public static OfficeHours allHours(ZoneId zone) {
        return new OfficeHours(zone, Set.of(DayOfWeek.values()), LocalTime.MIN, LocalTime.MIN, true);
    }

    /** What a day of the targets counts: a working day's length, or 24 hours when always open. */
    Duration day() {
        return always ? Duration.ofDays(1) : Duration.between(from, to);
    }
}
