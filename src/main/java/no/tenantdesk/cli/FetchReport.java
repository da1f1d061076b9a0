package no.tenantdesk.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import no.tenantdesk.domain.MailOutcome;
import no.tenantdesk.domain.TemporaryFailureException;
import no.tenantdesk.service.FetchService.Report;
import no.tenantdesk.service.FetchService.SourceResult;

/** What fetch-mail says of a run when it is over: a line for a person, or the summary of --json. */
final class FetchReport {

    private FetchReport() {}

    static String summary(Report report, boolean dryRun) {
        long created = report.count(MailOutcome.CREATED);
        long threaded = report.count(MailOutcome.THREADED);
        long skipped = report.count(MailOutcome.SKIPPED);
        long quarantined = report.count(MailOutcome.QUARANTINED);
        StringBuilder line = new StringBuilder(dryRun ? "Would file " : "Fetched ")
                .append(report.total()).append(report.total() == 1 ? " message" : " messages")
                .append(": ").append(created).append(created == 1 ? " new inquiry, " : " new inquiries, ")
                .append(threaded).append(threaded == 1 ? " answer" : " answers").append(" threaded, ")
                .append(skipped).append(" skipped");
        if (skipped > 0) {
            line.append(" (").append(report.skipped().entrySet().stream()
                    .map(e -> e.getValue() + " " + e.getKey()).collect(Collectors.joining(", "))).append(")");
        }
        line.append(", ").append(quarantined).append(" quarantined");
        long already = report.sources().stream().mapToLong(SourceResult::alreadyFetched).sum();
        if (already > 0) {
            line.append("; ").append(already).append(" fetched before");
        }
        return line.append(dryRun ? " (dry run: nothing stored)" : "").append('.').toString();
    }

    /** The summary; the messages follow it. */
    static Map<String, Object> json(Report report) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("dryRun", report.dryRun());
        json.put("busy", report.busy());
        json.put("created", report.count(MailOutcome.CREATED));
        json.put("threaded", report.count(MailOutcome.THREADED));
        json.put("skipped", report.skipped());
        json.put("quarantined", report.count(MailOutcome.QUARANTINED));
        json.put("alreadyFetched", report.sources().stream().mapToLong(SourceResult::alreadyFetched).sum());
        List<Map<String, Object>> sources = new ArrayList<>();
        for (SourceResult result : report.sources()) {
            Map<String, Object> source = new LinkedHashMap<>();
            source.put("name", result.name());
            source.put("listed", result.listed());
            source.put("alreadyFetched", result.alreadyFetched());
            source.put("error", result.failure() == null ? null : result.failure().getMessage());
            source.put("temporary", result.failure() instanceof TemporaryFailureException);
            sources.add(source);
        }
        json.put("sources", sources);
        return json;
    }
}
