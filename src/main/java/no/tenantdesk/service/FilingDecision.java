package no.tenantdesk.service;

import java.util.List;
import no.tenantdesk.domain.MatchedBy;
import no.tenantdesk.domain.SkipReason;

/**
 * What becomes of one message: decided by {@link FilingRules} from the mail and what is stored, done by
 * {@link MailFiling}.
 */
sealed interface FilingDecision {

    /** The same message was stored before: recorded, its bytes not kept again. */
    record Duplicate() implements FilingDecision {}

    /** Automatic mail (an auto-reply, bulk mail, our own come back): recorded with its bytes, nothing more. */
    record Skip(SkipReason reason) implements FilingDecision {

        public Skip {
            if (reason == SkipReason.DUPLICATE || reason == SkipReason.BOUNCE) {
                throw new IllegalArgumentException(reason + " has a decision of its own");
            }
        }
    }

    /** A delivery failure: recorded, and each of our messages it returns marked failed. */
    record Bounce(List<Long> outboxIds) implements FilingDecision {

        public Bounce {
            outboxIds = List.copyOf(outboxIds);
        }
    }

    /**
     * An answer on an inquiry: an incoming comment there.
     *
     * @param taskId the task, when it answers a task notice; else null
     */
    record Answer(long inquiryId, MatchedBy matchedBy, Long taskId) implements FilingDecision {}

    /** @param acknowledge whether the sender gets a receipt (not when one went to them within the interval) */
    record NewInquiry(String title, boolean acknowledge) implements FilingDecision {}

    /** It cannot be read or stored: kept with its bytes and the reason, until an operator retries it. */
    record Quarantine(String reason) implements FilingDecision {}
}
