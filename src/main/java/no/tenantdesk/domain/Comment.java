package no.tenantdesk.domain;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

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

    /** The earlier mail a tenant's answer quotes; only mail in is read so (our own replies are ours to write). */
    public Optional<QuotedHistory> quotedHistory() {
        return kind == CommentKind.INCOMING ? QuotedHistory.of(body) : Optional.empty();
    }
}
