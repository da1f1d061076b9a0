package no.tenantdesk.service;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import no.tenantdesk.domain.Report;
import no.tenantdesk.domain.ReportBy;
import no.tenantdesk.store.ReportMapper.Row;

/**
 * The arithmetic of a report, a pure function of the rows: an inquiry counts as opened in the group of the day it
 * came, as closed in the group of the day it was done (by month these differ), and as open at the end of each
 * group's period it outlived, and a deadline as missed in the group of the day it passed unmet (only once passed:
 * a report to today does not count this afternoon's deadline). Medians and 90th percentiles are of the exact values
 * (nearest rank), not estimates.
 */
final class ReportTally {

    static final String NONE = "(none)";

    private ReportTally() {}

    private static final class Group {
        long opened;
        long closed;
        long openAtEnd;
        long respondMissed;
        long resolveMissed;
        final List<Long> firstResponse = new ArrayList<>();
        final List<Long> resolution = new ArrayList<>();
    }

    static Report tally(List<Row> rows, ReportBy by, LocalDate from, LocalDate to, ZoneId zone, Instant now) {
        Instant start = from.atStartOfDay(zone).toInstant();
        Instant end = to.plusDays(1).atStartOfDay(zone).toInstant();
        Map<String, Group> groups = new TreeMap<>();
        if (by == ReportBy.MONTH) {
            for (YearMonth m = YearMonth.from(from); !m.isAfter(YearMonth.from(to)); m = m.plusMonths(1)) {
                groups.put(m.toString(), new Group());
            }
        }
        Function<Instant, String> month = at -> YearMonth.from(at.atZone(zone)).toString();
        for (Row row : rows) {
            String key = by == ReportBy.MONTH ? null : row.grouping() == null ? NONE : row.grouping();
            if (inside(row.createdAt(), start, end)) {
                Group g = groups.computeIfAbsent(key != null ? key : month.apply(row.createdAt()), k -> new Group());
                g.opened++;
                if (row.firstReply() != null) {
                    g.firstResponse.add(seconds(row.createdAt(), row.firstReply()));
                }
            }
            if (row.closedAt() != null && inside(row.closedAt(), start, end)) {
                Group g = groups.computeIfAbsent(key != null ? key : month.apply(row.closedAt()), k -> new Group());
                g.closed++;
                g.resolution.add(seconds(row.createdAt(), row.closedAt()));
            }
            if (missed(row.respondBy(), row.respondedAt(), start, end, now)) {
                groups.computeIfAbsent(key != null ? key : month.apply(row.respondBy()), k -> new Group())
                        .respondMissed++;
            }
            if (missed(row.resolveBy(), row.closedAt(), start, end, now)) {
                groups.computeIfAbsent(key != null ? key : month.apply(row.resolveBy()), k -> new Group())
                        .resolveMissed++;
            }
            if (key != null) {
                if (row.closedAt() == null || !row.closedAt().isBefore(end)) {
                    groups.computeIfAbsent(key, k -> new Group()).openAtEnd++;
                }
            } else {
                countOpenMonths(groups, row, from, to, zone, end);
            }
        }
        List<Report.Line> lines = new ArrayList<>();
        groups.forEach((name, g) -> lines.add(new Report.Line(name, g.opened, g.closed, g.openAtEnd,
                percentile(g.firstResponse, 50), percentile(g.firstResponse, 90),
                percentile(g.resolution, 50), percentile(g.resolution, 90), g.respondMissed, g.resolveMissed)));
        return new Report(from, to, by, lines);
    }

    /** The months of the period at whose end (or the period's, for its last) the inquiry was still open. */
    private static void countOpenMonths(Map<String, Group> groups, Row row, LocalDate from, LocalDate to,
            ZoneId zone, Instant end) {
        YearMonth last = YearMonth.from(to);
        YearMonth m = YearMonth.from(row.createdAt().atZone(zone));
        if (m.isBefore(YearMonth.from(from))) {
            m = YearMonth.from(from);
        }
        for (; !m.isAfter(last); m = m.plusMonths(1)) {
            Instant monthEnd = m.equals(last) ? end : m.plusMonths(1).atDay(1).atStartOfDay(zone).toInstant();
            if (!row.createdAt().isBefore(monthEnd)) {
                continue;
            }
            if (row.closedAt() != null && row.closedAt().isBefore(monthEnd)) {
                return;
            }
            groups.get(m.toString()).openAtEnd++;
        }
    }

    /** A deadline in the period, passed by now, and not met by then. */
    private static boolean missed(Instant deadline, Instant met, Instant start, Instant end, Instant now) {
        return deadline != null && inside(deadline, start, end) && deadline.isBefore(now)
                && (met == null || met.isAfter(deadline));
    }

    private static boolean inside(Instant at, Instant start, Instant end) {
        return !at.isBefore(start) && at.isBefore(end);
    }

    private static long seconds(Instant from, Instant to) {
        return Math.max(0, Duration.between(from, to).toSeconds());
    }

    /** Nearest rank: the smallest value that at least p % of the values are at or below. */
    static Long percentile(List<Long> values, int p) {
        if (values.isEmpty()) {
            return null;
        }
        long[] sorted = values.stream().mapToLong(Long::longValue).toArray();
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, rank - 1)];
    }
}
