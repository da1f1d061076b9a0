package no.tenantdesk.store;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import no.tenantdesk.domain.Priority;
import no.tenantdesk.domain.Status;
import no.tenantdesk.domain.TaskKind;

public interface TaskMapper {

    record NewTask(
            long inquiryId,
            TaskKind kind,
            String title,
            String description,
            Status status,
            Priority priority,
            Long assigneeId,
            LocalDate due,
            String createdBy,
            Instant createdAt) {}

    record Progress(long id, Status status, String completionNote, Instant updatedAt, Instant closedAt) {}

    /** What `task list` asks for; nulls mean "any". */
    record Filter(Long inquiryId, Long assigneeId, List<Status> statuses, TaskKind kind) {}

    long insert(NewTask task);

    TaskRow byId(long id);

    List<TaskRow> find(Filter filter);

    void updateProgress(Progress progress);
}
