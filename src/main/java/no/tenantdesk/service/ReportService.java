package no.tenantdesk.service;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import no.tenantdesk.domain.InvalidInputException;
import no.tenantdesk.domain.Report;
import no.tenantdesk.domain.ReportBy;
import no.tenantdesk.store.Database;
import no.tenantdesk.store.ReportMapper;

/** `report`: how the desk did in a period, by month or by another of the inquiries' fields. */
public final class ReportService {

    private final Database database;
    private final Clock clock;

    public ReportService(Database database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    /**
     * @param from the first day, or null: the first of the month eleven months before {@code to}'s (a year by month)
     * @param to   the last day, included, or null: today
     */
    public Report report(LocalDate from, LocalDate to, ReportBy by) {
        ZoneId zone = clock.getZone();
        LocalDate last = to != null ? to : LocalDate.now(clock);
        LocalDate first = from != null ? from : last.minusMonths(11).withDayOfMonth(1);
        if (first.isAfter(last)) {
            throw new InvalidInputException("--from " + first + " is after --to " + last);
        }
        return database.read(tx -> {
            ReportMapper report = tx.mapper(ReportMapper.class);
            report.withoutJit();
            return ReportTally.tally(report.openDuring(first.atStartOfDay(zone).toInstant(),
                    last.plusDays(1).atStartOfDay(zone).toInstant(), by), by, first, last, zone, clock.instant());
        });
    }
}
