package no.tenantdesk.service;

import java.util.List;
import no.tenantdesk.domain.MatchedBy;
import no.tenantdesk.domain.SkipReason;
import no.tenantdesk.triage.Triage;

/**
 * What becomes of one message: decided by {@link FilingRules} from the mail and what is stored, done by
 * {@link MailFiling}.
 */
sealed interface FilingDecision {

    /** The same message was stored before: recorded, its bytes not kept again. */
    record Duplicate() implements FilingDecision {}

    /**
     * Automatic mail (an auto-reply, bulk mail, our own come back) or a rule's skip: recorded with its bytes, nothing
     * more.
     *
     * @param triage what the rules made of it (for a rule's skip); else {@link Triage.Decision#NONE}
     */
    record Skip(SkipReason reason, Triage.Decision triage) implements FilingDecision {

        public Skip {
            if (reason == SkipReason.DUPLICATE || reason == SkipReason.BOUNCE) {
                throw new IllegalArgumentException(reason + " has a decision of its own");
            }
        }

        public Skip(SkipReason reason) {
            this(reason, Triage.Decision.NONE);
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
     * @param taskId   the task, when it answers a task notice; else null
     * @param doneNote when the task's assignee says it is done: the completion note (maybe empty); else null
     * @param triage   what the rules made of it when one threaded it by subject; else {@link Triage.Decision#NONE}
     */
    record Answer(long inquiryId, MatchedBy matchedBy, Long taskId, String doneNote, Triage.Decision triage)
            implements FilingDecision {

        public Answer(long inquiryId, MatchedBy matchedBy, Long taskId) {
            this(inquiryId, matchedBy, taskId, null, Triage.Decision.NONE);
        }
    }

    /**
     * @param acknowledge whether the sender gets a receipt (not when one went to them within the interval)
     * @param triage      organization, place, priority, assignee and tasks from the rules and the text
     */
    record NewInquiry(String title, boolean acknowledge, Triage.Decision triage) implements FilingDecision {

        public NewInquiry(String title, boolean acknowledge) {
            this(title, acknowledge, Triage.Decision.NONE);
        }
    }

    /** It cannot be read or stored: kept with its bytes and the reason, until an operator retries it. */
    record Quarantine(String reason) implements FilingDecision {}
}
