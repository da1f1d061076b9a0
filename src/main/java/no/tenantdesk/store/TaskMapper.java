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

    /** What `task list` asks for; nulls mean "any", a null limit all of them. */
    record Filter(Long inquiryId, Long assigneeId, List<Status> statuses, TaskKind kind, Integer limit) {

        public Filter(Long inquiryId, Long assigneeId, List<Status> statuses, TaskKind kind) {
            this(inquiryId, assigneeId, statuses, kind, null);
        }
    }

    long insert(NewTask task);

    TaskRow byId(long id);

    List<TaskRow> find(Filter filter);

    /** How many {@link #find} would return without its limit. */
    long count(Filter filter);

    void updateProgress(Progress progress);
}
