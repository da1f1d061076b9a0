package no.tenantdesk.cli;

import java.util.ArrayList;
import java.util.List;
import no.tenantdesk.render.TerminalText;
import no.tenantdesk.service.MessageResult;

/**
 * What fetch-mail --dry-run says of each message in plain text, one line each: what it would do, and for a new
 * inquiry what triage would set (place, priority, assignee, organization), as --json says in fields.
 */
final class DryRunLine {

    private DryRunLine() {}

    static String of(MessageResult result) {
        String what = switch (result.outcome()) {
            case CREATED -> "new inquiry";
            case THREADED -> "answer on #" + result.inquiryId();
            case SKIPPED -> "skip (" + result.reason() + ")";
            case QUARANTINED -> "quarantine (" + result.reason() + ")";
        };
        StringBuilder line = new StringBuilder(what);
        if (result.subject() != null || result.sender() != null) {
            line.append(": \"").append(result.subject() == null ? "" : result.subject()).append("\" from ")
                    .append(result.sender());
        }
        List<String> triage = new ArrayList<>();
        if (result.location() != null) {
            MessageResult.Place place = result.location();
            triage.add("location " + place.path() + " (from " + place.from().cli()
                    + (place.matched() == null ? "" : ": " + place.matched()) + ")");
        }
        if (result.priority() != null) {
            triage.add("priority " + result.priority().cli());
        }
        if (result.assignee() != null) {
            triage.add("assignee " + result.assignee());
        }
        if (result.organization() != null) {
            triage.add("org " + result.organization().name());
        }
        if (!result.rules().isEmpty()) {
            triage.add("rules " + String.join(", ", result.rules()));
        }
        if (!triage.isEmpty()) {
            line.append("; ").append(String.join("; ", triage));
        }
        return TerminalText.line(line.toString());
    }
}
