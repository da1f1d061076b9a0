package no.tenantdesk.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SpanTest {

    @Test
    void minutesHoursAndDaysAreRead() {
        assertThat(Span.parse("30m")).isEqualTo(Span.minutes(30));
        assertThat(Span.parse(" 4 h")).isEqualTo(Span.hours(4));
        assertThat(Span.parse("10D")).isEqualTo(Span.days(10));
    }

    @Test
    void anythingElseIsRefusedWithTheFormsItTakes() {
        for (String bad : new String[] {"2 weeks", "1.5h", "-1h", "h", "4", ""}) {
            assertThatThrownBy(() -> Span.parse(bad)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("'" + bad + "' is not a duration (like 30m, 4h or 2d)");
        }
    }
}
