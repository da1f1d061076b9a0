package no.tenantdesk.domain;

import java.util.List;

/**
 * The whole story of one inquiry, as `inquiry show` tells it.
 *
 * @param mails  the tenant's e-mails on it, each with how fetch-mail matched it to this inquiry
 * @param outbox the mail we sent or are sending about it: replies, the receipt, task notices
 * @param mergedInto the inquiry its story was moved to by `inquiry merge`, or null
 */
public record InquiryDetails(
        Inquiry inquiry,
        List<Comment> comments,
        List<Task> tasks,
        List<Attachment> attachments,
        List<Event> events,
        List<MailMessage> mails,
        List<OutboxMessage> outbox,
        Long mergedInto) {

    public InquiryDetails {
        comments = List.copyOf(comments);
        tasks = List.copyOf(tasks);
        attachments = List.copyOf(attachments);
        events = List.copyOf(events);
        mails = List.copyOf(mails);
        outbox = List.copyOf(outbox);
    }
}
