package no.tenantdesk.render;

import java.io.PrintWriter;
import no.tenantdesk.domain.Report;

/** A report for people (a table, with bars on a terminal) and for a spreadsheet (CSV, RFC 4180). */
public final class ReportText {

    private static final int BAR = 20;

    private ReportText() {}

    public static Table table(Report report, boolean bars) {
        long most = report.lines().stream().mapToLong(l -> Math.max(l.opened(), l.closed())).max().orElse(0);
        Table table = new Table().flexible(report.by().cli().toUpperCase(java.util.Locale.ROOT), 8).column("OPENED");
        if (bars) {
            table.column("");
        }
        table.column("CLOSED");
        if (bars) {
            table.column("");
        }
        table.column("OPEN AT END").column("1ST REPLY MEDIAN").column("P90").column("DONE MEDIAN").column("P90")
                .column("REPLY MISSED").column("DONE MISSED");
        for (Report.Line line : report.lines()) {
            java.util.List<Object> cells = new java.util.ArrayList<>();
            cells.add(line.group());
            cells.add(line.opened());
            if (bars) {
                cells.add(bar(line.opened(), most));
            }
            cells.add(line.closed());
            if (bars) {
                cells.add(bar(line.closed(), most));
            }
            cells.add(line.openAtEnd());
            cells.add(duration(line.firstResponseMedian()));
            cells.add(duration(line.firstResponseP90()));
            cells.add(duration(line.resolutionMedian()));
            cells.add(duration(line.resolutionP90()));
            cells.add(line.respondMissed());
            cells.add(line.resolveMissed());
            table.row(cells.toArray());
        }
        return table;
    }

    public static void csv(PrintWriter out, Report report) {
        out.print(report.by().cli() + ",opened,closed,openAtEnd,firstResponseMedianSeconds,firstResponseP90Seconds,"
                + "resolutionMedianSeconds,resolutionP90Seconds,respondMissed,resolveMissed\r\n");
        for (Report.Line l : report.lines()) {
            out.print(String.join(",", quoted(l.group()), String.valueOf(l.opened()), String.valueOf(l.closed()),
                    String.valueOf(l.openAtEnd()), orEmpty(l.firstResponseMedian()), orEmpty(l.firstResponseP90()),
                    orEmpty(l.resolutionMedian()), orEmpty(l.resolutionP90()), String.valueOf(l.respondMissed()),
                    String.valueOf(l.resolveMissed())) + "\r\n");
        }
    }

    /** "3d 4h", "5h 20m", "12m": two units are enough to compare. */
    static String duration(Long seconds) {
        if (seconds == null) {
            return "-";
        }
        long minutes = seconds / 60;
        long hours = minutes / 60;
        long days = hours / 24;
        if (days > 0) {
            return days + "d " + hours % 24 + "h";
        }
        return hours > 0 ? hours + "h " + minutes % 60 + "m" : minutes + "m";
    }

    private static String bar(long count, long most) {
        return most == 0 ? "" : "█".repeat((int) Math.round((double) count * BAR / most));
    }

    private static String orEmpty(Long value) {
        return value == null ? "" : value.toString();
    }

    /** A field with a comma, quote or line break is quoted; one that starts like a formula is kept from running. */
    private static String quoted(String field) {
        String safe = !field.isEmpty() && "=+-@".indexOf(field.charAt(0)) >= 0 ? "'" + field : field;
        return safe.matches("(?s).*[\",\r\n].*") ? "\"" + safe.replace("\"", "\"\"") + "\"" : safe;
    }
}
