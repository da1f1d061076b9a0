package no.tenantdesk.store;

import java.time.Instant;
import java.util.List;
import no.tenantdesk.domain.CommentKind;

public interface CommentMapper {

    record NewComment(long inquiryId, CommentKind kind, String author, String body, Instant createdAt) {}

    record CommentRow(long id, CommentKind kind, String author, String body, Instant createdAt) {}

    long insert(NewComment comment);

    List<CommentRow> byInquiry(long inquiryId);
}
