package no.tenantdesk.store;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import no.tenantdesk.domain.Event;
import org.apache.ibatis.annotations.Param;

public interface EventMapper {

    record NewEvent(
            long inquiryId, Long taskId, String actor, String field, String oldValue, String newValue,
            Instant createdAt) {}

    void insert(NewEvent event);

    /** Events in one statement, in their order ({@link HeldColumns#events}; PostgreSQL only). */
    void insertAll(@Param("c") Map<String, Object> columns);

    List<Event> byInquiry(long inquiryId);
}
