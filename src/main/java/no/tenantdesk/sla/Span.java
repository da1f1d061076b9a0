package no.tenantdesk.sla;

import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A deadline's target as the config writes it: minutes, hours or days. A day is a working day (as long as the office's
 * day) unless the office is open 24/7, when it is 24 hours.
 */
public record Span(long amount, Unit unit) {

    private static final Pattern FORM = Pattern.compile("(\\d{1,6})\\s*([mhd])");

    public enum Unit {
        MINUTES, HOURS, DAYS
    }

    public Span {
        Objects.requireNonNull(unit, "unit");
        if (amount < 0) {
            throw new IllegalArgumentException("a deadline cannot be negative");
        }
    }

    public static Span minutes(long amount) {
        return new Span(amount, Unit.MINUTES);
    }

    public static Span hours(long amount) {
        return new Span(amount, Unit.HOURS);
    }

    public static Span days(long amount) {
        return new Span(amount, Unit.DAYS);
    }

    /** "30m", "4h", "2d" (a space between is allowed); anything else is refused with the forms it takes. */
    public static Span parse(String text) {
        Matcher m = text == null ? null : FORM.matcher(text.strip().toLowerCase(Locale.ROOT));
        if (m == null || !m.matches()) {
            throw new IllegalArgumentException("'" + text + "' is not a duration (like 30m, 4h or 2d)");
        }
        long amount = Long.parseLong(m.group(1));
        return switch (m.group(2)) {
            case "m" -> minutes(amount);
            case "h" -> hours(amount);
            default -> days(amount);
        };
    }

    @Override
    public String toString() {
        return amount + switch (unit) {
            case MINUTES -> "m";
            case HOURS -> "h";
            case DAYS -> "d";
        };
    }
}
