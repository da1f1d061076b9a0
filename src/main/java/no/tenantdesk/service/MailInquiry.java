package no.tenantdesk.service;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import no.tenantdesk.domain.ContactRole;
import no.tenantdesk.domain.InvalidInputException;
import no.tenantdesk.domain.OrganizationRef;
import no.tenantdesk.domain.OutboxKind;
import no.tenantdesk.domain.Source;
import no.tenantdesk.domain.Status;
import no.tenantdesk.domain.TaskKind;
import no.tenantdesk.mail.in.InboundMail;
import no.tenantdesk.mail.out.OutgoingMail;
import no.tenantdesk.mail.out.Receipt;
import no.tenantdesk.service.FilingDecision.NewInquiry;
import no.tenantdesk.store.ContactMapper;
import no.tenantdesk.store.InquiryMapper;
import no.tenantdesk.store.TaskMapper;
import no.tenantdesk.store.Tx;
import no.tenantdesk.triage.Rules;
import no.tenantdesk.triage.Triage;

/**
 * The inquiry a new mail makes ({@link MailFiling}'s effects for a {@link NewInquiry}): its requester, made when the
 * sender is new, what triage set, each with its event, the tasks of the rules, the attachments, and the receipt.
 */
final class MailInquiry {

    private final Tx tx;
    private final Instant now;
    private final MailSettings settings;
    private final StoredLookups lookups;
    private final Scratch scratch;

    MailInquiry(Tx tx, Instant now, MailSettings settings, StoredLookups lookups, Scratch scratch) {
        this.tx = tx;
        this.now = now;
        this.settings = settings;
        this.lookups = lookups;
        this.scratch = scratch;
    }

    /** @param madeContact the contact made of its sender, or null when the sender was known */
    record Made(long inquiryId, ContactMapper.Sender madeContact) {}

    Made make(InboundMail mail, NewInquiry decision) {
        String senderKey = FilingRules.senderKey(mail);
        Triage.Decision triage = decision.triage();
        ContactMapper.Sender known = lookups.senderContact(senderKey).orElse(null);
        ContactMapper.Sender requester = known != null ? known : newContact(mail, senderKey, triage.newContactOf());
        Recorder recorder = new Recorder(tx, senderKey, now);
        Rules.Outcome rules = triage.rules();
        Triage.Location location = triage.location();
        long inquiryId = tx.mapper(InquiryMapper.class).insert(new InquiryMapper.NewInquiry(
                decision.title(), MailFiling.body(mail, settings.maxAttachmentSize()), Status.TODO, triage.priority(),
                Source.EMAIL, requester.id(),
                location == null ? null : location.id(), location == null ? null : location.from(),
                location == null ? null : location.matched(),
                rules.assignee() == null ? null : rules.assignee().id(), recorder.now(),
                settings.deadlines().respondBy(triage.priority(), recorder.now()),
                settings.deadlines().resolveBy(triage.priority(), recorder.now())));
        recorder.event(inquiryId, null, "created", null, Source.EMAIL.cli());
        // What the rules set, each an event by the rule, so the timeline says why the inquiry is urgent and whose.
        if (rules.priority() != null) {
            byRule(rules.priorityBy()).event(inquiryId, null, "priority", null, rules.priority().cli());
        }
        if (rules.assignee() != null) {
            byRule(rules.assigneeBy()).event(inquiryId, null, "assignee", null, rules.assignee().name());
        }
        recorder.attach(inquiryId, null, null, mail.parts().stream().map(FileInput::spooled).toList());
        for (Rules.TaskPlan plan : rules.tasks()) {
            Long assignee = plan.assignee() != null ? Long.valueOf(plan.assignee().id())
                    : TaskService.responsibleFor(tx, location == null ? null : location.id());
            long taskId = tx.mapper(TaskMapper.class).insert(new TaskMapper.NewTask(inquiryId, TaskKind.TASK,
                    plan.title(), "", Status.TODO, triage.priority(), assignee, null, "rule '" + plan.rule() + "'",
                    recorder.now()));
            byRule(plan.rule()).event(inquiryId, taskId, TaskKind.TASK.cli(), null, plan.title());
        }
        return new Made(inquiryId, known == null ? requester : null);
    }

    private Recorder byRule(String rule) {
        return new Recorder(tx, "rule '" + rule + "'", now);
    }

    /** A new tenant, named as their mail program names them; of the organization that owns their domain, if any. */
    private ContactMapper.Sender newContact(InboundMail mail, String senderKey, OrganizationRef organization) {
        String name = mail.from().name().isBlank() ? senderKey.substring(0, Math.max(0, senderKey.indexOf('@')))
                : mail.from().name().strip();
        if (name.isBlank()) {
            name = senderKey;
        }
        Long organizationId = organization == null ? null : organization.id();
        long id = tx.mapper(ContactMapper.class).insert(new ContactMapper.NewContact(name, Lookup.Keys.name(name),
                mail.from().email(), senderKey, null, ContactRole.TENANT, null, organizationId, now));
        return new ContactMapper.Sender(senderKey, id, name, null, organizationId);
    }

    /**
     * The receipt that tells the tenant the inquiry's number, in our own words only ({@link Receipt}); automatic mail
     * never gets here.
     */
    void acknowledge(InboundMail mail, long inquiryId) {
        MailSettings.Acknowledgement acknowledgement = settings.acknowledgement();
        Outbox outbox = new Outbox(tx, now, acknowledgement.from(), scratch);
        List<String> references = new ArrayList<>(mail.references());
        if (mail.messageId() != null) {
            references.add(mail.messageId());
        }
        OutgoingMail receipt;
        try {
            receipt = acknowledgement.receipt().to(mail.from().email(), inquiryId, outbox.newMessageId(inquiryId),
                    Outbox.usable(mail.messageId()) ? mail.messageId() : null, Outbox.usable(references));
        } catch (InvalidInputException e) {
            // An address we cannot send to (non-ASCII): the receipt is a courtesy, the inquiry is what matters.
            return;
        }
        outbox.queue(OutboxKind.ACKNOWLEDGEMENT, inquiryId, null, null, receipt);
    }
}
