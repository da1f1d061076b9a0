package no.tenantdesk.domain;

import java.time.Instant;
import java.util.List;

/** @param taskId the task this comment is about (a contractor's answer by e-mail); null for the inquiry itself */
public record Comment(
        long id,
        Long taskId,
        CommentKind kind,
        String author,
        String body,
        Instant createdAt,
        List<Attachment> attachments) {

    public Comment {
        attachments = List.copyOf(attachments);
    }
}
