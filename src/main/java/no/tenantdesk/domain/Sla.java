package no.tenantdesk.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * An inquiry's deadlines: the first reply by {@code respondBy}, done by {@code resolveBy}.
 *
 * @param respondedAt when the first reply was sent; null until then
 * @param breached    the deadlines missed, when it was read ({@link #of})
 */
public record Sla(Instant respondBy, Instant resolveBy, Instant respondedAt, List<Deadline> breached) {

    public enum Deadline implements CliEnum {
        RESPOND, RESOLVE;

        @Override
        public String cli() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public Sla {
        breached = List.copyOf(breached);
    }

    /**
     * The deadlines as they stand at {@code now}; null when the inquiry has none yet. The response is missed when the
     * first reply came late or has not come in time, the resolution when the inquiry was done late ({@code
     * closedAt}) or is still open past it.
     */
    public static Sla of(Instant respondBy, Instant resolveBy, Instant respondedAt, Instant closedAt, Instant now) {
        if (respondBy == null || resolveBy == null) {
            return null;
        }
        List<Deadline> missed = new ArrayList<>(2);
        if ((respondedAt == null ? now : respondedAt).isAfter(respondBy)) {
            missed.add(Deadline.RESPOND);
        }
        if ((closedAt == null ? now : closedAt).isAfter(resolveBy)) {
            missed.add(Deadline.RESOLVE);
        }
        return new Sla(respondBy, resolveBy, respondedAt, missed);
    }

    /** The deadline still to meet: the response until the first reply, then the resolution; null once done. */
    public Instant due(Status status) {
        return status == Status.DONE ? null : respondedAt == null ? respondBy : resolveBy;
    }
}
