package no.tenantdesk.store;

import java.time.Instant;
import java.util.List;
import no.tenantdesk.domain.Priority;
import no.tenantdesk.domain.SearchField;
import no.tenantdesk.domain.Source;
import no.tenantdesk.domain.Status;
import org.apache.ibatis.annotations.Param;

public interface InquiryMapper {

    record NewInquiry(
            String title,
            String description,
            Status status,
            Priority priority,
            Source source,
            Long requesterId,
            Long locationId,
            Long assigneeId,
            Instant createdAt) {}

    /** The columns an operator can change; written whole, read back whole. */
    record Fields(
            long id,
            String title,
            String description,
            Status status,
            Priority priority,
            Long requesterId,
            Long locationId,
            Long assigneeId,
            Instant updatedAt,
            Instant closedAt) {}

    /**
     * What `inquiry list` asks for. Empty lists and nulls mean "any". {@code searchTerms} are words as the user
     * typed them, each matched as the beginning of a word, all of them required. {@code sort} is one of priority,
     * created, updated, id, title, status, or relevance (with search terms); the order is stable (ties broken by id).
     */
    record Filter(
            List<Status> statuses,
            Long assigneeId,
            boolean unassigned,
            Long requesterId,
            List<Long> locationIds,
            Priority priority,
            List<String> searchTerms,
            String sort,
            boolean descending,
            int limit) {}

    long insert(NewInquiry inquiry);

    InquiryRow byId(long id);

    void update(Fields fields);

    void touch(@Param("id") long id,
            @Param("updatedAt") Instant updatedAt);

    List<InquiryRow> find(Filter filter);

    long count(Filter filter);

    /** The best place each inquiry matched the search terms. */
    record MatchRow(long inquiryId, SearchField field, String snippet) {}

    List<MatchRow> matches(@Param("searchTerms") List<String> searchTerms,
            @Param("inquiryIds") List<Long> inquiryIds);
}
