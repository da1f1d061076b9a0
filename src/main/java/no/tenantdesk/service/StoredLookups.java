package no.tenantdesk.service;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import no.tenantdesk.store.ContactMapper;
import no.tenantdesk.store.InquiryMapper;
import no.tenantdesk.store.MailMapper;
import no.tenantdesk.store.MergeMapper;
import no.tenantdesk.store.OutboxMapper;
import no.tenantdesk.store.TaskMapper;
import no.tenantdesk.store.TaskRow;
import no.tenantdesk.store.Tx;
import no.tenantdesk.triage.Triage;

/**
 * {@link Stored} on a transaction, with what a batch asks most: which of its messages are stored already and who of
 * its senders are contacts, looked up in one query each when the batch begins (a statement costs more in MyBatis
 * than in SQLite). What the batch's filing adds is {@link #learn learnt} once it is sure to stay (its savepoint kept).
 * Valid for its transaction only: whoever else imports takes the fetch lock first, and no other writer makes contacts
 * while it is open.
 */
final class StoredLookups implements Stored {

    private final Tx tx;
    private final MailMapper mails;
    /** By message key: whether a message with it is stored. */
    private final Map<String, Boolean> messages = new HashMap<>();
    /** By lower-cased address: the sender as a contact, or empty when not one. */
    private final Map<String, Optional<ContactMapper.Sender>> senders = new HashMap<>();

    private StoredLookups(Tx tx) {
        this.tx = tx;
        this.mails = tx.mapper(MailMapper.class);
    }

    /** For one message, or a retry: nothing asked ahead. */
    static StoredLookups of(Tx tx) {
        return new StoredLookups(tx);
    }

    /**
     * For a batch.
     *
     * @param messageKeys the keys of the batch's messages that could be parsed
     * @param senderKeys  the senders of those that a person wrote (automatic mail is only recorded)
     */
    static StoredLookups forBatch(Tx tx, Collection<String> messageKeys, Collection<String> senderKeys) {
        StoredLookups lookups = new StoredLookups(tx);
        if (!messageKeys.isEmpty()) {
            messageKeys.forEach(key -> lookups.messages.put(key, false));
            lookups.mails.storedKeys(messageKeys).forEach(key -> lookups.messages.put(key, true));
        }
        if (!senderKeys.isEmpty()) {
            senderKeys.forEach(key -> lookups.senders.put(key, Optional.empty()));
            for (ContactMapper.Sender sender : tx.mapper(ContactMapper.class).senders(senderKeys)) {
                lookups.senders.put(sender.emailKey(), Optional.of(sender));
            }
        }
        return lookups;
    }

    /**
     * What a message's filing stored, once it is kept: the batch's next copy of it is a duplicate, and the next mail
     * from a sender it made a contact is from that contact.
     */
    void learn(MailFiling.Filed filed) {
        if (filed.storedKey() != null) {
            messages.put(filed.storedKey(), true);
        }
        if (filed.madeContact() != null) {
            senders.put(filed.madeContact().emailKey(), Optional.of(filed.madeContact()));
        }
    }

    /** Whether this source handed over this message before (a run that stopped between commit and marking it done). */
    boolean fetchedBefore(String source, String sourceKey) {
        return !mails.knownSourceKeys(source, List.of(sourceKey)).isEmpty();
    }

    /** The sender as a contact, if they are one. */
    Optional<ContactMapper.Sender> senderContact(String senderKey) {
        Optional<ContactMapper.Sender> known = senders.get(senderKey);
        return known != null ? known
                : tx.mapper(ContactMapper.class).senders(List.of(senderKey)).stream().findFirst();
    }

    @Override
    public boolean hasMessage(String messageKey, Long except) {
        Boolean known = except == null ? messages.get(messageKey) : null;
        if (known != null) {
            return known;
        }
        Long original = mails.storedByKey(messageKey);
        return original != null && !original.equals(except);
    }

    @Override
    public Long inquiryOfMessage(String messageId) {
        return mails.inquiryByMessageId(messageId);
    }

    @Override
    public Long taskOfMessage(String messageId) {
        return tx.mapper(OutboxMapper.class).taskByMessageId(messageId);
    }

    @Override
    public Long inquiryOfTask(long taskId) {
        TaskRow task = tx.mapper(TaskMapper.class).byId(taskId);
        return task == null ? null : task.inquiryId();
    }

    @Override
    public Long inquiryOfNumber(long inquiryId) {
        if (tx.mapper(InquiryMapper.class).byId(inquiryId) == null) {
            return null;
        }
        Long into = tx.mapper(MergeMapper.class).mergedInto(inquiryId);
        return into == null ? inquiryId : into;
    }

    @Override
    public boolean senderBelongsTo(long inquiryId, String senderKey) {
        return mails.senderBelongsTo(inquiryId, senderKey);
    }

    @Override
    public Long outboxOfMessage(String messageId) {
        return tx.mapper(OutboxMapper.class).byMessageId(messageId);
    }

    @Override
    public Triage.Sender sender(String senderKey) {
        return senderContact(senderKey).map(s -> new Triage.Sender(s.id(), s.name(), s.locationId(),
                s.organizationId())).orElse(null);
    }

    @Override
    public Long openInquiryBySubject(String senderKey, String title) {
        return tx.mapper(InquiryMapper.class).openBySubject(senderKey, title);
    }

    @Override
    public String taskAssignee(long taskId) {
        TaskRow task = tx.mapper(TaskMapper.class).byId(taskId);
        return task == null || task.assigneeEmail() == null ? null
                : task.assigneeEmail().strip().toLowerCase(java.util.Locale.ROOT);
    }

    @Override
    public boolean acknowledgedSince(String senderKey, Instant since) {
        return tx.mapper(OutboxMapper.class).acknowledgementsSince(senderKey, since) > 0;
    }
}
