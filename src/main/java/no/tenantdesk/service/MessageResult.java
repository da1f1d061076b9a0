package no.tenantdesk.service;

import java.util.List;
import no.tenantdesk.domain.LocationFrom;
import no.tenantdesk.domain.MailOutcome;
import no.tenantdesk.domain.MatchedBy;
import no.tenantdesk.domain.OrganizationRef;
import no.tenantdesk.domain.Priority;
import no.tenantdesk.mail.in.InboundMail;
import no.tenantdesk.triage.Triage;

/**
 * What became of one message, fetched or retried from the quarantine.
 *
 * @param reason       the skip reason, or the error that quarantined it
 * @param organization the sender's organization, when triage found one
 * @param location     the new inquiry's place, where it came from and what named it; null when it has none
 * @param priority     the new inquiry's priority; null when it made none
 * @param assignee     whom a rule assigned the new inquiry to; null when none
 * @param rules        the names of the config's rules that matched it, in order
 */
public record MessageResult(
        String source,
        String messageId,
        String sender,
        String subject,
        MailOutcome outcome,
        String reason,
        Long inquiryId,
        MatchedBy matchedBy,
        List<InboundMail.OmittedPart> omitted,
        OrganizationRef organization,
        Place location,
        Priority priority,
        String assignee,
        List<String> rules) {

    /** @param matched the words of the mail, the rule, the requester or the organization that gave the place */
    public record Place(String path, LocationFrom from, String matched) {}

    static MessageResult of(String source, Intake intake, MailFiling.Filed filed) {
        if (intake instanceof Intake.Parsed parsed) {
            InboundMail mail = parsed.mail();
            Triage.Decision triage = filed.triage();
            boolean created = filed.outcome() == MailOutcome.CREATED;
            Triage.Location location = created ? triage.location() : null;
            return new MessageResult(source, mail.messageId(), mail.from().email(), mail.subject(), filed.outcome(),
                    filed.reason(), filed.inquiryId(), filed.matchedBy(),
                    filed.outcome() == MailOutcome.QUARANTINED ? List.of() : mail.omitted(), triage.organization(),
                    location == null ? null : new Place(location.path(), location.from(), location.matched()),
                    created ? triage.priority() : null,
                    created && triage.rules().assignee() != null ? triage.rules().assignee().name() : null,
                    triage.rules().matched());
        }
        return new MessageResult(source, null, null, null, filed.outcome(), filed.reason(), null, null, List.of(),
                null, null, null, null, List.of());
    }
}
