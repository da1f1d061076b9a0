package no.tenantdesk.config;

import java.time.Duration;
import java.time.Period;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Sizes, durations and periods as the config file writes them ("25 MB", "1 h", "3 years"). */
final class Amounts {

    private static final Pattern SIZE = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(b|k|kb|kib|m|mb|mib|g|gb|gib)?");
    private static final Pattern DURATION = Pattern.compile("(\\d+)\\s*(s|sec|m|min|h|d)");
    private static final Pattern PERIOD = Pattern.compile("(\\d{1,4})\\s*(y|years?|months?|w|weeks?|d|days?)");

    private Amounts() {}

    /** "3 years", "18 months", "6 weeks", "90 days"; null stays null. */
    static Period period(String key, String text) {
        if (text == null) {
            return null;
        }
        Matcher m = PERIOD.matcher(text.strip().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new IllegalArgumentException("retention: " + key + ": '" + text
                    + "' is not a time (like 3 years, 18 months or 90 days)");
        }
        int amount = Integer.parseInt(m.group(1));
        if (amount == 0) {
            throw new IllegalArgumentException("retention: " + key + ": 0 would remove the bytes of every done"
                    + " inquiry at once; leave the setting out to keep them for ever");
        }
        return switch (m.group(2).charAt(0)) {
            case 'y' -> Period.ofYears(amount);
            case 'm' -> Period.ofMonths(amount);
            case 'w' -> Period.ofWeeks(amount);
            default -> Period.ofDays(amount);
        };
    }

    /** "30 min", "1 h", "2 d". */
    static Duration duration(String text) {
        Matcher m = DURATION.matcher(text.strip().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + text + "' is not a duration (like 30 min, 1 h or 2 d)");
        }
        long amount = Long.parseLong(m.group(1));
        return switch (m.group(2)) {
            case "s", "sec" -> Duration.ofSeconds(amount);
            case "m", "min" -> Duration.ofMinutes(amount);
            case "h" -> Duration.ofHours(amount);
            default -> Duration.ofDays(amount);
        };
    }

    /** "25 MB", "500k", "1.5 GB" or a number of bytes; units are powers of 1024, as file sizes are shown. */
    static long bytes(String size) {
        Matcher m = SIZE.matcher(size.strip().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + size + "' is not a size (like 25 MB)");
        }
        String unit = m.group(2) == null ? "b" : m.group(2).substring(0, 1);
        long factor = switch (unit) {
            case "k" -> 1024L;
            case "m" -> 1024L * 1024;
            case "g" -> 1024L * 1024 * 1024;
            default -> 1L;
        };
        return (long) (Double.parseDouble(m.group(1)) * factor);
    }
}
