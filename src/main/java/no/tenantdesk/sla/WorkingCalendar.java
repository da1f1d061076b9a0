package no.tenantdesk.sla;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.function.Predicate;

/**
 * Deadlines counted in working time: the clock runs only in the office's hours, on its days, and not on a closed day
 * (a public holiday, or a day the config closes). Pure: the same start and target give the same deadline.
 */
public final class WorkingCalendar {

    /** Longer than any office stays closed: a calendar with no working day ahead is a mistake, not a wait. */
    private static final int MOST_CLOSED_DAYS = 366;

    private final OfficeHours hours;
    private final Predicate<LocalDate> closed;

    /** {@code closed}: whether the office is closed all that day (a holiday, a day the config names). */
    public WorkingCalendar(OfficeHours hours, Predicate<LocalDate> closed) {
        this.hours = hours;
        this.closed = closed;
    }

    /** The office's time zone: where "today" is. */
    public java.time.ZoneId zone() {
        return hours.zone();
    }

    /** The moment {@code span} of working time after {@code start}: the end of a working day rather than the next. */
    public Instant plus(Instant start, Span span) {
        Duration left = switch (span.unit()) {
            case MINUTES -> Duration.ofMinutes(span.amount());
            case HOURS -> Duration.ofHours(span.amount());
            case DAYS -> hours.day().multipliedBy(span.amount());
        };
        if (hours.always()) {
            return start.plus(left);
        }
        ZonedDateTime at = start.atZone(hours.zone());
        LocalDate day = at.toLocalDate();
        for (int skipped = 0; skipped <= MOST_CLOSED_DAYS; day = day.plusDays(1)) {
            if (!isWorkingDay(day)) {
                skipped++;
                continue;
            }
            skipped = 0;
            Instant opens = ZonedDateTime.of(day, hours.from(), hours.zone()).toInstant();
            Instant closes = ZonedDateTime.of(day, hours.to(), hours.zone()).toInstant();
            Instant from = start.isAfter(opens) ? start : opens;
            if (!from.isBefore(closes)) {
                continue;
            }
            Duration today = Duration.between(from, closes);
            if (today.compareTo(left) >= 0) {
                return from.plus(left);
            }
            left = left.minus(today);
        }
        throw new IllegalStateException("no working day in the " + MOST_CLOSED_DAYS + " days after " + day);
    }

    /** A day the clock runs on (some of): one of the office's days, not a holiday or a closed day. */
    public boolean isWorkingDay(LocalDate day) {
        return hours.always() || (hours.days().contains(day.getDayOfWeek()) && !closed.test(day));
    }
}
