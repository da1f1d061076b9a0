package no.tenantdesk.service;

import java.util.List;
import no.tenantdesk.domain.MailOutcome;
import no.tenantdesk.domain.MatchedBy;
import no.tenantdesk.mail.in.InboundMail;

/**
 * What became of one message, fetched or retried from the quarantine.
 *
 * @param reason the skip reason, or the error that quarantined it
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
        List<InboundMail.OmittedPart> omitted) {

    static MessageResult of(String source, Intake intake, MailFiling.Filed filed) {
        if (intake instanceof Intake.Parsed parsed) {
            InboundMail mail = parsed.mail();
            return new MessageResult(source, mail.messageId(), mail.from().email(), mail.subject(), filed.outcome(),
                    filed.reason(), filed.inquiryId(), filed.matchedBy(),
                    filed.outcome() == MailOutcome.QUARANTINED ? List.of() : mail.omitted());
        }
        return new MessageResult(source, null, null, null, filed.outcome(), filed.reason(), null, null, List.of());
    }
}
