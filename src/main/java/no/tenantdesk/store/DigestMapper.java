package no.tenantdesk.store;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import no.tenantdesk.domain.Priority;
import no.tenantdesk.domain.TaskKind;
import org.apache.ibatis.annotations.Param;

/** `digest`: what the morning's messages list, and which of them went out today already. */
public interface DigestMapper {

    /** An open task with its assignee and the inquiry it belongs to. */
    record OpenTask(
            long taskId,
            TaskKind kind,
            String taskTitle,
            LocalDate due,
            long inquiryId,
            String inquiryTitle,
            String location,
            long assigneeId,
            String assigneeName,
            String assigneeEmail) {}

    /**
     * An open inquiry whose next deadline (due_at, V015) has passed or passes before {@code before}.
     *
     * @param respondedAt null while the first answer is what is due
     */
    record DueInquiry(
            long id,
            String title,
            Priority priority,
            String location,
            Instant dueAt,
            Instant respondedAt,
            String assignee) {}

    /** A digest queued: to whom (lower-cased address), for which day, which part. */
    record Sent(String recipientKey, LocalDate day, String part, long outboxId, Instant createdAt) {}

    List<OpenTask> openTasks();

    List<DueInquiry> dueBefore(@Param("before") Instant before);

    List<Sent> sentOn(@Param("day") LocalDate day);

    void forget(@Param("recipientKey") String recipientKey, @Param("day") LocalDate day, @Param("part") String part);

    void sent(Sent sent);
}
