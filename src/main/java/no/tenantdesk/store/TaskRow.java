package no.tenantdesk.store;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import no.tenantdesk.domain.Attachment;
import no.tenantdesk.domain.ContactRef;
import no.tenantdesk.domain.Priority;
import no.tenantdesk.domain.Status;
import no.tenantdesk.domain.Task;
import no.tenantdesk.domain.TaskKind;

public record TaskRow(
        long id,
        long inquiryId,
        TaskKind kind,
        String title,
        String description,
        Status status,
        Priority priority,
        Long assigneeId,
        String assigneeName,
        String assigneeEmail,
        Long assigneeOrganizationId,
        String assigneeOrganizationName,
        LocalDate due,
        String completionNote,
        String createdBy,
        Instant createdAt,
        Instant updatedAt,
        Instant closedAt) {

    public Task toTask(List<Attachment> attachments) {
        ContactRef assignee = assigneeId == null ? null : ContactRef.of(assigneeId, assigneeName, assigneeEmail,
                assigneeOrganizationId, assigneeOrganizationName);
        return new Task(id, inquiryId, kind, title, description, status, priority, assignee, due, completionNote,
                createdBy, createdAt, updatedAt, closedAt, attachments);
    }
}
