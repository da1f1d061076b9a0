package no.tenantdesk.sla;

import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import no.tenantdesk.domain.Priority;

/** Each priority's targets, counted in the office's working time: the config's {@code sla:} made into deadlines. */
public final class SlaPolicy {

    /** A first answer within {@code respond}, done within {@code resolve}. */
    public record Targets(Span respond, Span resolve) {}

    public static final Map<Priority, Targets> DEFAULT_TARGETS = Map.of(
            Priority.URGENT, new Targets(Span.hours(1), Span.hours(4)),
            Priority.HIGH, new Targets(Span.hours(4), Span.days(2)),
            Priority.NORMAL, new Targets(Span.days(1), Span.days(5)),
            Priority.LOW, new Targets(Span.days(2), Span.days(10)));

    /** A deadline counted from {@code start}. */
    private record Counted(Instant start, Instant due) {}

    private final WorkingCalendar calendar;
    private final Map<Priority, Targets> targets;
    /**
     * Of each span, the deadline counted last: fetch-mail reads the clock once a batch, so every new inquiry of a
     * batch has the same deadlines, which are counted once instead of day by day for each (a twentieth of filing).
     */
    private final Map<Span, Counted> last = new ConcurrentHashMap<>();

    public SlaPolicy(WorkingCalendar calendar, Map<Priority, Targets> targets) {
        this.calendar = calendar;
        this.targets = new EnumMap<>(DEFAULT_TARGETS);
        this.targets.putAll(targets);
    }

    /** The defaults: Monday to Friday 08–16 in Oslo, closed on Norway's public holidays. */
    public static SlaPolicy defaults() {
        return new SlaPolicy(new WorkingCalendar(OfficeHours.OFFICE, new NorwegianHolidays()), Map.of());
    }

    public Targets targets(Priority priority) {
        return targets.get(priority);
    }

    /** When the first answer to an inquiry of this priority that came at {@code opened} is due. */
    public Instant respondBy(Priority priority, Instant opened) {
        return plus(opened, targets.get(priority).respond());
    }

    /** When an inquiry whose resolution clock started at {@code clockFrom} (opened, or reopened) is due done. */
    public Instant resolveBy(Priority priority, Instant clockFrom) {
        return plus(clockFrom, targets.get(priority).resolve());
    }

    private Instant plus(Instant start, Span span) {
        Counted counted = last.get(span);
        if (counted == null || !counted.start().equals(start)) {
            counted = new Counted(start, calendar.plus(start, span));
            last.put(span, counted);
        }
        return counted.due();
    }
}
