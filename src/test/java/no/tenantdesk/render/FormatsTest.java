package no.tenantdesk.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class FormatsTest {

    private static final Instant NOW = Instant.parse("2026-11-27T12:00:00Z");

    private final Formats formats = new Formats(ZoneOffset.UTC, NOW);

    private String ago(Duration duration) {
        return formats.age(NOW.minus(duration));
    }

    @Test
    void agesReadAsPeopleSayThem() {
        assertThat(ago(Duration.ofSeconds(20))).isEqualTo("just now");
        assertThat(ago(Duration.ofMinutes(5))).isEqualTo("5 min ago");
        assertThat(ago(Duration.ofMinutes(59))).isEqualTo("59 min ago");
        assertThat(ago(Duration.ofHours(3).plusMinutes(50))).isEqualTo("3 h ago");
        assertThat(ago(Duration.ofDays(2))).isEqualTo("2 d ago");
        assertThat(ago(Duration.ofDays(95))).isEqualTo("3 mo ago");
        assertThat(ago(Duration.ofDays(800))).isEqualTo("2 y ago");
        assertThat(formats.age(NOW.plus(Duration.ofHours(3)))).isEqualTo("in 3 h");
    }

    @Test
    void recentIsTheAgeForAWeekThenTheDate() {
        assertThat(formats.recent(NOW.minus(Duration.ofDays(6)))).isEqualTo("6 d ago");
        assertThat(formats.recent(NOW.minus(Duration.ofDays(8)))).isEqualTo("2026-11-19");
        assertThat(formats.recent(null)).isEqualTo("-");
    }

    @Test
    void aDeadlineReadsInTheWordsAndUnitsOfAnAge() {
        assertThat(formats.due(NOW.plus(Duration.ofSeconds(20)))).isEqualTo("in 1 min");
        assertThat(formats.due(NOW.plus(Duration.ofHours(47)))).isEqualTo("in 47 h");
        assertThat(formats.due(NOW.plus(Duration.ofHours(49)))).isEqualTo("in 2 d");
        assertThat(formats.due(NOW.minus(Duration.ofMinutes(20)))).isEqualTo("20 min late");
        assertThat(formats.due(NOW.minus(Duration.ofDays(3)))).isEqualTo("3 d late");
        assertThat(formats.due(null)).isEqualTo("-");
    }

    @Test
    void aTaskDueDateSaysTodayOrHowLateWhileTheTaskIsOpen() {
        LocalDate today = LocalDate.of(2026, 11, 27);
        assertThat(formats.dueDate(today, true)).isEqualTo("2026-11-27 (today)");
        assertThat(formats.dueDate(today.minusDays(3), true)).isEqualTo("2026-11-24 (3 d late)");
        assertThat(formats.dueDate(today.minusDays(3), false)).isEqualTo("2026-11-24");
        assertThat(formats.dueDate(today.plusDays(1), true)).isEqualTo("2026-11-28");
    }

    @Test
    void sizesUseDecimalUnits() {
        assertThat(Formats.size(999)).isEqualTo("999 B");
        assertThat(Formats.size(20_000)).isEqualTo("20.0 kB");
        assertThat(Formats.size(1_234_567)).isEqualTo("1.2 MB");
    }
}
