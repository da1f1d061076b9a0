package no.tenantdesk.sla;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Deadlines on real Norwegian calendars: office hours Monday to Friday 08–16 in Oslo, public holidays closed. */
class WorkingCalendarTest {

    private static final ZoneId OSLO = ZoneId.of("Europe/Oslo");

    private final NorwegianHolidays holidays = new NorwegianHolidays();
    private final WorkingCalendar office = new WorkingCalendar(OfficeHours.OFFICE, holidays);

    @Test
    void hoursWithinOneWorkingDayAreCountedOnTheClock() {
        assertThat(office.plus(oslo("2026-12-01T09:15"), Span.hours(4))).isEqualTo(oslo("2026-12-01T13:15"));
        assertThat(office.plus(oslo("2026-12-01T09:15"), Span.minutes(30))).isEqualTo(oslo("2026-12-01T09:45"));
    }

    @Test
    void whatIsLeftAtFourOClockRunsOnFromEightTheNextWorkingDay() {
        // Tuesday 15:00 + 4 h: one hour on Tuesday, three on Wednesday.
        assertThat(office.plus(oslo("2026-12-01T15:00"), Span.hours(4))).isEqualTo(oslo("2026-12-02T11:00"));
    }

    @Test
    void aWeekendStopsTheClock() {
        // Friday 15:00 + 2 h: Friday's last hour, then Monday's first.
        assertThat(office.plus(oslo("2026-12-04T15:00"), Span.hours(2))).isEqualTo(oslo("2026-12-07T09:00"));
    }

    @Test
    void anInquiryOutsideOfficeHoursStartsItsClockAtTheNextOpening() {
        assertThat(office.plus(oslo("2026-12-05T10:00"), Span.hours(1))).isEqualTo(oslo("2026-12-07T09:00"));
        assertThat(office.plus(oslo("2026-12-01T06:30"), Span.hours(1))).isEqualTo(oslo("2026-12-01T09:00"));
        assertThat(office.plus(oslo("2026-12-01T17:45"), Span.hours(1))).isEqualTo(oslo("2026-12-02T09:00"));
    }

    @Test
    void aWorkingDayIsTheOfficesDayAndEndsAtClosingRatherThanTheNextMorning() {
        assertThat(office.plus(oslo("2026-12-01T10:00"), Span.days(1))).isEqualTo(oslo("2026-12-02T10:00"));
        // Monday 08:00 + 5 days: Friday at four, not the Monday after at eight.
        assertThat(office.plus(oslo("2026-11-30T08:00"), Span.days(5))).isEqualTo(oslo("2026-12-04T16:00"));
        // Saturday's mail, one day: Monday at closing.
        assertThat(office.plus(oslo("2026-12-05T11:00"), Span.days(1))).isEqualTo(oslo("2026-12-07T16:00"));
    }

    @Test
    void easterClosesFromMaundyThursdayToEasterMonday() {
        // 2026: Maundy Thursday 2 April, Good Friday 3, Easter Monday 6. Wednesday 14:00 + 4 h: two hours on
        // Wednesday, two on Tuesday 7 April.
        assertThat(office.plus(oslo("2026-04-01T14:00"), Span.hours(4))).isEqualTo(oslo("2026-04-07T10:00"));
    }

    @Test
    void constitutionDayAndWhitMondayAreClosed() {
        // 2024: 17 May a Friday, Whit Monday the 20th. Thursday noon + 1 day: Thursday's four hours, Tuesday's four.
        assertThat(office.plus(oslo("2024-05-16T12:00"), Span.days(1))).isEqualTo(oslo("2024-05-21T12:00"));
    }

    @Test
    void christmasEveIsAWorkingDayUnlessTheConfigClosesIt() {
        // 2026: 24 December a Thursday (no public holiday), 25 and 26 are.
        Instant wednesday = oslo("2026-12-23T15:00");
        assertThat(office.plus(wednesday, Span.hours(4))).isEqualTo(oslo("2026-12-24T11:00"));

        Set<LocalDate> closed = Set.of(LocalDate.parse("2026-12-24"), LocalDate.parse("2026-12-31"));
        WorkingCalendar closedOnChristmasEve =
                new WorkingCalendar(OfficeHours.OFFICE, day -> closed.contains(day) || holidays.test(day));
        assertThat(closedOnChristmasEve.plus(wednesday, Span.hours(4))).isEqualTo(oslo("2026-12-28T11:00"));
    }

    @Test
    void aDeadlineCrossingAClosedDayAndNewYearSkipsThemBoth() {
        Set<LocalDate> closed = Set.of(LocalDate.parse("2026-12-31"));
        WorkingCalendar calendar =
                new WorkingCalendar(OfficeHours.OFFICE, day -> closed.contains(day) || holidays.test(day));
        // Wednesday 30 December 12:00 + 2 days: Wednesday's 4 h, then 31 (closed), 1 January (holiday) and the
        // weekend; Monday 4 January 8 h, Tuesday 4 h.
        assertThat(calendar.plus(oslo("2026-12-30T12:00"), Span.days(2))).isEqualTo(oslo("2027-01-05T12:00"));
    }

    @Test
    void aroundTheClockCountsEveryHourAndDayHolidaysToo() {
        WorkingCalendar always = new WorkingCalendar(OfficeHours.allHours(OSLO), holidays);
        assertThat(always.plus(oslo("2026-12-24T22:00"), Span.hours(4))).isEqualTo(oslo("2026-12-25T02:00"));
        assertThat(always.plus(oslo("2026-12-05T10:00"), Span.days(2))).isEqualTo(oslo("2026-12-07T10:00"));
    }

    @Test
    void theClockFollowsSummerTime() {
        // Summer time begins Sunday 29 March 2026; Friday 15:00 + 2 h is Monday 09:00 on the wall clock.
        Instant deadline = office.plus(oslo("2026-03-27T15:00"), Span.hours(2));
        assertThat(deadline).isEqualTo(oslo("2026-03-30T09:00"));
        assertThat(deadline.toString()).isEqualTo("2026-03-30T07:00:00Z");
    }

    @Test
    void aZeroTargetIsDueAtTheNextOpeningMoment() {
        assertThat(office.plus(oslo("2026-12-05T10:00"), Span.hours(0))).isEqualTo(oslo("2026-12-07T08:00"));
    }

    @Test
    void norwaysPublicHolidaysComeFromTheLibrary() {
        assertThat(holidays.test(LocalDate.parse("2026-04-02"))).as("Maundy Thursday").isTrue();
        assertThat(holidays.test(LocalDate.parse("2026-05-01"))).as("1 May").isTrue();
        assertThat(holidays.test(LocalDate.parse("2026-05-14"))).as("Ascension").isTrue();
        assertThat(holidays.test(LocalDate.parse("2026-05-17"))).as("17 May").isTrue();
        assertThat(holidays.test(LocalDate.parse("2026-05-25"))).as("Whit Monday").isTrue();
        assertThat(holidays.test(LocalDate.parse("2026-12-26"))).as("Boxing Day").isTrue();
        assertThat(holidays.test(LocalDate.parse("2026-12-24"))).as("Christmas Eve").isFalse();
        assertThat(holidays.test(LocalDate.parse("2026-12-02"))).isFalse();
    }

    private static Instant oslo(String localTime) {
        return ZonedDateTime.of(LocalDateTime.parse(localTime), OSLO).toInstant();
    }
}
