package no.tenantdesk.service;

import java.time.Instant;
import no.tenantdesk.triage.Triage;

/**
 * What filing's decisions ask of the database, read-only: {@link StoredLookups} answers from a transaction, a test
 * from a few maps. Ids are null when there is no such thing.
 */
interface Stored {

    /**
     * Whether a message with this key (its Message-ID, else the hash of its bytes) is stored already, not counting
     * the row {@code except} (the quarantined message being filed again), nor recorded duplicates.
     */
    boolean hasMessage(String messageKey, Long except);

    /** The inquiry of the newest message, ours or a tenant's, with this Message-ID. */
    Long inquiryOfMessage(String messageId);

    /** The task a message of ours with this Message-ID was the notice of. */
    Long taskOfMessage(String messageId);

    /** The inquiry a task belongs to. */
    Long inquiryOfTask(long taskId);

    /** The inquiry a number leads to: itself, the one it was merged into, or null when there is none. */
    Long inquiryOfNumber(long inquiryId);

    /** Whether the address is the inquiry's requester, assignee, a task's assignee, or wrote on it before. */
    boolean senderBelongsTo(long inquiryId, String senderKey);

    /** The outbox row of a message of ours with this Message-ID. */
    Long outboxOfMessage(String messageId);

    /** Whether a receipt went to this address since then. */
    boolean acknowledgedSince(String senderKey, Instant since);

    /** The sender as a contact, or null when they are none. */
    Triage.Sender sender(String senderKey);

    /** The newest open inquiry from this address with this title (thread-by-subject), or null. */
    Long openInquiryBySubject(String senderKey, String title);

    /** The lower-cased address of the task's assignee, or null when it has none with one. */
    String taskAssignee(long taskId);
}
