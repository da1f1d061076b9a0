package no.tenantdesk.store;

import java.time.Instant;
import java.util.List;
import no.tenantdesk.domain.CommentKind;

public interface CommentMapper {

    /** @param taskId the task a contractor's mail answered; null for a comment on the inquiry itself */
    record NewComment(long inquiryId, Long taskId, CommentKind kind, String author, String body, Instant createdAt) {

        public NewComment(long inquiryId, CommentKind kind, String author, String body, Instant createdAt) {
            this(inquiryId, null, kind, author, body, createdAt);
        }
    }

    record CommentRow(long id, Long taskId, CommentKind kind, String author, String body, Instant createdAt) {}

    long insert(NewComment comment);

    List<CommentRow> byInquiry(long inquiryId);
}
