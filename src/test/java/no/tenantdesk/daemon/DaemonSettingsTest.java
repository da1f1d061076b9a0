package no.tenantdesk.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The daemon's variables: what each takes, and the one-line error for anything else, never the default. */
class DaemonSettingsTest {

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(delimiter = '|', nullValues = "null", value = {
        "TENANTDESK_DAEMON          | of          | on or off",
        "TENANTDESK_DAEMON          | ' off'      | on or off",
        "TENANTDESK_DAEMON          | disabled    | on or off",
        "TENANTDESK_DAEMON_IDLE     | 10m         | seconds from 0 to 604800",
        "TENANTDESK_DAEMON_IDLE     | -1          | seconds from 0 to 604800",
        "TENANTDESK_DAEMON_IDLE     | 604801      | seconds from 0 to 604800",
        "TENANTDESK_DAEMON_IDLE     | 99999999999999999999999 | seconds from 0 to 604800",
        "TENANTDESK_DAEMON_IDLE     | ' 60'       | seconds from 0 to 604800",
        "TENANTDESK_DAEMON_IDLE     | 1.5         | seconds from 0 to 604800",
        "TENANTDESK_DAEMON_IDLE     | ６０         | seconds from 0 to 604800",
        "TENANTDESK_DAEMON_WARM_UP  | thirty      | a number of rounds from 0 to 1000",
        "TENANTDESK_DAEMON_WARM_UP  | 1001        | a number of rounds from 0 to 1000",
        "TENANTDESK_DAEMON_WARM_UP  | +5          | a number of rounds from 0 to 1000",
    })
    void aValueThatIsNotWhatTheVariableTakesIsRefusedNamingIt(String variable, String value, String takes) {
        String problem = DaemonSettings.problem(variable.equals("TENANTDESK_DAEMON") ? value : null,
                variable.equals("TENANTDESK_DAEMON_IDLE") ? value : null,
                variable.equals("TENANTDESK_DAEMON_WARM_UP") ? value : null);

        assertThat(problem).isEqualTo(variable + " must be " + takes + ", not '" + value + "'");
    }

    @ParameterizedTest(name = "daemon={0} idle={1} warm-up={2}")
    @CsvSource(delimiter = '|', nullValues = "null", value = {
        // daemon | idle   | warm-up | off   | idle seconds | rounds
        "null     | null   | null    | false | 600          | 30",
        "''       | ''     | ''      | false | 600          | 30",
        "off      | 0      | 0       | true  | 0            | 0",
        "OFF      | 604800 | 1000    | true  | 604800       | 1000",
        "no       | 1      | 007     | true  | 1            | 7",
        "false    | 60     | 30      | true  | 60           | 30",
        "0        | 60     | 30      | true  | 60           | 30",
        "on       | 60     | 30      | false | 60           | 30",
        "Yes      | 60     | 30      | false | 60           | 30",
        "true     | 60     | 30      | false | 60           | 30",
        "1        | 60     | 30      | false | 60           | 30",
    })
    void whatEachTakesAndEmptyIsUnset(String daemon, String idle, String warmUp, boolean off, long seconds,
            long rounds) {
        assertThat(DaemonSettings.problem(daemon, idle, warmUp)).isNull();
        assertThat(DaemonSettings.off(daemon)).isEqualTo(off);
        assertThat(DaemonSettings.idleSeconds(idle)).isEqualTo(seconds);
        assertThat(DaemonSettings.warmUpRounds(warmUp)).isEqualTo(rounds);
    }
}
