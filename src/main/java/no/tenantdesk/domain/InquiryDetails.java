package no.tenantdesk.domain;

import java.util.List;

/** The whole story of one inquiry, as `inquiry show` tells it. */
public record InquiryDetails(
        Inquiry inquiry, List<Comment> comments, List<Task> tasks, List<Attachment> attachments, List<Event> events) {

    public InquiryDetails {
        comments = List.copyOf(comments);
        tasks = List.copyOf(tasks);
        attachments = List.copyOf(attachments);
        events = List.copyOf(events);
    }
}
