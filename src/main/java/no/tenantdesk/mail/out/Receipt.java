package no.tenantdesk.mail.out;

import java.util.List;
import no.tenantdesk.domain.InvalidInputException;

/**
 * The automatic receipt for a new inquiry from e-mail. It goes to a sender nobody has checked: anyone can write
 * From: someone else's address. So it carries nothing of what the sender wrote, neither their subject nor their
 * name (which would make it a way to send any text to anyone, from us), only the inquiry's number and our own words.
 *
 * @param from     our address
 * @param subject  our words, after "[#ID]"; {id} is filled in
 * @param template the text, our words; {id} is filled in
 */
public record Receipt(OutgoingMail.Address from, String subject, String template) {

    public Receipt {
        for (String placeholder : List.of("{name}", "{title}")) {
            if (subject.contains(placeholder) || template.contains(placeholder)) {
                throw new InvalidInputException("mail: acknowledgement: " + placeholder + " is not filled in: a"
                        + " receipt goes to whatever address a mail claims, so it carries none of the sender's text;"
                        + " use {id}");
            }
        }
    }

    /**
     * The receipt for one inquiry.
     *
     * @param messageId  ours, for the receipt
     * @param recipient  the address the tenant's mail came from, without its display name
     * @param inReplyTo  the tenant's Message-ID, or null; ids are no text a person reads
     * @param references the thread, oldest first
     */
    public OutgoingMail to(String recipient, long inquiryId, String messageId, String inReplyTo,
            List<String> references) {
        String id = "#" + inquiryId;
        return new OutgoingMail(messageId, from, List.of(OutgoingMail.Address.of(recipient)),
                "[" + id + "] " + subject.replace("{id}", id), template.replace("{id}", id), inReplyTo, references,
                OutgoingMail.Automatic.REPLIED, List.of());
    }
}
