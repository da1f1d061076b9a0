package no.tenantdesk.domain;

import java.time.Instant;
import java.util.List;

public record Comment(
        long id, CommentKind kind, String author, String body, Instant createdAt, List<Attachment> attachments) {

    public Comment {
        attachments = List.copyOf(attachments);
    }
}
