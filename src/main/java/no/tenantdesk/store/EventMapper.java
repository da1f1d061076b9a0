package no.tenantdesk.store;

import java.time.Instant;
import java.util.List;
import no.tenantdesk.domain.Event;

public interface EventMapper {

    record NewEvent(
            long inquiryId, Long taskId, String actor, String field, String oldValue, String newValue,
            Instant createdAt) {}

    void insert(NewEvent event);

    List<Event> byInquiry(long inquiryId);
}
