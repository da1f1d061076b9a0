package no.tenantdesk.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
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
    void sizesUseDecimalUnits() {
        assertThat(Formats.size(999)).isEqualTo("999 B");
        assertThat(Formats.size(20_000)).isEqualTo("20.0 kB");
        assertThat(Formats.size(1_234_567)).isEqualTo("1.2 MB");
    }
}
