package no.tenantdesk.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import no.tenantdesk.domain.InvalidInputException;
import no.tenantdesk.domain.Priority;
import no.tenantdesk.sla.OfficeHours;
import no.tenantdesk.sla.Span;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SlaSettingsTest {

    @TempDir
    Path folder;

    @Test
    void officeHoursClosedDaysAndTargetsAreRead() throws Exception {
        SlaSettings sla = load("""
                sla:
                  hours: {time-zone: Europe/Oslo, days: mon-sat, from: "07:30", to: "15:30"}
                  closed: [2026-12-24, 2026-12-31]
                  urgent: {respond: 30m, resolve: 2h}
                  low: {resolve: 20d}
                """).sla();

        OfficeHours office = sla.hours().office();
        assertThat(office.zone()).isEqualTo(ZoneId.of("Europe/Oslo"));
        assertThat(office.days()).hasSize(6).doesNotContain(DayOfWeek.SUNDAY);
        assertThat(office.from()).isEqualTo(LocalTime.of(7, 30));
        assertThat(office.to()).isEqualTo(LocalTime.of(15, 30));
        var policy = sla.policy();
        assertThat(policy.targets(Priority.URGENT).respond()).isEqualTo(Span.minutes(30));
        assertThat(policy.targets(Priority.LOW).respond()).as("the default kept").isEqualTo(Span.days(2));
        assertThat(policy.targets(Priority.LOW).resolve()).isEqualTo(Span.days(20));
        // Wednesday 23 December 15:00 + 2 h: half an hour on Wednesday; 24 December is closed, 25 and 26 are
        // holidays, Sunday is no office day; Monday 28 from 07:30 the hour and a half left: 09:00 in Oslo.
        assertThat(policy.resolveBy(Priority.URGENT, Instant.parse("2026-12-23T14:00:00Z")))
                .isEqualTo(Instant.parse("2026-12-28T08:00:00Z"));
    }

    @Test
    void aroundTheClockIsWrittenAsTwentyFourSeven() throws Exception {
        SlaSettings sla = load("sla:\n  hours: 24/7\n").sla();
        assertThat(sla.hours().office().always()).isTrue();
        assertThat(sla.policy().resolveBy(Priority.HIGH, Instant.parse("2026-12-24T12:00:00Z")))
                .isEqualTo(Instant.parse("2026-12-26T12:00:00Z"));
    }

    @Test
    void noSlaSettingGivesTheDefaults() throws Exception {
        var policy = load("mail: {}\n").sla().policy();
        assertThat(policy.targets(Priority.NORMAL)).isEqualTo(new no.tenantdesk.sla.SlaPolicy.Targets(
                Span.days(1), Span.days(5)));
        assertThat(policy.targets(Priority.URGENT).resolve()).isEqualTo(Span.hours(4));
    }

    @Test
    void badSettingsAreOneLineErrorsNamingTheSetting() {
        assertBad("sla:\n  hours: always\n", "sla: hours: 'always' is not office hours");
        assertBad("sla:\n  hours: {from: \"16:00\", to: \"08:00\"}\n",
                "sla: hours: the office hours end (08:00) before they begin (16:00)");
        assertBad("sla:\n  hours: {from: \"8 o'clock\"}\n", "sla: hours: from '8 o'clock' is not a time");
        assertBad("sla:\n  hours: {days: mon-funday}\n", "sla: hours: days 'mon-funday' is not days of the week");
        assertBad("sla:\n  hours: {days: fri-mon}\n", "sla: hours: days 'fri-mon' is not days of the week");
        assertBad("sla:\n  hours: {time-zone: Oslo}\n", "sla: hours: time-zone 'Oslo' is not a time zone");
        assertBad("sla:\n  critical: {respond: 1h}\n", "unknown setting 'critical'");
        assertBad("sla:\n  high: {respond: 2 weeks}\n", "sla: high: respond: '2 weeks' is not a duration");
        assertBad("sla:\n  closed: [24.12.2026]\n", "sla: closed: '24.12.2026' is not a date");
    }

    private void assertBad(String yaml, String message) {
        assertThatThrownBy(() -> load(yaml)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining(message)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    private Config load(String yaml) throws Exception {
        return Config.load(Files.writeString(folder.resolve("tenantdesk.yaml"), yaml), true);
    }
}
