package no.tenantdesk.daemon;

/**
 * The daemon's three variables, read by the client before every command and by the daemon as it starts. A value that
 * is not what a variable takes is refused, never taken for the default: the client says so in one line and exits 2,
 * before it hands the command on or starts a daemon. Empty is unset, as for the shell's {@code VAR= command}.
 *
 * <p>Read on the client's usual path, so as {@link Client} is written: no regular expression, lambda or + but in
 * {@link #refusal}, which only an error reaches.
 */
final class DaemonSettings {

    static final String SWITCH = "TENANTDESK_DAEMON";
    static final String IDLE = "TENANTDESK_DAEMON_IDLE";
    static final String WARM_UP = "TENANTDESK_DAEMON_WARM_UP";

    static final long DEFAULT_IDLE_SECONDS = 600;
    /** A week: a daemon meant to stay for good is a service, not a user's warm JVM. */
    static final long MAX_IDLE_SECONDS = 604_800;
    static final long DEFAULT_WARM_UP_ROUNDS = 30;
    /** About a minute of a daemon's start at the default's half-second a round; more only delays its first answer. */
    static final long MAX_WARM_UP_ROUNDS = 1_000;

    private static final String[] OFF = {"off", "no", "false", "0"};
    private static final String[] ON = {"on", "yes", "true", "1"};

    private DaemonSettings() {}

    /** The one-line error for the first of the three that is not what it takes, or null when all are. */
    static String problem(String daemon, String idle, String warmUp) {
        if (daemon != null && !daemon.isEmpty() && !among(daemon, OFF) && !among(daemon, ON)) {
            return refusal(SWITCH, "on or off", daemon);
        }
        if (number(idle, MAX_IDLE_SECONDS, DEFAULT_IDLE_SECONDS) < 0) {
            return refusal(IDLE, "seconds from 0 to 604800", idle);
        }
        if (number(warmUp, MAX_WARM_UP_ROUNDS, DEFAULT_WARM_UP_ROUNDS) < 0) {
            return refusal(WARM_UP, "a number of rounds from 0 to 1000", warmUp);
        }
        return null;
    }

    /** Whether TENANTDESK_DAEMON turns the daemon off; its value checked by {@link #problem}. */
    static boolean off(String daemon) {
        return daemon != null && among(daemon, OFF);
    }

    static long idleSeconds(String idle) {
        return number(idle, MAX_IDLE_SECONDS, DEFAULT_IDLE_SECONDS);
    }

    static long warmUpRounds(String warmUp) {
        return number(warmUp, MAX_WARM_UP_ROUNDS, DEFAULT_WARM_UP_ROUNDS);
    }

    /** A whole number from 0 to max in plain digits; the default when unset or empty; -1 when anything else. */
    static long number(String text, long max, long byDefault) {
        if (text == null || text.isEmpty()) {
            return byDefault;
        }
        long value = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
            if (value > max) {
                return -1;
            }
        }
        return value;
    }

    private static boolean among(String value, String[] words) {
        for (String word : words) {
            if (word.equalsIgnoreCase(value)) {
                return true;
            }
        }
        return false;
    }

    // An error path: + is fine here.
    static String refusal(String variable, String takes, String value) {
        return variable + " must be " + takes + ", not '" + value + "'";
    }
}
