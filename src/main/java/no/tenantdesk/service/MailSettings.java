package no.tenantdesk.service;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import no.tenantdesk.triage.DoneReply;
import no.tenantdesk.triage.RuleConfig;
import no.tenantdesk.mail.out.OutgoingMail;
import no.tenantdesk.mail.out.Receipt;
import no.tenantdesk.sla.SlaPolicy;

/**
 * How fetch-mail files mail, from the configuration.
 *
 * @param ownAddresses    our mailboxes' addresses: mail From them is our own, come back
 * @param reopenDone      whether a tenant's answer moves a Done inquiry back to todo
 * @param acknowledgement the receipt for a new inquiry; null when there is no mail server or receipts are off
 * @param deadlines       the config's sla: for new inquiries and reopened ones
 */
public record MailSettings(long maxAttachmentSize, Set<String> ownAddresses, boolean reopenDone,
        Acknowledgement acknowledgement, Triaging triaging, Deadlines deadlines) {

    public MailSettings(long maxAttachmentSize, Set<String> ownAddresses, boolean reopenDone,
            Acknowledgement acknowledgement) {
        this(maxAttachmentSize, ownAddresses, reopenDone, acknowledgement, Triaging.NONE);
    }

    /** With the default deadlines (office hours in Oslo, Norway's holidays): for tests and tools without a config. */
    public MailSettings(long maxAttachmentSize, Set<String> ownAddresses, boolean reopenDone,
            Acknowledgement acknowledgement, Triaging triaging) {
        this(maxAttachmentSize, ownAddresses, reopenDone, acknowledgement, triaging,
                new Deadlines(SlaPolicy.defaults()));
    }

    /**
     * How a new mail is triaged (triage/Triage) and a contractor's answer read.
     *
     * @param freeMailDomains beyond the common ones (triage/FreeMail)
     * @param doneWords       a task's assignee's answer whose first line begins with one of these marks it done
     */
    public record Triaging(List<RuleConfig> rules, List<String> freeMailDomains, List<String> doneWords) {

        public static final Triaging NONE = new Triaging(List.of(), List.of(), DoneReply.WORDS);

        public Triaging {
            rules = List.copyOf(rules);
            freeMailDomains = List.copyOf(freeMailDomains);
            doneWords = List.copyOf(doneWords);
        }
    }

    /**
     * The receipt a tenant gets for a new inquiry from e-mail.
     *
     * @param interval at most one receipt per sender in this long
     */
    public record Acknowledgement(Receipt receipt, Duration interval) {

        public OutgoingMail.Address from() {
            return receipt.from();
        }
    }

    /**
     * The raw message is kept whole while it could hold an attachment we keep (base64 makes 4 bytes of 3, and text
     * and headers come with it); beyond that (a mail whose huge attachment was omitted) only its header is kept: the
     * database does not take in the raw form what the limit kept out as an attachment.
     */
    long maxRawSize() {
        return maxAttachmentSize * 3 / 2 + 1024 * 1024;
    }
}
