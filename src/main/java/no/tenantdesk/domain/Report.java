package no.tenantdesk.domain;

import java.time.LocalDate;
import java.util.List;

/**
 * How the desk did in a period, a line per group. Times are whole seconds, null when nothing was there to measure.
 *
 * @param to the last day of the period, included
 */
public record Report(LocalDate from, LocalDate to, ReportBy by, List<Line> lines) {

    public Report {
        lines = List.copyOf(lines);
    }

    /**
     * @param opened    inquiries that came in during the period
     * @param closed    inquiries done during the period
     * @param openAtEnd inquiries not done at the end of the group's period (a month's end, or the report's)
     * @param firstResponseMedian from an inquiry's arrival to the first reply sent to the tenant, for those opened
     * @param resolutionMedian    from arrival to done, for those closed
     * @param respondMissed       first-reply deadlines that passed in the group's period without a reply by then
     * @param resolveMissed       resolution deadlines that passed in the group's period with the inquiry not done
     */
    public record Line(
            String group,
            long opened,
            long closed,
            long openAtEnd,
            Long firstResponseMedian,
            Long firstResponseP90,
            Long resolutionMedian,
            Long resolutionP90,
            long respondMissed,
            long resolveMissed) {}
}
