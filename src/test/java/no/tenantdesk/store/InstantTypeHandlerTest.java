package no.tenantdesk.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class InstantTypeHandlerTest {

    private static final DateTimeFormatter ISO =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    @Test
    void writesWhatTheIsoFormatterWrites() {
        SplittableRandom random = new SplittableRandom(6);
        long first = Instant.parse("0000-01-01T00:00:00Z").getEpochSecond();
        long last = Instant.parse("9999-12-31T23:59:59Z").getEpochSecond();
        for (int i = 0; i < 100_000; i++) {
            Instant instant = Instant.ofEpochSecond(random.nextLong(first, last + 1), random.nextInt(1_000_000_000));
            assertThat(InstantTypeHandler.format(instant)).isEqualTo(ISO.format(instant.truncatedTo(ChronoUnit.MILLIS)));
        }
    }

    @Test
    void edgesAndYearsBeyondFourDigits() {
        assertThat(InstantTypeHandler.format(Instant.parse("2026-11-27T13:05:09.0079Z")))
                .isEqualTo("2026-11-27T13:05:09.007Z");
        assertThat(InstantTypeHandler.format(Instant.EPOCH)).isEqualTo("1970-01-01T00:00:00.000Z");
        assertThat(InstantTypeHandler.format(Instant.parse("1969-12-31T23:59:59.999Z")))
                .isEqualTo("1969-12-31T23:59:59.999Z");
        assertThat(InstantTypeHandler.format(Instant.parse("0000-01-01T00:00:00Z"))).isEqualTo("0000-01-01T00:00:00.000Z");
        assertThat(InstantTypeHandler.format(Instant.parse("9999-12-31T23:59:59.999Z")))
                .isEqualTo("9999-12-31T23:59:59.999Z");
        assertThat(InstantTypeHandler.format(Instant.parse("+10000-01-01T00:00:00Z")))
                .isEqualTo("+10000-01-01T00:00:00.000Z");
        assertThat(InstantTypeHandler.format(Instant.parse("-0001-06-01T00:00:00Z")))
                .isEqualTo("-0001-06-01T00:00:00.000Z");
    }

    @Test
    void readsWhatItWritesAsInstantParseReadsIt() {
        SplittableRandom random = new SplittableRandom(7);
        long first = Instant.parse("0000-01-01T00:00:00Z").getEpochSecond();
        long last = Instant.parse("9999-12-31T23:59:59Z").getEpochSecond();
        for (int i = 0; i < 100_000; i++) {
            Instant instant =
                    Instant.ofEpochSecond(random.nextLong(first, last + 1), random.nextInt(1_000) * 1_000_000);
            String text = InstantTypeHandler.format(instant);
            assertThat(InstantTypeHandler.parse(text)).isEqualTo(Instant.parse(text)).isEqualTo(instant);
        }
    }

    @Test
    void textOfAnotherShapeIsReadOrRefusedAsInstantParseDoes() {
        for (String text : new String[] {"2026-11-27T13:05:09Z", "2026-11-27T13:05:09.0079Z", "+10000-01-01T00:00:00Z",
            "2024-02-29T23:59:59.999Z", "2026-12-31T23:59:60.000Z", "2026-01-01T24:00:00.000Z"}) {
            assertThat(InstantTypeHandler.parse(text)).as(text).isEqualTo(Instant.parse(text));
        }
        for (String text : new String[] {"2026-13-01T00:00:00.000Z", "2026-02-29T00:00:00.000Z",
            "2026-01-01T00:60:00.000Z", "2026-01-01 00:00:00.000Z", "2026-01-01T00:00:00.000+", "x"}) {
            assertThatThrownBy(() -> InstantTypeHandler.parse(text)).as(text).isInstanceOf(DateTimeException.class);
        }
        assertThat(InstantTypeHandler.parse(null)).isNull();
    }
}
